// The bot's prompts as audio: a provider's own recording of a prompt where there is one
// (<VOICE_PROMPTS_DIR>/<provider code>/<prompt>.<lang>.wav, for prompts without variable parts), else the text
// synthesised by espeak-ng (rendered once per text and rate, then cached by the synthesizer).
import { access } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import { loadRecordedPrompt, type SpeechSynthesizer } from "../../gateways/speech/speech-synthesizer.ts";
import type { PromptLine } from "../conversation/call/call-dialogue.ts";
import type { Pcm, SampleRate } from "./audio/pcm.ts";

export class VoicePrompts {
  /** Recordings loaded so far, by path and rate; a missing file is remembered as null. */
  private readonly recorded = new Map<string, Promise<Pcm | null>>();

  constructor(
    private readonly synthesizer: SpeechSynthesizer,
    private readonly promptsDir: string | undefined,
    private readonly logger: Logger,
  ) {}

  render(lines: PromptLine[], rate: SampleRate, providerCode: string | null): Promise<Pcm[]> {
    return Promise.all(lines.map((line) => this.line(line, rate, providerCode)));
  }

  private async line(line: PromptLine, rate: SampleRate, providerCode: string | null): Promise<Pcm> {
    if (line.fixed && this.promptsDir && providerCode) {
      const path = join(this.promptsDir, providerCode, `${line.key}.${line.locale}.wav`);
      const recording = await this.recording(path, rate);
      if (recording) return recording;
    }
    return this.synthesizer.speak(line.text, line.locale, rate);
  }

  private recording(path: string, rate: SampleRate): Promise<Pcm | null> {
    const key = `${path}@${rate}`;
    let found = this.recorded.get(key);
    if (!found) {
      found = access(path).then(
        () =>
          loadRecordedPrompt(path, rate).catch((err) => {
            this.logger.warn({ err, path }, "voice: a recorded prompt cannot be read; speaking it instead");
            return null;
          }),
        () => null,
      );
      this.recorded.set(key, found);
    }
    return found;
  }
}
