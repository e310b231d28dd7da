// The default models of `abonent voice install-model`: Vosk's small Ukrainian and Russian models from
// alphacephei.com. Their SHA-256 is null because no published checksum for these zips could be found to copy
// here, and an invented one would be worse than none: until someone fills them in from a trusted download,
// installing a default model takes --sha256 (docs/voice.md says where to get it).
import type { SpeechLanguage } from "../speech-recognizer.ts";

export interface ModelSource {
  url: string;
  sha256: string | null;
}

export const OFFICIAL_MODELS: Record<SpeechLanguage, ModelSource> = {
  uk: { url: "https://alphacephei.com/vosk/models/vosk-model-small-uk-v3-small.zip", sha256: null },
  ru: { url: "https://alphacephei.com/vosk/models/vosk-model-small-ru-0.22.zip", sha256: null },
};

/** The known checksum of a source, when it is one of the official models. */
export function knownSha256(source: string): string | null {
  return Object.values(OFFICIAL_MODELS).find((m) => m.url === source)?.sha256 ?? null;
}
