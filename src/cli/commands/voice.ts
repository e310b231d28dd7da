// `abonent voice …`: the phone voice bot's commands (docs/voice.md).
import type { Command } from "commander";
import { addVoiceInstallModel } from "./voice-install-model.ts";
import { addVoiceParse } from "./voice-parse.ts";
import { addVoiceServe } from "./voice-serve.ts";

export function registerVoice(program: Command) {
  const voice = program.command("voice").description("The phone voice bot (docs/voice.md).");
  addVoiceInstallModel(voice);
  addVoiceParse(voice);
  addVoiceServe(voice);
  return voice;
}
