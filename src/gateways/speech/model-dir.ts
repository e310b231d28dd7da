// Where the voice bot's speech models live: VOICE_MODEL_DIR, else voice-models/ in the data directory
// (DATA_DIR, ./data by default, as config.ts reads it). One place, for config.ts and `abonent voice install-model`.
import { join } from "node:path";

export function voiceModelDir(env: Record<string, string | undefined> = process.env): string {
  const explicit = env["VOICE_MODEL_DIR"]?.trim();
  if (explicit) return explicit;
  return join(env["DATA_DIR"]?.trim() || "./data", "voice-models");
}
