// No speech recognition: the bot offers the keypad alone (languages is empty, so the dialogue never asks).
import type { SpeechRecognizer } from "../speech-recognizer.ts";

export function noneRecognizer(): SpeechRecognizer {
  return {
    engine: "none",
    languages: [],
    recognize: async () => ({ text: "", confidence: null, engine: "none", raw: null }),
    close: async () => {},
  };
}
