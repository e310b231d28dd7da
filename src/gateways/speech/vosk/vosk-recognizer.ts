// Vosk (Kaldi) in this process: one model per language, loaded once at start from `${modelDir}/uk` and
// `${modelDir}/ru` (abonent voice install-model), and a fresh recogniser per utterance restricted to the
// phrases the dialogue expects. The languages are those whose model loaded; none: the keypad alone.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type pino from "pino";
import { resample } from "../audio/resample.ts";
import { SpeechRecognitionError } from "../speech-errors.ts";
import type { Recognition, SpeechLanguage, SpeechRecognizer } from "../speech-recognizer.ts";
import { voskGrammar } from "./grammar.ts";
import { type LibVosk, loadLibVosk, type VoskHandle, voskLibraryPath } from "./libvosk.ts";

const ENGINE = "vosk";
/** Vosk's small models are trained on 16 kHz audio; telephone audio is brought up to it. */
const MODEL_RATE = 16000;
const LANGUAGES: SpeechLanguage[] = ["uk", "ru"];

interface VoskWord {
  word: string;
  conf: number;
}
interface VoskResult {
  text?: string;
  result?: VoskWord[];
}

/** The words Vosk heard, without the "[unk]" placeholders, and their mean confidence. */
export function readVoskResult(result: VoskResult): { text: string; confidence: number | null } {
  const words = (result.result ?? []).filter((w) => w.word !== "[unk]");
  const text = (result.text ?? "")
    .split(/\s+/)
    .filter((w) => w && w !== "[unk]")
    .join(" ");
  const confidence = words.length ? words.reduce((sum, w) => sum + w.conf, 0) / words.length : null;
  return { text, confidence };
}

export interface VoskOptions {
  modelDir: string;
  logger: pino.Logger;
  libraryPath?: string;
}

export async function createVoskRecognizer(options: VoskOptions): Promise<SpeechRecognizer> {
  const { logger } = options;
  const models = new Map<SpeechLanguage, VoskHandle>();
  let lib: LibVosk | undefined;
  try {
    lib = loadLibVosk(options.libraryPath ?? voskLibraryPath());
    lib.setLogLevel(-1); // Kaldi's progress lines would flood the log at every model load
  } catch (e) {
    logger.warn(
      { err: e },
      "vosk: the library did not load, so there is no speech recognition (keypad only)",
    );
  }
  for (const language of lib ? LANGUAGES : []) {
    const dir = join(options.modelDir, language);
    if (!existsSync(dir)) {
      logger.warn(
        { language, dir },
        `vosk: no ${language} model at ${dir}; install one with \`abonent voice install-model --lang ${language}\``,
      );
      continue;
    }
    const started = Date.now();
    const model = await lib!.modelNew(dir);
    if (model) {
      models.set(language, model);
      logger.info({ language, dir, ms: Date.now() - started }, `vosk: ${language} model loaded`);
    } else logger.error({ language, dir }, `vosk: the ${language} model at ${dir} did not load (damaged?)`);
  }
  if (models.size === 0)
    logger.warn({ modelDir: options.modelDir }, "vosk: no language available (keypad only)");

  async function recognizeWith(
    language: SpeechLanguage,
    pcm16: Buffer,
    grammar: string | null,
  ): Promise<Recognition> {
    const model = models.get(language);
    if (!lib || !model)
      throw new SpeechRecognitionError("unsupported-language", ENGINE, `no ${language} model is loaded`);
    const recognizer = lib.recognizerNew(model, MODEL_RATE, grammar);
    if (!recognizer)
      throw new SpeechRecognitionError("bad-response", ENGINE, "could not create a recogniser");
    try {
      lib.setWords(recognizer, true);
      await lib.acceptWaveform(recognizer, pcm16);
      const raw = JSON.parse(await lib.finalResult(recognizer)) as VoskResult;
      return { ...readVoskResult(raw), engine: ENGINE, raw: { language, ...raw } };
    } finally {
      lib.recognizerFree(recognizer);
    }
  }

  return {
    engine: ENGINE,
    languages: LANGUAGES.filter((l) => models.has(l)),
    async recognize(request) {
      const samples = resample(request.audio.samples, request.audio.rate, MODEL_RATE);
      const pcm16 = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
      const grammar = voskGrammar(request.phrases);
      if (request.language) return recognizeWith(request.language, pcm16, grammar);
      // Vosk cannot tell the language: each loaded model listens, and the surest answer wins.
      const candidates = await Promise.all([...models.keys()].map((l) => recognizeWith(l, pcm16, grammar)));
      const best = candidates.sort((a, b) => (b.confidence ?? -1) - (a.confidence ?? -1))[0];
      if (!best) throw new SpeechRecognitionError("unsupported-language", ENGINE, "no model is loaded");
      return best;
    },
    async close() {
      for (const model of models.values()) lib?.modelFree(model);
      models.clear();
    },
  };
}
