import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { resample } from "./resample.ts";

const tone = (hz: number, rate: number, seconds: number, amplitude = 10000) =>
  Int16Array.from({ length: Math.round(rate * seconds) }, (_, i) =>
    Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate)),
  );

/** RMS of the middle of a signal (the filter's ramp at either end left out). */
function rms(xs: Int16Array): number {
  const from = Math.floor(xs.length * 0.2);
  const to = Math.floor(xs.length * 0.8);
  let sum = 0;
  for (let i = from; i < to; i++) sum += xs[i]! * xs[i]!;
  return Math.sqrt(sum / (to - from));
}

/** The signal's strength at one frequency (Goertzel), normalised to a sine's amplitude. */
function magnitudeAt(xs: Int16Array, hz: number, rate: number): number {
  const w = (2 * Math.PI * hz) / rate;
  let s1 = 0;
  let s2 = 0;
  for (const x of xs) {
    const s = x + 2 * Math.cos(w) * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return (2 * Math.sqrt(s1 * s1 + s2 * s2 - 2 * Math.cos(w) * s1 * s2)) / xs.length;
}

describe("resample", () => {
  for (const [from, to] of [
    [22050, 8000],
    [22050, 16000],
    [16000, 8000],
    [8000, 16000],
    [44100, 8000],
  ] as const) {
    test(`${from} → ${to}: a 1 kHz tone keeps its frequency and level, and the length scales`, () => {
      const out = resample(tone(1000, from, 1), from, to);
      assert.equal(out.length, to);
      const at1k = magnitudeAt(out, 1000, to);
      assert.ok(Math.abs(at1k - 10000) < 300, `1 kHz at ${at1k.toFixed(0)}, expected ~10000`);
      // Nothing else: the tone's own energy is all there is.
      assert.ok(Math.abs(rms(out) - 10000 / Math.SQRT2) < 150, `rms ${rms(out)}`);
      assert.ok(magnitudeAt(out, 1500, to) < 50);
    });
  }

  test("22.05k → 8k: a 6 kHz tone, above the new Nyquist, comes out strongly attenuated (not aliased to 2 kHz)", () => {
    const out = resample(tone(6000, 22050, 1), 22050, 8000);
    const left = rms(out) / (10000 / Math.SQRT2);
    assert.ok(left < 0.001, `6 kHz came through at ${(20 * Math.log10(left)).toFixed(1)} dB`);
    assert.ok(magnitudeAt(out, 2000, 8000) < 10, "no alias at 2 kHz");
  });

  test("16k → 8k: a 5 kHz tone is removed, while 3 kHz (telephone band) passes", () => {
    assert.ok(rms(resample(tone(5000, 16000, 0.5), 16000, 8000)) < 10);
    assert.ok(rms(resample(tone(3000, 16000, 0.5), 16000, 8000)) > 6500);
  });

  test("a full-scale signal does not wrap around", () => {
    const square = Int16Array.from({ length: 4000 }, (_, i) => (Math.floor(i / 40) % 2 ? 32767 : -32768));
    const out = resample(square, 16000, 8000);
    assert.ok(out.every((x) => x >= -32768 && x <= 32767));
    assert.ok(Math.max(...out) > 30000, "overshoot clipped at the top, not wrapped to negative");
  });

  test("the same rate returns a copy; bad rates are refused", () => {
    const xs = Int16Array.from([1, 2, 3]);
    const same = resample(xs, 8000, 8000);
    assert.deepEqual(same, xs);
    assert.notEqual(same, xs);
    assert.throws(() => resample(xs, 0, 8000), RangeError);
  });
});
