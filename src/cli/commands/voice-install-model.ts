// `abonent voice install-model --lang uk|ru [--from URL-or-zip] [--sha256 HEX]`: a Vosk model for the voice
// bot's speech recognition, into VOICE_MODEL_DIR/<lang> (docs/voice.md). Exit code 7 when the zip is refused.
import { type Command, Option } from "commander";
import { voiceModelDir } from "../../gateways/speech/model-dir.ts";
import {
  installVoskModel,
  ModelRefused,
  ModelRequestError,
} from "../../gateways/speech/vosk/install-model.ts";
import { OFFICIAL_MODELS } from "../../gateways/speech/vosk/official-models.ts";
import { CommandOutcome, EXIT } from "../exit-codes.ts";
import { UsageError } from "../usage-error.ts";

export function addVoiceInstallModel(voice: Command) {
  voice
    .command("install-model")
    .description(
      "Install a Vosk speech model into VOICE_MODEL_DIR/<lang> (default <DATA_DIR>/voice-models); the one there is replaced only once the new one is in place.",
    )
    .addOption(
      new Option("--lang <lang>", "the model's language").choices(["uk", "ru"]).makeOptionMandatory(),
    )
    .option(
      "--from <url-or-zip>",
      `a model zip: an http(s) URL or a local file (default: ${OFFICIAL_MODELS.uk.url} for uk, ${OFFICIAL_MODELS.ru.url} for ru)`,
    )
    .option("--sha256 <hex>", "the zip's SHA-256, checked before anything is unpacked")
    .action(async (opts: { lang: "uk" | "ru"; from?: string; sha256?: string }) => {
      try {
        const installed = await installVoskModel({
          language: opts.lang,
          from: opts.from,
          sha256: opts.sha256,
          modelDir: voiceModelDir(),
        });
        console.log(
          `installed the ${opts.lang} model in ${installed.dir} (${installed.files} files, sha256 ${installed.sha256})`,
        );
      } catch (e) {
        if (e instanceof ModelRequestError) throw new UsageError(e.message);
        if (e instanceof ModelRefused) {
          console.error(`abonent: refused: ${e.message}; nothing was installed`);
          throw new CommandOutcome(EXIT.modelRefused);
        }
        throw e;
      }
    });
}
