import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { concatPcm, espeakSpeech, lineNoise, vowel } from "../../../../test/support/voice-samples.ts";
import type { Pcm, SampleRate } from "./pcm.ts";
import { type EndpointEvent, Endpointer } from "./voice-activity.ts";

const silence = (rate: SampleRate, ms: number) => new Int16Array((rate * ms) / 1000);
/** Quiet line noise before speech: the VAD has settled by then, as it has on a call in progress. */
const hush = (rate: SampleRate, ms: number) => lineNoise(rate, ms);

const run = async (pcm: Pcm, options: { maxSpeechMs?: number; endMs?: number } = {}) => {
  const endpointer = await Endpointer.create({ rate: pcm.rate, ...options });
  const events: Array<EndpointEvent & { atMs: number }> = [];
  const chunk = pcm.rate / 50;
  for (let at = 0; at < pcm.samples.length; at += chunk) {
    for (const event of endpointer.push(pcm.samples.subarray(at, at + chunk))) {
      events.push({ ...event, atMs: ((at + chunk) * 1000) / pcm.rate });
    }
  }
  endpointer.dispose();
  return events;
};

describe("endpointer (WebRTC VAD)", () => {
  for (const rate of [8000, 16000] as const) {
    it(`finds one utterance of a 1.5 s vowel at ${rate} Hz, with pre-roll`, async () => {
      const events = await run(
        concatPcm(rate, hush(rate, 1000), vowel(rate, 1500).samples, hush(rate, 1500)),
      );
      assert.deepEqual(
        events.map((e) => e.kind),
        ["speech-start", "utterance"],
      );
      const [start, end] = events;
      assert.ok(start && start.atMs >= 1060 && start.atMs <= 1200, `onset seen at ${start?.atMs} ms`);
      assert.ok(end?.kind === "utterance");
      // 200 ms pre-roll + 1500 ms voice + the VAD's own hang-over (≤ 200 ms).
      assert.ok(end.durationMs >= 1650 && end.durationMs <= 1950, `utterance of ${end.durationMs} ms`);
      assert.equal(end.audio.samples.length, (end.durationMs * rate) / 1000);
      assert.ok(end.atMs >= 2500 + 650 && end.atMs <= 2500 + 1000, `end seen at ${end.atMs} ms`);
    });

    it(`keeps a mid-sentence pause shorter than endMs inside one utterance at ${rate} Hz`, async () => {
      const v = vowel(rate, 600).samples;
      const events = await run(concatPcm(rate, hush(rate, 500), v, hush(rate, 400), v, hush(rate, 1200)));
      assert.equal(events.filter((e) => e.kind === "utterance").length, 1);
    });

    it(`caps a long utterance at maxSpeechMs at ${rate} Hz`, async () => {
      const events = await run(concatPcm(rate, hush(rate, 300), vowel(rate, 3000).samples), {
        maxSpeechMs: 1000,
      });
      const utterance = events.find((e) => e.kind === "utterance");
      assert.ok(utterance?.kind === "utterance" && utterance.truncated);
      assert.equal(utterance.durationMs, 1000);
    });

    it(`hears nothing in silence and faint noise at ${rate} Hz`, async () => {
      let state = 12345;
      const hiss = new Int16Array(rate * 2).map(() => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return Math.round((state / 2 ** 32 - 0.5) * 200);
      });
      assert.deepEqual(await run(concatPcm(rate, silence(rate, 2000), hiss)), []);
      assert.deepEqual(await run(concatPcm(rate, hiss, silence(rate, 500), hiss)), []);
    });

    it(`endpoints espeak-ng speech at ${rate} Hz close to its length`, async (t) => {
      const speech = espeakSpeech("Передаю показання лічильника за березень", rate);
      if (!speech) return t.skip("espeak-ng is not installed");
      const spokenMs = (speech.samples.length * 1000) / rate;
      const events = await run(concatPcm(rate, hush(rate, 800), speech.samples, hush(rate, 1500)));
      const utterances = events.filter((e) => e.kind === "utterance");
      assert.equal(utterances.length, 1, `one utterance of ${spokenMs} ms speech`);
      const got = utterances[0]?.kind === "utterance" ? utterances[0].durationMs : 0;
      assert.ok(Math.abs(got - (spokenMs + 200)) <= 300, `utterance ${got} ms for ${spokenMs} ms of speech`);
    });
  }
});
