// The whisper-http adapter against a local transcription server over real HTTP: what it sends (a valid 16 kHz
// WAV of the utterance, language, prompt, the call's header) and how each failure reaches the dialogue.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pino from "pino";
import type { Pcm } from "../../src/channels/voice/audio/pcm.ts";
import { encodeWav } from "../../src/gateways/speech/audio/wav.ts";
import { SpeechRecognitionError } from "../../src/gateways/speech/speech-errors.ts";
import { createSpeechRecognizer } from "../../src/gateways/speech/speech-recognizer.ts";
import { startTranscriptionServer, type TranscriptionServer } from "../support/transcription-server.ts";

const logger = pino({ level: "silent" });
const utterance = (ms: number, rate: 8000 | 16000 = 8000): Pcm => ({
  rate,
  samples: Int16Array.from({ length: (rate * ms) / 1000 }, (_, i) => Math.round(8000 * Math.sin(i / 5))),
});
const whisper = (url: string, extra: { timeoutMs?: number; model?: string } = {}) =>
  createSpeechRecognizer({ engine: "whisper-http", url, modelDir: "/nonexistent", logger, ...extra });

const failure = (kind: string) => (e: unknown) => e instanceof SpeechRecognitionError && e.failure === kind;

describe("transcription server (test support)", () => {
  let server: TranscriptionServer;
  before(async () => {
    server = await startTranscriptionServer({ script: new Map() });
  });
  after(() => server.close());

  const post = (file: Buffer) => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(file)]), "x.wav");
    return fetch(`${server.url}/v1/audio/transcriptions`, { method: "POST", body: form });
  };

  test("accepts a PCM16 mono WAV and rejects with 400 anything else", async () => {
    const good = encodeWav(utterance(100, 16000));
    assert.equal((await post(good)).status, 200);
    assert.equal(
      (await post(Buffer.from("just some bytes, not audio at all, long enough to pass"))).status,
      400,
    );
    const truncated = good.subarray(0, good.length - 10);
    const r = await post(truncated);
    assert.equal(r.status, 400);
    assert.match(((await r.json()) as { error: string }).error, /RIFF length|past the end/);
    const stereo = Buffer.from(good);
    stereo.writeUInt16LE(2, 22);
    assert.equal((await post(stereo)).status, 400);
    const eightBit = Buffer.from(good);
    eightBit.writeUInt16LE(8, 34);
    assert.equal((await post(eightBit)).status, 400);
    assert.equal(server.requests.length, 1, "only the valid WAV was recorded");
    assert.equal(server.requests[0]!.durationMs, 100);
  });
});

describe("whisper-http recognizer", () => {
  test("sends a 16 kHz WAV of the utterance with language, prompt, model and the call's header; reads the script", async () => {
    const server = await startTranscriptionServer({
      script: new Map([["call-1", ["Так", " оплатити рахунок "]]]),
      avgLogprob: -0.2,
    });
    try {
      const asr = await whisper(server.url, { model: "Systran/faster-whisper-small" });
      assert.deepEqual(asr.languages, ["uk", "ru"]);
      const phrases = ["так", "ні", "оплатити рахунок"];
      const first = await asr.recognize({
        audio: utterance(1500),
        language: "uk",
        phrases,
        callId: "call-1",
      });
      const second = await asr.recognize({
        audio: utterance(700, 16000),
        language: "uk",
        phrases,
        callId: "call-1",
      });
      assert.equal(first.text, "Так");
      assert.equal(second.text, "оплатити рахунок");
      assert.equal(first.engine, "whisper-http");
      assert.ok(Math.abs(first.confidence! - Math.exp(-0.2)) < 1e-9);
      assert.equal((first.raw as { segments: unknown[] }).segments.length, 1);
      const [a, b] = server.requests;
      assert.equal(a!.callId, "call-1");
      assert.equal(a!.rate, 16000);
      assert.equal(a!.durationMs, 1500);
      assert.equal(b!.durationMs, 700);
      assert.equal(a!.language, "uk");
      assert.equal(a!.prompt, "так, ні, оплатити рахунок");
      assert.equal(a!.model, "Systran/faster-whisper-small");
      assert.equal(a!.responseFormat, "verbose_json");
    } finally {
      await server.close();
    }
  });

  test("no language: the field is left out so the server detects it; no phrases: no prompt", async () => {
    const server = await startTranscriptionServer({ script: () => "добрый день" });
    try {
      const asr = await whisper(server.url);
      const r = await asr.recognize({ audio: utterance(300), language: null, phrases: [], callId: "c" });
      assert.equal(r.text, "добрый день");
      assert.equal(server.requests[0]!.language, null);
      assert.equal(server.requests[0]!.prompt, null);
      assert.equal(server.requests[0]!.model, "whisper-1");
    } finally {
      await server.close();
    }
  });

  test("a server without verbose_json: falls back to json once, then asks json directly; confidence null", async () => {
    const server = await startTranscriptionServer({ script: () => "ні", verboseJson: false });
    try {
      const asr = await whisper(server.url);
      const r1 = await asr.recognize({ audio: utterance(200), language: "uk", phrases: ["ні"], callId: "c" });
      const r2 = await asr.recognize({ audio: utterance(200), language: "uk", phrases: ["ні"], callId: "c" });
      assert.equal(r1.text, "ні");
      assert.equal(r1.confidence, null);
      assert.equal(r2.confidence, null);
      assert.deepEqual(
        server.requests.map((r) => r.responseFormat),
        ["json", "json"],
        "the refused verbose_json attempt is not recorded; the second utterance went straight to json",
      );
    } finally {
      await server.close();
    }
  });

  test("a slow server: a timeout error the dialogue treats as not understood, within the limit", async () => {
    const server = await startTranscriptionServer({ script: () => "пізно", delayMs: () => 2000 });
    try {
      const asr = await whisper(server.url, { timeoutMs: 150 });
      const started = Date.now();
      await assert.rejects(
        asr.recognize({ audio: utterance(200), language: "uk", phrases: [], callId: "slow" }),
        failure("timeout"),
      );
      assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
    } finally {
      await server.close();
    }
  });

  test("HTTP 500 and an unreachable server: unavailable", async () => {
    const server = await startTranscriptionServer({ script: () => "x", failWith: () => 500 });
    const asr = await whisper(server.url);
    const request = { audio: utterance(200), language: "ru" as const, phrases: [], callId: "c" };
    await assert.rejects(
      asr.recognize(request),
      (e: unknown) => failure("unavailable")(e) && /HTTP 500/.test(String(e)),
    );
    await server.close();
    await assert.rejects(asr.recognize(request), failure("unavailable"));
  });

  test("whisper.cpp's 200 with {error} and a non-JSON answer: bad-response", async () => {
    const answers = [JSON.stringify({ error: "failed to process audio" }), "<html>oops</html>"];
    const fakeFetch = (async () => new Response(answers.shift(), { status: 200 })) as typeof fetch;
    const asr = await createSpeechRecognizer({
      engine: "whisper-http",
      url: "http://whisper.invalid/",
      modelDir: "/nonexistent",
      logger,
      fetch: fakeFetch,
    });
    const request = { audio: utterance(200), language: "uk" as const, phrases: [], callId: "c" };
    await assert.rejects(asr.recognize(request), failure("bad-response"));
    await assert.rejects(asr.recognize(request), failure("bad-response"));
  });
});
