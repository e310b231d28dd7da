// In-band DTMF: a caller's keypad tones inside the audio (PBXes that do not turn them into AudioSocket DTMF
// frames). Goertzel filters at the 8 DTMF frequencies over 20 ms windows every 10 ms. A window "hits" a key
// when one row and one column tone clearly dominate (each group's winner well above its runner-up, the pair
// carries most of the window's energy, twist within limits) and both tones sit on their nominal frequency
// (stronger than the same filter 4 % off, which rejects the near-miss tones and the harmonics of speech).
// A key is reported once, after two consecutive hits (a tone of ≥ 40 ms always yields two whole windows);
// it is released after two consecutive windows without it, so a 40 ms gap separates two presses.
import type { Pcm, SampleRate } from "./pcm.ts";

const rowHz = [697, 770, 852, 941] as const;
const columnHz = [1209, 1336, 1477, 1633] as const;
const keypad = ["123A", "456B", "789C", "*0#D"] as const;

/** Each group's winner must exceed its runner-up by 8 dB (a pure tone leaks ~-13 dB into neighbours). */
const peakRatio = 6.3;
/** Column weaker than row ("normal twist") up to 8 dB, row weaker than column ("reverse twist") up to 4 dB. */
const normalTwist = 6.3;
const reverseTwist = 2.5;
/** The two tones must carry this share of the window's energy: speech and music spread theirs. */
const toneShare = 0.7;
/** Per-sample mean energy of the pair below which a window is silence (a tone of amplitude ~150 of 32767). */
const minToneEnergy = 150 ** 2 / 2;
const offsetFraction = 0.04;

export const dtmfKeys = "0123456789*#ABCD";

const keyPosition = (key: string): { row: number; column: number } => {
  for (let row = 0; row < keypad.length; row++) {
    const column = keypad[row]?.indexOf(key.toUpperCase()) ?? -1;
    if (column >= 0) return { row, column };
  }
  throw new RangeError(`not a DTMF key: ${key}`);
};

/** A key's two tones, each at `amplitude` (default 8000 of 32767, about -12 dBFS). */
export const dtmfTone = (key: string, rate: SampleRate, ms: number, amplitude = 8000): Pcm => {
  const { row, column } = keyPosition(key);
  const low = rowHz[row] ?? 0;
  const high = columnHz[column] ?? 0;
  const samples = new Int16Array(Math.round((rate * ms) / 1000));
  for (let i = 0; i < samples.length; i++) {
    const t = i / rate;
    samples[i] = Math.round(amplitude * (Math.sin(2 * Math.PI * low * t) + Math.sin(2 * Math.PI * high * t)));
  }
  return { rate, samples };
};

/** Power of one frequency over the window, scaled so a full-window sine of amplitude A gives N·A²/2. */
const goertzel = (window: Float64Array, hz: number, rate: number): number => {
  const coefficient = 2 * Math.cos((2 * Math.PI * hz) / rate);
  let previous = 0;
  let beforePrevious = 0;
  for (let i = 0; i < window.length; i++) {
    const current = (window[i] ?? 0) + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const power =
    previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  return (2 * power) / window.length;
};

const strongest = (powers: number[]): { index: number; power: number; runnerUp: number } => {
  let index = 0;
  for (let i = 1; i < powers.length; i++) if ((powers[i] ?? 0) > (powers[index] ?? 0)) index = i;
  let runnerUp = 0;
  for (let i = 0; i < powers.length; i++) if (i !== index) runnerUp = Math.max(runnerUp, powers[i] ?? 0);
  return { index, power: powers[index] ?? 0, runnerUp };
};

/** The key one window carries, if any. Exported for tests and tuning. */
export const windowKey = (window: Float64Array, rate: SampleRate): string | undefined => {
  let energy = 0;
  for (let i = 0; i < window.length; i++) energy += (window[i] ?? 0) ** 2;
  // Too quiet to hold a key's two tones: skip the filters (most windows of a call are this).
  if (energy / window.length < minToneEnergy) return undefined;
  const row = strongest(rowHz.map((hz) => goertzel(window, hz, rate)));
  const column = strongest(columnHz.map((hz) => goertzel(window, hz, rate)));
  const pair = row.power + column.power;
  if (pair / window.length < minToneEnergy) return undefined;
  if (pair < toneShare * energy) return undefined;
  if (row.power < peakRatio * row.runnerUp || column.power < peakRatio * column.runnerUp) return undefined;
  if (row.power > normalTwist * column.power || column.power > reverseTwist * row.power) return undefined;
  for (const hz of [rowHz[row.index] ?? 0, columnHz[column.index] ?? 0]) {
    const onTone = goertzel(window, hz, rate);
    if (onTone < goertzel(window, hz * (1 - offsetFraction), rate)) return undefined;
    if (onTone < goertzel(window, hz * (1 + offsetFraction), rate)) return undefined;
  }
  return keypad[row.index]?.[column.index];
};

/** Streaming detector for one call's incoming audio; push any amount, get the keys newly pressed. */
export class DtmfDetector {
  private readonly windowLength: number;
  private readonly hop: number;
  private readonly window: Float64Array;
  private filled = 0;
  private candidate: string | undefined;
  private candidateHits = 0;
  private held: string | undefined;
  private misses = 0;

  constructor(private readonly rate: SampleRate) {
    this.windowLength = rate / 50;
    this.hop = rate / 100;
    this.window = new Float64Array(this.windowLength);
  }

  push(samples: Int16Array): string[] {
    const keys: string[] = [];
    for (let i = 0; i < samples.length; i++) {
      this.window[this.filled++] = samples[i] ?? 0;
      if (this.filled < this.windowLength) continue;
      const key = this.judge(windowKey(this.window, this.rate));
      if (key) keys.push(key);
      this.window.copyWithin(0, this.hop);
      this.filled = this.windowLength - this.hop;
    }
    return keys;
  }

  reset(): void {
    this.filled = 0;
    this.candidate = undefined;
    this.candidateHits = 0;
    this.held = undefined;
    this.misses = 0;
  }

  private judge(hit: string | undefined): string | undefined {
    if (hit === this.candidate) this.candidateHits++;
    else {
      this.candidate = hit;
      this.candidateHits = 1;
    }
    if (this.held !== undefined) {
      if (hit === this.held) this.misses = 0;
      else if (++this.misses >= 2) this.held = undefined;
    }
    if (hit !== undefined && this.candidateHits >= 2 && hit !== this.held) {
      this.held = hit;
      this.misses = 0;
      return hit;
    }
    return undefined;
  }
}
