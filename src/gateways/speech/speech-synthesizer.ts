// Text to speech for the voice bot's prompts: espeak-ng on this machine (espeak/), rendered once per text,
// voice and rate and cached (prompt-cache.ts); a provider's own recordings come in through loadRecordedPrompt.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type pino from "pino";
import type { Pcm, SampleRate } from "../../channels/voice/audio/pcm.ts";
import { resample } from "./audio/resample.ts";
import { decodeWav } from "./audio/wav.ts";
import { espeakVersion, renderEspeak } from "./espeak/espeak-ng.ts";
import { PromptCache } from "./prompt-cache.ts";

export type PromptLanguage = "uk" | "ru" | "en";

export interface SpeechSynthesizer {
  /** The samples are shared with the cache: do not write into them. */
  speak(text: string, language: PromptLanguage, rate: SampleRate): Promise<Pcm>;
}

/** espeak-ng's voice for each language. */
const VOICES: Record<PromptLanguage, string> = { uk: "uk", ru: "ru", en: "en" };
/** Words per minute: a little slower than espeak-ng's 175, for a telephone line. */
const WORDS_PER_MINUTE = 150;

export interface SpeechSynthesizerOptions {
  /** Rendered prompts as WAV files survive restarts here; null: memory only. */
  cacheDir: string | null;
  logger: pino.Logger;
  /** The espeak-ng program (default: espeak-ng on the PATH). */
  espeakPath?: string;
  memoryBytes?: number;
}

/** Fails at start-up, not at the first call, with what to install when espeak-ng is missing. */
export async function assertSynthesizer(espeakPath = "espeak-ng"): Promise<string> {
  return espeakVersion(espeakPath);
}

export function createSpeechSynthesizer(options: SpeechSynthesizerOptions): SpeechSynthesizer {
  const bin = options.espeakPath ?? "espeak-ng";
  const cache = new PromptCache({ dir: options.cacheDir, maxBytes: options.memoryBytes });
  let version: Promise<string> | undefined;
  return {
    async speak(text, language, rate) {
      version ??= espeakVersion(bin).catch((e) => {
        version = undefined; // asked again next time: espeak-ng may be installed meanwhile
        throw e;
      });
      const voice = VOICES[language];
      const key = createHash("sha256")
        .update(JSON.stringify([await version, voice, WORDS_PER_MINUTE, text, rate]))
        .digest("hex");
      return cache.get(key, async () => {
        const started = Date.now();
        const wav = decodeWav(await renderEspeak(bin, text, voice, WORDS_PER_MINUTE));
        const pcm = { rate, samples: resample(wav.samples, wav.rate, rate) };
        options.logger.debug(
          { language, rate, chars: text.length, ms: Date.now() - started },
          "espeak-ng: rendered",
        );
        return pcm;
      });
    },
  };
}

/** A provider's own recorded prompt (a PCM16 WAV at any rate, mono or stereo), brought to the call's rate. */
export async function loadRecordedPrompt(path: string, rate: SampleRate): Promise<Pcm> {
  const wav = decodeWav(await readFile(path));
  return { rate, samples: resample(wav.samples, wav.rate, rate) };
}
