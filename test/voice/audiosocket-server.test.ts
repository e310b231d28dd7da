// The AudioSocket server and call legs over real TCP, driven by the real-time test caller.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { connect } from "node:net";
import { performance } from "node:perf_hooks";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import type { Pcm, SampleRate } from "../../src/channels/voice/audio/pcm.ts";
import {
  encodeFrame,
  FrameDecoder,
  FrameKind,
  uuidToBytes,
} from "../../src/channels/voice/audiosocket/frame.ts";
import {
  type AudioSocketServer,
  ErrorCode,
  startAudioSocketServer,
} from "../../src/channels/voice/audiosocket/server.ts";
import type { AskOptions, CallerInput, CallLeg } from "../../src/channels/voice/call-leg.ts";
import { AudioSocketCaller } from "../support/audiosocket-caller.ts";
import { espeakSpeech, vowel } from "../support/voice-samples.ts";

/** A prompt the caller can recognise: a steady 440 Hz tone. */
const beep = (rate: SampleRate, ms: number): Pcm => {
  const samples = new Int16Array((rate * ms) / 1000);
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(6000 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return { rate, samples };
};

const ask = (prompt: Pcm[], overrides: Partial<AskOptions> = {}): AskOptions => ({
  prompt,
  speech: true,
  keys: { maxDigits: 1 },
  noInputMs: 3000,
  maxSpeechMs: 10_000,
  ...overrides,
});

/** Log lines, to assert on what the server says. */
const logLines: string[] = [];
const logger = pino({ level: "info" }, { write: (line: string) => void logLines.push(line) });

/** One server for the suite; each test installs its dialogue keyed by the caller's UUID. */
const dialogues = new Map<string, (leg: CallLeg) => Promise<void>>();
let server: AudioSocketServer;

const dial = async (
  dialogue: (leg: CallLeg) => Promise<void>,
  rate: SampleRate = 8000,
): Promise<AudioSocketCaller> => {
  const uuid = randomUUID();
  dialogues.set(uuid, dialogue);
  return AudioSocketCaller.connect({ port: server.port, rate, uuid });
};

/** The result of a dialogue, for the test to await. */
const deferred = <T>() => {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

before(async () => {
  server = await startAudioSocketServer({
    port: 0,
    host: "127.0.0.1",
    logger,
    uuidTimeoutMs: 300,
    onCall: async (leg) => {
      const dialogue = dialogues.get(leg.callId);
      if (!dialogue) throw new Error(`no dialogue for ${leg.callId}`);
      await dialogue(leg);
    },
  });
});

after(async () => {
  await server.close();
});

describe("AudioSocket server and call leg", () => {
  it("plays a 1 s prompt as ~50 frames paced in real time", async () => {
    const done = deferred<{ end: string; stats: CallLeg["stats"] }>();
    const caller = await dial(async (leg) => {
      const end = await leg.say([beep(8000, 1000)]);
      done.resolve({ end, stats: { ...leg.stats } });
    });
    await caller.promptEnded({ quietMs: 300 });
    const { end, stats } = await done.promise;
    assert.equal(end, "played");
    assert.equal(caller.heard.length, 50);
    assert.ok(caller.heard.every((f) => f.samples.length === 160));
    assert.equal(stats.framesSent, 50);
    const first = caller.heard[0]?.atMs ?? 0;
    const spread = (caller.heard.at(-1)?.atMs ?? 0) - first;
    // Paced, not sent at once: never faster than real time. (How late frames get under load is the benchmark's
    // figure, bench:voice, not a test's: a stall on a busy machine is caught up frame by frame.)
    assert.ok(spread > 900, `49 frame gaps took ${spread.toFixed(1)} ms`);
    const firstHalf = caller.heard.filter((f) => f.atMs < first + 250).length;
    assert.ok(firstHalf < 25, `${firstHalf} frames in the first 250 ms`);
    await caller.closed;
    assert.ok(caller.botHungUp, "the server hangs up when the dialogue returns");
  });

  it("stops the prompt at a DTMF frame and returns the key (barge-in)", async () => {
    const done = deferred<CallerInput>();
    const caller = await dial(async (leg) => done.resolve(await leg.ask(ask([beep(8000, 3000)]))));
    while (caller.heard.length < 25) await sleep(10);
    await caller.press("7", { toneMs: 0, gapMs: 0 });
    const pressedAt = performance.now();
    assert.deepEqual(await done.promise, { kind: "keys", digits: "7" });
    await sleep(150);
    const lastAt = caller.heard.at(-1)?.atMs ?? 0;
    // At once on a quiet machine (under 60 ms here); the bound leaves room for a busy one.
    assert.ok(lastAt - pressedAt < 300, `audio went on ${(lastAt - pressedAt).toFixed(1)} ms after the key`);
    assert.ok(caller.heard.length < 100, "the 3 s prompt was cut short");
    await caller.hangup();
  });

  it("stops the prompt at an in-band tone and returns the key", async () => {
    const done = deferred<CallerInput>();
    const caller = await dial(async (leg) => done.resolve(await leg.ask(ask([beep(8000, 3000)]))));
    while (caller.heard.length < 25) await sleep(10);
    const toneStart = performance.now();
    void caller.press("4", { inband: true, toneMs: 100 });
    assert.deepEqual(await done.promise, { kind: "keys", digits: "4" });
    await sleep(150);
    const lastAt = caller.heard.at(-1)?.atMs ?? 0;
    assert.ok(
      lastAt - toneStart < 120,
      `audio went on ${(lastAt - toneStart).toFixed(1)} ms after the tone began`,
    );
    await caller.hangup();
  });

  it("collects a multi-digit entry up to the terminator, keys pressed during the prompt included", async () => {
    const done = deferred<CallerInput>();
    const caller = await dial(async (leg) =>
      done.resolve(
        await leg.ask(
          ask([beep(8000, 2000)], {
            speech: false,
            keys: { maxDigits: 24, terminator: "#", interDigitMs: 2000 },
          }),
        ),
      ),
    );
    while (caller.heard.length < 5) await sleep(10);
    await caller.press("12", { toneMs: 20, gapMs: 40 });
    await caller.press("3", { inband: true, toneMs: 60, gapMs: 60 });
    await caller.press("45#", { toneMs: 20, gapMs: 40 });
    assert.deepEqual(await done.promise, { kind: "keys", digits: "12345" });
    await caller.hangup();
  });

  it("keys pressed while the bot works between questions answer the next ones (type-ahead); older ones do not", async () => {
    const done = deferred<CallerInput[]>();
    const pressed = deferred<void>();
    const caller = await dial(async (leg) => {
      const menu = await leg.ask(ask([beep(8000, 2000)]));
      await pressed.promise; // the bot is "looking something up" while the caller keys on
      const entry = await leg.ask(
        ask([beep(8000, 2000)], { speech: false, keys: { maxDigits: 24, terminator: "#" } }),
      );
      const confirm = await leg.ask(ask([beep(8000, 2000)]));
      await sleep(3600); // keys this old are stray ones
      const late = await leg.ask(ask([beep(8000, 300)], { noInputMs: 300 }));
      done.resolve([menu, entry, confirm, late]);
    });
    while (caller.heard.length < 5) await sleep(10);
    await caller.press("1", { toneMs: 20, gapMs: 20 });
    await caller.press("42#1", { toneMs: 20, gapMs: 20 });
    pressed.resolve();
    await sleep(200);
    const heardBefore = caller.heard.length;
    await caller.press("9", { toneMs: 20, gapMs: 20 });
    const [menu, entry, confirm, late] = await done.promise;
    assert.deepEqual(menu, { kind: "keys", digits: "1" });
    assert.deepEqual(entry, { kind: "keys", digits: "42" }, "the entry and its terminator were typed ahead");
    assert.deepEqual(
      confirm,
      { kind: "keys", digits: "1" },
      "the key after the terminator answers the question after",
    );
    assert.deepEqual(late, { kind: "silence" }, "a key 3 s before the question is dropped");
    assert.ok(caller.heard.length - heardBefore < 40, "the typed-ahead questions' prompts were cut at once");
    await caller.hangup();
  });

  it("endpoints the caller's speech with a duration close to what was said", async () => {
    const done = deferred<CallerInput>();
    const caller = await dial(async (leg) => done.resolve(await leg.ask(ask([beep(8000, 300)]))));
    await caller.promptEnded({ quietMs: 100 });
    const speech = espeakSpeech("Мій особовий рахунок один два три", 8000) ?? vowel(8000, 1500);
    const spokenMs = (speech.samples.length * 1000) / 8000;
    await caller.speak(speech);
    const input = await done.promise;
    assert.equal(input.kind, "speech");
    if (input.kind !== "speech") return;
    assert.equal(input.audio.rate, 8000);
    assert.ok(
      Math.abs(input.durationMs - (spokenMs + 200)) <= 300,
      `${input.durationMs} ms for ${spokenMs} ms said`,
    );
    await caller.hangup();
  });

  it("barges in on speech during the prompt", async () => {
    const done = deferred<CallerInput>();
    const caller = await dial(async (leg) => done.resolve(await leg.ask(ask([beep(8000, 4000)]))));
    while (caller.heard.length < 25) await sleep(10);
    const spokeAt = performance.now();
    await caller.speak(vowel(8000, 800));
    const input = await done.promise;
    assert.equal(input.kind, "speech");
    const stoppedAfter = (caller.heard.at(-1)?.atMs ?? 0) - spokeAt;
    assert.ok(stoppedAfter < 900, `prompt went on ${stoppedAfter.toFixed(0)} ms into the speech`);
    await caller.hangup();
  });

  it("ignores speech when the question is keypad-only", async () => {
    const done = deferred<CallerInput>();
    const caller = await dial(async (leg) =>
      done.resolve(await leg.ask(ask([beep(8000, 600)], { speech: false, noInputMs: 800 }))),
    );
    while (caller.heard.length < 5) await sleep(10);
    await caller.speak(vowel(8000, 1000));
    assert.deepEqual(await done.promise, { kind: "silence" });
    assert.equal(caller.heard.length, 30, "speech did not cut the prompt");
    await caller.hangup();
  });

  it("answers silence after noInputMs once the prompt has ended", async () => {
    const done = deferred<{ input: CallerInput; at: number }>();
    const caller = await dial(async (leg) => {
      const input = await leg.ask(ask([beep(8000, 400)], { noInputMs: 700 }));
      done.resolve({ input, at: performance.now() });
    });
    await caller.promptEnded({ quietMs: 50 });
    const promptEndedAt = (caller.heard.at(-1)?.atMs ?? 0) + 20;
    const { input, at } = await done.promise;
    assert.deepEqual(input, { kind: "silence" });
    assert.ok(
      at - promptEndedAt > 650 && at - promptEndedAt < 2000,
      `silence after ${(at - promptEndedAt).toFixed(0)} ms`,
    );
    await caller.hangup();
  });

  it("resolves a pending ask with hangup when the caller hangs up", async () => {
    const done = deferred<{ input: CallerInput; next: string }>();
    const caller = await dial(async (leg) => {
      const input = await leg.ask(ask([beep(8000, 3000)]));
      const next = await leg.say([beep(8000, 500)]);
      await leg.closed;
      done.resolve({ input, next });
    });
    while (caller.heard.length < 10) await sleep(10);
    await caller.hangup();
    assert.deepEqual(await done.promise, { input: { kind: "hangup" }, next: "hangup" });
  });

  it("keeps 20 concurrent calls isolated when one dialogue throws", async () => {
    const results = new Map<number, CallerInput>();
    const callers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        dial(async (leg) => {
          if (i === 7) {
            await leg.say([beep(8000, 200)]);
            throw new Error("dialogue bug in call 7");
          }
          results.set(i, await leg.ask(ask([beep(8000, 1500)])));
          await leg.say([beep(8000, 200)]);
        }),
      ),
    );
    await Promise.all(
      callers.map(async (caller, i) => {
        if (i === 7) return;
        while (caller.heard.length < 10) await sleep(10);
        await caller.press(String(i % 10), { inband: i % 2 === 0, toneMs: 60 });
      }),
    );
    await Promise.all(callers.map((c) => c.closed));
    for (let i = 0; i < 20; i++) {
      if (i === 7) continue;
      assert.deepEqual(results.get(i), { kind: "keys", digits: String(i % 10) }, `call ${i}`);
      assert.ok(callers[i]?.botHungUp);
    }
    assert.ok(callers[7]?.botHungUp, "the failed call is hung up, not left open");
    assert.ok(logLines.some((l) => l.includes("dialogue bug in call 7")));
  });

  it("speaks and listens at 16 kHz", async () => {
    const done = deferred<{ rate: number; input: CallerInput }>();
    const caller = await dial(async (leg) => {
      // The prompt comes at 8 kHz; the leg plays it at the call's 16 kHz.
      done.resolve({
        rate: leg.rate,
        input: await leg.ask(ask([beep(8000, 1000)], { keys: { maxDigits: 2 } })),
      });
    }, 16000);
    while (caller.heard.length < 10) await sleep(10);
    assert.ok(caller.heard.every((f) => f.samples.length === 320));
    await caller.press("9", { inband: true });
    await caller.press("*");
    const { rate, input } = await done.promise;
    assert.equal(rate, 16000);
    assert.deepEqual(input, { kind: "keys", digits: "9*" });
    const done2 = deferred<CallerInput>();
    const caller2 = await dial(async (leg) => done2.resolve(await leg.ask(ask([beep(16000, 200)]))), 16000);
    await caller2.promptEnded({ quietMs: 100 });
    await caller2.speak(espeakSpeech("Дякую, до побачення", 16000) ?? vowel(16000, 1200));
    assert.equal((await done2.promise).kind, "speech");
    await Promise.all([caller.hangup(), caller2.hangup()]);
  });

  it("refuses a call at an unsupported rate with a log line and an error frame", async () => {
    const frames = await rawCall([
      encodeFrame(FrameKind.uuid, uuidToBytes(randomUUID())),
      encodeFrame(0x11, Buffer.alloc(480)),
    ]);
    assert.deepEqual(frames, [{ kind: FrameKind.error, code: ErrorCode.unsupportedRate }]);
    assert.ok(logLines.some((l) => l.includes("0x11 is not supported")));
  });

  it("answers garbage with an error frame and drops a connection that never sends its UUID", async () => {
    assert.deepEqual(await rawCall([Buffer.from([0x42, 0, 0])]), [
      { kind: FrameKind.error, code: ErrorCode.protocol },
    ]);
    const started = performance.now();
    assert.deepEqual(await rawCall([]), []);
    assert.ok(performance.now() - started >= 250, "dropped after the UUID time limit");
  });

  it("hangs up live calls politely on close", async () => {
    const own = await startAudioSocketServer({
      port: 0,
      host: "127.0.0.1",
      logger,
      onCall: (leg) => leg.ask(ask([beep(8000, 5000)])).then(() => {}),
    });
    const caller = await AudioSocketCaller.connect({ port: own.port });
    while (caller.heard.length < 3) await sleep(10);
    assert.equal(own.calls(), 1);
    await own.close();
    await caller.closed;
    assert.ok(caller.botHungUp);
    assert.equal(own.calls(), 0);
  });
});

/** Writes bytes on a bare socket and collects what comes back until the server closes it. */
const rawCall = (writes: Buffer[]): Promise<Array<{ kind: number; code: number | undefined }>> =>
  new Promise((resolve, reject) => {
    const socket = connect({ port: server.port, host: "127.0.0.1" }, () => {
      for (const bytes of writes) socket.write(bytes);
    });
    const decoder = new FrameDecoder();
    const frames: Array<{ kind: number; code: number | undefined }> = [];
    socket.on("data", (chunk) => {
      for (const f of decoder.push(chunk)) frames.push({ kind: f.kind, code: f.payload[0] });
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(frames));
  });
