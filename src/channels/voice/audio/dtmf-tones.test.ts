import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { DtmfDetector, dtmfKeys, dtmfTone } from "./dtmf-tones.ts";
import type { SampleRate } from "./pcm.ts";

const rates: SampleRate[] = [8000, 16000];

/** Deterministic white-ish noise so failures reproduce. */
const noise = (length: number, amplitude: number, seed: number): Int16Array => {
  let state = seed >>> 0 || 1;
  const out = new Int16Array(length);
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = Math.round(((state / 2 ** 32) * 2 - 1) * amplitude);
  }
  return out;
};

const silence = (rate: SampleRate, ms: number): Int16Array => new Int16Array((rate * ms) / 1000);

const join = (...parts: Int16Array[]): Int16Array => {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const mix = (a: Int16Array, b: Int16Array): Int16Array =>
  a.map((x, i) => Math.max(-32768, Math.min(32767, x + (b[i] ?? 0))));

/** Feeds audio in uneven chunks, as frames of any size arrive. */
const detect = (rate: SampleRate, samples: Int16Array, chunk = 137): string => {
  const detector = new DtmfDetector(rate);
  let keys = "";
  for (let at = 0; at < samples.length; at += chunk)
    keys += detector.push(samples.subarray(at, at + chunk)).join("");
  return keys;
};

describe("in-band DTMF", () => {
  for (const rate of rates) {
    it(`detects every key once at ${rate} Hz with noise added`, () => {
      for (const key of dtmfKeys) {
        const tone = join(silence(rate, 60), dtmfTone(key, rate, 60).samples, silence(rate, 60));
        const noisy = mix(tone, noise(tone.length, 800, key.charCodeAt(0)));
        assert.equal(detect(rate, noisy), key, `key ${key}`);
      }
    });

    it(`detects a 40 ms tone at any alignment at ${rate} Hz`, () => {
      for (let offset = 0; offset < rate / 100; offset += rate / 800) {
        const audio = join(new Int16Array(offset), dtmfTone("5", rate, 40).samples, silence(rate, 60));
        assert.equal(detect(rate, audio, 160), "5", `offset ${offset}`);
      }
    });

    it(`ignores a 15 ms blip at ${rate} Hz`, () => {
      const audio = join(silence(rate, 40), dtmfTone("8", rate, 15).samples, silence(rate, 60));
      assert.equal(detect(rate, audio), "");
    });

    it(`counts keys separated by 40 ms gaps as distinct presses at ${rate} Hz`, () => {
      const gap = silence(rate, 40);
      const press = (key: string) => dtmfTone(key, rate, 50).samples;
      const audio = join(gap, press("1"), gap, press("1"), gap, press("2"), gap, press("#"), gap);
      assert.equal(detect(rate, mix(audio, noise(audio.length, 500, 7))), "112#");
    });

    it(`reports a long press once at ${rate} Hz`, () => {
      assert.equal(detect(rate, join(dtmfTone("9", rate, 1500).samples, silence(rate, 50))), "9");
    });

    it(`finds nothing in silence and noise at ${rate} Hz`, () => {
      assert.equal(detect(rate, silence(rate, 1000)), "");
      assert.equal(detect(rate, noise(rate, 6000, 3)), "");
    });
  }

  const dtmfHz = [697, 770, 852, 941, 1209, 1336, 1477, 1633];
  // Frequencies at least 6 % away from every DTMF tone: mixes of them are not keys, whatever the levels.
  const offTone = fc
    .integer({ min: 150, max: 3400 })
    .filter((hz) => dtmfHz.every((d) => Math.abs(hz - d) > d * 0.06));

  it("finds nothing in random mixes of non-DTMF sines (speech-like)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<SampleRate>(8000, 16000),
        fc.array(fc.record({ hz: offTone, amplitude: fc.integer({ min: 200, max: 9000 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (rate, tones) => {
          const samples = new Int16Array(rate / 2);
          for (let i = 0; i < samples.length; i++) {
            let value = 0;
            for (const { hz, amplitude } of tones)
              value += amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
            samples[i] = Math.max(-32768, Math.min(32767, Math.round(value)));
          }
          assert.equal(detect(rate, samples), "");
        },
      ),
      { numRuns: 200 },
    );
  });

  it("finds nothing in a voiced vowel-like signal whose harmonics pass near DTMF tones", () => {
    // 100 Hz pitch: harmonics at 700 and 1200 Hz sit within 1 % of 697 and 1209 Hz.
    for (const rate of rates) {
      const samples = new Int16Array(rate);
      for (let i = 0; i < samples.length; i++) {
        let value = 0;
        for (let h = 1; h * 100 < 3400; h++) {
          const formant =
            Math.exp(-(((h * 100 - 700) / 300) ** 2)) + 0.5 * Math.exp(-(((h * 100 - 1200) / 300) ** 2));
          value += 3000 * (formant + 0.05) * Math.sin((2 * Math.PI * h * 100 * i) / rate);
        }
        samples[i] = Math.max(-32768, Math.min(32767, Math.round(value)));
      }
      assert.equal(detect(rate, samples), "", `${rate} Hz`);
    }
  });
});
