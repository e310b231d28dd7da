// Caller speech for voice tests: real Ukrainian speech from espeak-ng (installed on the test machines) or,
// where it is missing, a synthetic vowel with a wandering pitch and two formants, which WebRTC's VAD takes
// for voice. Both trimmed of the leading and trailing silence so "what was said" has a measurable length.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import type { Pcm, SampleRate } from "../../src/channels/voice/audio/pcm.ts";
import { resample } from "../../src/gateways/speech/audio/resample.ts";

const run = promisify(execFile);

export const vowel = (rate: SampleRate, ms: number, amplitude = 2500): Pcm => {
  const samples = new Int16Array(Math.round((rate * ms) / 1000));
  let phase = 0;
  for (let i = 0; i < samples.length; i++) {
    const f0 = 120 + 15 * Math.sin((2 * Math.PI * 3 * i) / rate);
    phase += (2 * Math.PI * f0) / rate;
    let value = 0;
    for (let h = 1; h * f0 < Math.min(3400, rate / 2 - 200); h++) {
      const hz = h * f0;
      const envelope =
        Math.exp(-(((hz - 700) / 250) ** 2)) + 0.5 * Math.exp(-(((hz - 1200) / 250) ** 2)) + 0.03;
      value += amplitude * envelope * Math.sin(h * phase);
    }
    samples[i] = Math.max(-32768, Math.min(32767, Math.round(value)));
  }
  return { rate, samples };
};

/** Drops leading and trailing samples quieter than `floor`. */
export const trimSilence = (pcm: Pcm, floor = 300): Pcm => {
  let first = 0;
  while (first < pcm.samples.length && Math.abs(pcm.samples[first] ?? 0) < floor) first++;
  let last = pcm.samples.length - 1;
  while (last > first && Math.abs(pcm.samples[last] ?? 0) < floor) last--;
  return { rate: pcm.rate, samples: pcm.samples.slice(first, last + 1) };
};

/** espeak-ng speech at the call's rate, or undefined when espeak-ng is not installed. */
export const espeakSpeech = (text: string, rate: SampleRate, voice = "uk"): Pcm | undefined => {
  let wav: Buffer;
  try {
    wav = execFileSync("espeak-ng", ["-v", voice, "--stdout", text], { maxBuffer: 64 << 20 });
  } catch {
    return undefined;
  }
  return wavToPcm(wav, rate);
};

/**
 * The same without blocking the process: for a test whose bot runs in the same process, which must go on
 * playing and timing its prompt (on a loaded machine espeak-ng can take seconds).
 */
export const espeakSpeechAsync = async (
  text: string,
  rate: SampleRate,
  voice = "uk",
): Promise<Pcm | undefined> => {
  try {
    const { stdout } = await run("espeak-ng", ["-v", voice, "--stdout", text], {
      encoding: "buffer",
      maxBuffer: 64 << 20,
    });
    return wavToPcm(stdout, rate);
  } catch {
    return undefined;
  }
};

// espeak streams its WAV with a placeholder data size; the samples are simply everything after the header.
function wavToPcm(wav: Buffer, rate: SampleRate): Pcm {
  const dataAt = wav.indexOf("data") + 8;
  const sourceRate = wav.readUInt32LE(24);
  const source = new Int16Array((wav.length - dataAt) >> 1);
  for (let i = 0; i < source.length; i++) source[i] = wav.readInt16LE(dataAt + i * 2);
  return trimSilence({ rate, samples: resample(source, sourceRate, rate) });
}

export const concatPcm = (rate: SampleRate, ...parts: Int16Array[]): Pcm => {
  const samples = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    samples.set(part, at);
    at += part.length;
  }
  return { rate, samples };
};

/** Line hiss (deterministic, so failures reproduce): a real call is never digitally silent. */
export const lineNoise = (rate: SampleRate, ms: number, amplitude = 60, seed = 1): Int16Array => {
  let state = seed >>> 0 || 1;
  const samples = new Int16Array(Math.round((rate * ms) / 1000));
  for (let i = 0; i < samples.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    samples[i] = Math.round((state / 2 ** 32 - 0.5) * 2 * amplitude);
  }
  return samples;
};
