// The voice bot as a server: AudioSocket on a TCP port, each call run by voice-call.ts, speech recognised by the
// configured engine (VOICE_ASR) and prompts synthesised by espeak-ng. Without a recogniser for any language it says
// so at start-up and takes calls on the keypad alone.
import { join } from "node:path";
import type { Logger } from "pino";
import type { VoiceConfig } from "../../config.ts";
import { numberPhrases } from "../../domain/voice/spoken-number.ts";
import { createSpeechRecognizer, type SpeechRecognizer } from "../../gateways/speech/speech-recognizer.ts";
import { assertSynthesizer, createSpeechSynthesizer } from "../../gateways/speech/speech-synthesizer.ts";
import type { Deps } from "../../services/deps.ts";
import { type AudioSocketServer, startAudioSocketServer } from "./audiosocket/server.ts";
import { runCall, type VoiceCallDeps } from "./voice-call.ts";
import { VoicePrompts } from "./voice-prompts.ts";

export interface VoiceBot {
  port: number;
  recognizer: SpeechRecognizer;
  /** Calls under way. */
  calls(): number;
  close(): Promise<void>;
}

export interface VoiceBotOptions {
  deps: Deps;
  config: VoiceConfig;
  port: number;
  logger: Logger;
  /** Where rendered prompts are kept between runs (null: memory only). */
  cacheDir: string | null;
  timing?: Partial<VoiceCallDeps["timing"]>;
  /** Tests and the benchmark: a recogniser of their own (e.g. against a local transcription server). */
  recognizer?: SpeechRecognizer;
}

export const DEFAULT_TIMING: VoiceCallDeps["timing"] = {
  noInputMs: 6000,
  maxSpeechMs: 15_000,
  interDigitMs: 4000,
};

export async function startVoiceBot(options: VoiceBotOptions): Promise<VoiceBot> {
  const { config, logger } = options;
  const espeak = await assertSynthesizer();
  const recognizer =
    options.recognizer ??
    (await createSpeechRecognizer({
      engine: config.asr,
      ...(config.asrUrl ? { url: config.asrUrl } : {}),
      ...(config.asrModel ? { model: config.asrModel } : {}),
      modelDir: config.modelDir,
      logger,
    }));
  if (recognizer.languages.length === 0)
    logger.warn(
      { asr: config.asr },
      "voice: no speech recogniser for any language (VOICE_ASR, `abonent voice install-model`): callers use the keypad alone",
    );
  const synthesizer = createSpeechSynthesizer({ cacheDir: options.cacheDir, logger });
  // Numbers are read back word by word from cached renders: render their words now, one at a time in the
  // background, so that calls do not wait for them (or stall on espeak-ng's spawns).
  // Closing stops it after the word in hand: on a machine with no cache yet the whole list takes a while.
  let closing = false;
  const warmUp = (async () => {
    for (const lang of ["uk", "ru"] as const)
      for (const word of numberPhrases(lang)) {
        if (closing) return;
        await synthesizer.speak(word, lang, 8000).catch(() => {});
      }
  })();
  const prompts = new VoicePrompts(synthesizer, config.promptsDir, logger);
  const bot: VoiceCallDeps = {
    deps: options.deps,
    recognizer,
    prompts,
    logger,
    defaultProvider: config.provider,
    timing: { ...DEFAULT_TIMING, ...options.timing },
  };
  const live = new Set<Promise<unknown>>();
  const server: AudioSocketServer = await startAudioSocketServer({
    port: options.port,
    host: config.host,
    logger,
    onCall: async (leg) => {
      const call = runCall(bot, leg);
      live.add(call);
      try {
        await call;
      } finally {
        live.delete(call);
      }
    },
  });
  logger.info(
    { port: server.port, asr: recognizer.engine, languages: recognizer.languages, espeak },
    "voice bot: listening for AudioSocket",
  );
  return {
    port: server.port,
    recognizer,
    calls: () => live.size,
    async close() {
      closing = true;
      await warmUp;
      await server.close();
      await Promise.allSettled([...live]);
      await recognizer.close();
    },
  };
}

/** Rendered prompts survive restarts in the data directory. */
export const voiceCacheDir = (dataDir: string): string => join(dataDir, "voice-cache");
