// Telephone audio as the voice bot moves it: signed 16-bit linear samples, mono, at the rate the PBX sends
// (AudioSocket's 8 kHz frames, or 16 kHz where Asterisk offers wideband).
export type SampleRate = 8000 | 16000;

export interface Pcm {
  rate: SampleRate;
  samples: Int16Array;
}

/** Samples in one 20 ms frame, the unit audio is paced in. */
export const frameSamples = (rate: SampleRate): number => rate / 50;

export const durationMs = (pcm: Pcm): number => (pcm.samples.length * 1000) / pcm.rate;
