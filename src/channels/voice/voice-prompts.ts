// The bot's prompts as audio: a provider's own recording of a prompt where there is one
// (<VOICE_PROMPTS_DIR>/<provider code>/<prompt>.<lang>.wav, for prompts without variable parts), else the text
// synthesised by espeak-ng (rendered once per text and rate, then cached by the synthesizer); read-backs of numbers
// word by word from those cached words.
import { access } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import { loadRecordedPrompt, type SpeechSynthesizer } from "../../gateways/speech/speech-synthesizer.ts";
import type { PromptLine } from "../conversation/call/call-dialogue.ts";
import type { Pcm, SampleRate } from "./audio/pcm.ts";

/** The pause between the words of a read-back. */
const WORD_GAP_S = 0.06;
/** Quieter than this is espeak-ng's silence around a word. */
const SILENCE = 200;

function trimmedSamples(samples: Int16Array): Int16Array {
  let first = 0;
  let last = samples.length - 1;
  while (first < last && Math.abs(samples[first]!) < SILENCE) first++;
  while (last > first && Math.abs(samples[last]!) < SILENCE) last--;
  return samples.subarray(first, last + 1);
}

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
    if (line.words) return this.words(line.words, line.locale, rate);
    if (line.fixed && this.promptsDir && providerCode) {
      const path = join(this.promptsDir, providerCode, `${line.key}.${line.locale}.wav`);
      const recording = await this.recording(path, rate);
      if (recording) return recording;
    }
    return this.synthesizer.speak(line.text, line.locale, rate);
  }

  /** A read-back from each word's cached render, trimmed of espeak-ng's lead-in and tail, a short gap apart: after
   * the first calls a number read back spawns no synthesis at all. */
  private async words(words: string[], locale: PromptLine["locale"], rate: SampleRate): Promise<Pcm> {
    const clips = await Promise.all(words.map((w) => this.synthesizer.speak(w, locale, rate)));
    const gap = Math.round(rate * WORD_GAP_S);
    const trimmed = clips.map((c) => trimmedSamples(c.samples));
    const out = new Int16Array(trimmed.reduce((n, t) => n + t.length + gap, 0));
    let at = 0;
    for (const t of trimmed) {
      out.set(t, at);
      at += t.length + gap;
    }
    return { rate, samples: out };
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
