// Speech to text behind one interface, with one implementation per folder: none/ (keypad only), vosk/ (Kaldi
// in-process) and whisper-http/ (a self-hosted Whisper server). Callers' voices never leave the provider's own
// machines: there is no engine here that sends audio to a third party.
import type pino from "pino";
import type { Pcm } from "../../channels/voice/audio/pcm.ts";
import { noneRecognizer } from "./none/none-recognizer.ts";
import { createVoskRecognizer } from "./vosk/vosk-recognizer.ts";
import { whisperHttpRecognizer } from "./whisper-http/whisper-http-recognizer.ts";

export type SpeechLanguage = "uk" | "ru";

export interface Recognition {
  text: string;
  /** 0..1 where the engine says how sure it is; null where it does not. */
  confidence: number | null;
  engine: string;
  /** The engine's own answer, for the call's log. */
  raw: unknown;
}

export interface RecognizeRequest {
  audio: Pcm;
  /** null: the engine guesses. */
  language: SpeechLanguage | null;
  /** What the caller may say at this step: Vosk's grammar, Whisper's prompt. Empty: anything. */
  phrases: string[];
  callId: string;
}

export interface SpeechRecognizer {
  readonly engine: "none" | "vosk" | "whisper-http";
  /** What it can recognise now; empty: the bot runs on the keypad alone. */
  readonly languages: SpeechLanguage[];
  /** Rejects with a SpeechRecognitionError (speech-errors.ts). */
  recognize(request: RecognizeRequest): Promise<Recognition>;
  close(): Promise<void>;
}

export interface SpeechRecognizerOptions {
  engine: "none" | "vosk" | "whisper-http";
  /** whisper-http: the server's base address (…/v1/audio/transcriptions is appended). */
  url?: string;
  /** whisper-http: the `model` field (faster-whisper servers want their model's name). */
  model?: string;
  /** whisper-http: how long one transcription may take. */
  timeoutMs?: number;
  /** vosk: unpacked models in `${modelDir}/uk` and `${modelDir}/ru`. */
  modelDir: string;
  logger: pino.Logger;
  fetch?: typeof fetch;
}

export async function createSpeechRecognizer(options: SpeechRecognizerOptions): Promise<SpeechRecognizer> {
  switch (options.engine) {
    case "none":
      return noneRecognizer();
    case "vosk":
      return createVoskRecognizer({ modelDir: options.modelDir, logger: options.logger });
    case "whisper-http": {
      if (!options.url) throw new Error("whisper-http: the server's URL is required");
      return whisperHttpRecognizer({
        url: options.url,
        model: options.model,
        timeoutMs: options.timeoutMs,
        logger: options.logger,
        fetch: options.fetch,
      });
    }
  }
}
