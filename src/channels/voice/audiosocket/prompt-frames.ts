// A prompt (one or more PCM clips) cut into the 20 ms AudioSocket frames the pacer sends, at the call's rate.
// Each clip ends on a whole frame (padded with silence: Asterisk expects whole frames, and a pause under 20 ms
// between two sentences is not heard), so a clip's frames are made once and kept with it: the same cached prompt
// played in a thousand calls is cut once.

import { resample } from "../../../gateways/speech/audio/resample.ts";
import { frameSamples, type Pcm, type SampleRate } from "../audio/pcm.ts";
import { encodeAudioFrame } from "./frame.ts";

const cut = new WeakMap<Int16Array, { rate: SampleRate; frames: Buffer[] }>();

function clipFrames(pcm: Pcm, rate: SampleRate): Buffer[] {
  const kept = cut.get(pcm.samples);
  if (kept && kept.rate === rate) return kept.frames;
  const samples = pcm.rate === rate ? pcm.samples : resample(pcm.samples, pcm.rate, rate);
  const size = frameSamples(rate);
  const frames: Buffer[] = [];
  for (let start = 0; start < samples.length; start += size) {
    const frame = new Int16Array(size);
    frame.set(samples.subarray(start, start + size));
    frames.push(encodeAudioFrame(rate, frame));
  }
  cut.set(pcm.samples, { rate, frames });
  return frames;
}

export const promptFrames = (prompt: readonly Pcm[], rate: SampleRate): Buffer[] =>
  prompt.flatMap((pcm) => clipFrames(pcm, rate));
