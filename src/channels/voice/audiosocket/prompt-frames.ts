// A prompt (one or more PCM clips) cut into the 20 ms AudioSocket frames the pacer sends, at the call's
// rate; the last frame is padded with silence because Asterisk expects whole frames.

import { resample } from "../../../gateways/speech/audio/resample.ts";
import { frameSamples, type Pcm, type SampleRate } from "../audio/pcm.ts";
import { encodeAudioFrame } from "./frame.ts";

export const promptFrames = (prompt: readonly Pcm[], rate: SampleRate): Buffer[] => {
  const clips = prompt.map((pcm) => resample(pcm.samples, pcm.rate, rate));
  const all = new Int16Array(clips.reduce((n, clip) => n + clip.length, 0));
  let at = 0;
  for (const clip of clips) {
    all.set(clip, at);
    at += clip.length;
  }
  const size = frameSamples(rate);
  const frames: Buffer[] = [];
  for (let start = 0; start < all.length; start += size) {
    const frame = new Int16Array(size);
    frame.set(all.subarray(start, start + size));
    frames.push(encodeAudioFrame(rate, frame));
  }
  return frames;
};
