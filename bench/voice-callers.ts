// The callers of bench:voice, forked by bench/voice.ts so that their 20 ms clock, their speech and the stand-in
// Whisper server run on another event loop (and core) than the bot they measure. A real Whisper server is another
// program too, and the script of what it "hears" is the callers' to keep: each voice caller pushes the line it is
// about to say. Speech is rendered by espeak-ng once per line before any call (the "prepare" job), never per call.
import { performance } from "node:perf_hooks";
import type { Pcm } from "../src/channels/voice/audio/pcm.ts";
import { AudioSocketCaller } from "../test/support/audiosocket-caller.ts";
import { startTranscriptionServer } from "../test/support/transcription-server.ts";
import { espeakSpeech } from "../test/support/voice-samples.ts";
import type { CallPlan, CallResult, FromCallers, ToCallers } from "./voice-protocol.ts";

/** A call that has not ended by then is hung up and reported as timed out (a stuck bot must not stall the run). */
const CALL_TIMEOUT_MS = 120_000;
const RATE = 8000;

const send = (message: FromCallers) => process.send?.(message);
const script = new Map<string, string[]>();
const whisper = await startTranscriptionServer({ script });
const speech = new Map<string, Pcm>();
const speechKey = (voice: string, text: string) => `${voice}\u0000${text}`;

function prepare(lines: Array<{ text: string; voice: "uk" | "ru" }>): void {
  const started = performance.now();
  let rendered = 0;
  for (const { text, voice } of lines) {
    const key = speechKey(voice, text);
    if (speech.has(key)) continue;
    const pcm = espeakSpeech(text, RATE, voice);
    if (!pcm) throw new Error("espeak-ng is not installed (apt-get install espeak-ng)");
    speech.set(key, pcm);
    rendered++;
  }
  send({ type: "prepared", lines: rendered, ms: Math.round(performance.now() - started) });
}

async function announce(plan: CallPlan, url: string, key: string): Promise<void> {
  const response = await fetch(`${url}/voice/calls/${plan.callId}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      caller: plan.caller,
      line: "0629526000",
      provider: "deu",
      key,
    }).toString(),
  });
  if (!response.ok) throw new Error(`announce: HTTP ${response.status} ${await response.text()}`);
}

async function call(plan: CallPlan, announceUrl: string, pbxKey: string): Promise<CallResult> {
  const started = performance.now();
  const result: CallResult = {
    callId: plan.callId,
    kind: plan.kind,
    stepsDone: 0,
    botHungUp: false,
    timedOut: false,
    error: null,
    durationMs: 0,
    heardMs: 0,
  };
  let caller: AudioSocketCaller | undefined;
  const timer = setTimeout(() => {
    result.timedOut = true;
    void caller?.hangup();
  }, CALL_TIMEOUT_MS);
  try {
    await announce(plan, announceUrl, pbxKey);
    script.set(plan.callId, []);
    caller = await AudioSocketCaller.connect({ port: plan.port, uuid: plan.callId, rate: RATE });
    for (const step of plan.steps) {
      await caller.promptStarted();
      if ("keys" in step) await caller.press(step.keys);
      else {
        const pcm = speech.get(speechKey(step.voice, step.say));
        if (!pcm) throw new Error(`no speech rendered for "${step.say}"`);
        script.get(plan.callId)?.push(step.say);
        await caller.speak(pcm);
      }
      result.stepsDone++;
    }
    await caller.closed;
  } catch (error) {
    result.error = (error as Error).message;
    await caller?.hangup();
  } finally {
    clearTimeout(timer);
    script.delete(plan.callId);
  }
  result.botHungUp = caller?.botHungUp ?? false;
  result.heardMs = Math.round(caller?.heardMs() ?? 0);
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

/** Bare legs: connect, listen to whatever the server plays, and report when it hangs up. */
async function bareLeg(port: number): Promise<CallResult> {
  const started = performance.now();
  const caller = await AudioSocketCaller.connect({ port, rate: RATE });
  await caller.closed;
  return {
    callId: caller.uuid,
    kind: "keypad",
    stepsDone: 0,
    botHungUp: caller.botHungUp,
    timedOut: false,
    error: null,
    durationMs: Math.round(performance.now() - started),
    heardMs: Math.round(caller.heardMs()),
  };
}

process.on("message", (message: ToCallers) => {
  void (async () => {
    const started = performance.now();
    if (message.type === "prepare") prepare(message.lines);
    else if (message.type === "run") {
      const results = await Promise.all(
        message.calls.map((plan) => call(plan, message.announceUrl, message.pbxKey)),
      );
      send({ type: "ran", results, wallMs: Math.round(performance.now() - started) });
    } else if (message.type === "bare") {
      const results = await Promise.all(Array.from({ length: message.legs }, () => bareLeg(message.port)));
      send({ type: "bared", results, wallMs: Math.round(performance.now() - started) });
    } else {
      await whisper.close();
      process.disconnect();
    }
  })();
});
send({ type: "ready", whisperUrl: whisper.url });
