// A test caller that behaves like Asterisk's AudioSocket(): connects, sends the call's UUID, then streams
// audio in real time — one 20 ms frame every 20 ms, silence (faint line noise) unless it has been told to
// speak or press keys — and records what the bot sends back. All callers of a process share one clock, so
// a benchmark can run many of them without a timer each.
import { randomUUID } from "node:crypto";
import { connect, type Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { dtmfTone } from "../../src/channels/voice/audio/dtmf-tones.ts";
import { frameSamples, type Pcm, type SampleRate } from "../../src/channels/voice/audio/pcm.ts";
import {
  audioKindFor,
  decodeSamples,
  encodeAudioFrame,
  encodeFrame,
  FrameDecoder,
  FrameKind,
  uuidToBytes,
} from "../../src/channels/voice/audiosocket/frame.ts";
import { resample } from "../../src/gateways/speech/audio/resample.ts";

export interface CallerOptions {
  port: number;
  host?: string;
  rate?: SampleRate;
  uuid?: string;
  /** Amplitude of the line hiss sent when not speaking (0: digital silence). */
  noise?: number;
}

export interface HeardFrame {
  /** performance.now() when the frame was decoded. */
  atMs: number;
  samples: Int16Array;
}

export interface PressOptions {
  /** Tones mixed into the audio instead of AudioSocket DTMF frames. */
  inband?: boolean;
  toneMs?: number;
  gapMs?: number;
}

interface QueuedAudio {
  samples: Int16Array;
  at: number;
  done: () => void;
}

export class AudioSocketCaller {
  readonly uuid: string;
  readonly rate: SampleRate;
  /** The bot's audio frames, in arrival order. */
  readonly heard: HeardFrame[] = [];
  /** Codes of 0xff frames the bot sent. */
  readonly errors: Array<number | undefined> = [];
  /** Resolves when the socket has closed, whoever closed it. */
  readonly closed: Promise<void>;
  /** True once the bot sent the 0x00 hang-up frame. */
  botHungUp = false;
  private readonly socket: Socket;
  private readonly decoder = new FrameDecoder();
  private readonly talk: QueuedAudio[] = [];
  private readonly keyFrames: Array<{ key: string; dueTick: number; done: () => void }> = [];
  private tick = 0;
  private promptsConsumed = 0;
  private readonly noiseFrames: Int16Array[];
  private isClosed = false;

  private constructor(socket: Socket, options: CallerOptions) {
    this.socket = socket;
    this.uuid = options.uuid ?? randomUUID();
    this.rate = options.rate ?? 8000;
    this.noiseFrames = makeNoiseFrames(this.rate, options.noise ?? 20);
    this.closed = new Promise((resolve) =>
      socket.once("close", () => {
        this.isClosed = true;
        callerClock.remove(this);
        for (const item of this.talk.splice(0)) item.done();
        for (const item of this.keyFrames.splice(0)) item.done();
        resolve();
      }),
    );
    socket.on("error", () => {}); // a reset is a closed call, which `closed` reports
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
  }

  static async connect(options: CallerOptions): Promise<AudioSocketCaller> {
    const socket = connect({ port: options.port, host: options.host ?? "127.0.0.1" });
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    const caller = new AudioSocketCaller(socket, options);
    socket.write(encodeFrame(FrameKind.uuid, uuidToBytes(caller.uuid)));
    callerClock.add(caller);
    return caller;
  }

  /** Queues speech after whatever is queued; resolves once its last frame has been sent. */
  speak(pcm: Pcm): Promise<void> {
    if (this.isClosed) return Promise.resolve();
    const samples = resample(pcm.samples, pcm.rate, this.rate);
    return new Promise((done) => this.talk.push({ samples, at: 0, done }));
  }

  /** Presses keys one after another; resolves once the last one has been sent. */
  async press(keys: string, options: PressOptions = {}): Promise<void> {
    const toneMs = options.toneMs ?? 80;
    const gapMs = options.gapMs ?? 80;
    for (const key of keys) {
      if (options.inband) {
        await this.speak(dtmfTone(key, this.rate, toneMs));
        await this.speak({ rate: this.rate, samples: new Int16Array((this.rate * gapMs) / 1000) });
      } else {
        // Asterisk reports a key once, when it is released.
        await new Promise<void>((done) =>
          this.keyFrames.push({ key, dueTick: this.tick + Math.round((toneMs + gapMs) / 20), done }),
        );
      }
    }
  }

  /**
   * Resolves when the bot has sent audio (since the previous promptEnded resolved) and then been quiet for
   * quietMs; rejects if the call closes before any such audio.
   */
  promptEnded(options: { quietMs: number }): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const last = this.heard.at(-1);
        const fresh = this.heard.length > this.promptsConsumed;
        if (fresh && last && (this.isClosed || performance.now() - last.atMs >= options.quietMs)) {
          this.promptsConsumed = this.heard.length;
          resolve();
        } else if (this.isClosed) reject(new Error("call closed before the bot played a prompt"));
        else setTimeout(check, Math.min(20, options.quietMs));
      };
      check();
    });
  }

  /**
   * Resolves at the first bot audio that arrives at least afterMs from now — the next prompt, once frames of one cut
   * short by barge-in have drained; rejects if the call closes first.
   */
  promptStarted(options: { afterMs: number } = { afterMs: 120 }): Promise<void> {
    const from = performance.now() + options.afterMs;
    return new Promise((resolve, reject) => {
      const check = () => {
        const last = this.heard.at(-1);
        if (last && last.atMs >= from) resolve();
        else if (this.isClosed) reject(new Error("call closed before the bot's next prompt"));
        else setTimeout(check, 10);
      };
      check();
    });
  }

  /** Sends the 0x00 frame and closes, as Asterisk does when the caller hangs up. */
  async hangup(): Promise<void> {
    if (!this.isClosed) this.socket.end(encodeFrame(FrameKind.hangup));
    await this.closed;
  }

  /** Milliseconds of bot audio heard since index `from`. */
  heardMs(from = 0): number {
    let samples = 0;
    for (const frame of this.heard.slice(from)) samples += frame.samples.length;
    return (samples * 1000) / this.rate;
  }

  /** Raw bytes straight onto the socket (protocol-error tests). */
  writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** One 20 ms step of the shared clock. */
  step(): void {
    if (this.isClosed) return;
    this.tick++;
    const size = frameSamples(this.rate);
    const frame = new Int16Array(size);
    frame.set(this.noiseFrames[this.tick % this.noiseFrames.length] as Int16Array);
    let filled = 0;
    while (filled < size && this.talk.length > 0) {
      const item = this.talk[0] as QueuedAudio;
      const take = Math.min(size - filled, item.samples.length - item.at);
      frame.set(item.samples.subarray(item.at, item.at + take), filled);
      item.at += take;
      filled += take;
      if (item.at >= item.samples.length) {
        this.talk.shift();
        item.done();
      }
    }
    this.socket.write(encodeAudioFrame(this.rate, frame));
    while (this.keyFrames.length > 0 && (this.keyFrames[0]?.dueTick ?? 0) <= this.tick) {
      const item = this.keyFrames.shift();
      if (!item) break;
      this.socket.write(encodeFrame(FrameKind.dtmf, Buffer.from(item.key, "ascii")));
      item.done();
    }
  }

  private receive(chunk: Buffer): void {
    for (const frame of this.decoder.push(chunk)) {
      if (frame.kind === audioKindFor(this.rate)) {
        this.heard.push({ atMs: performance.now(), samples: decodeSamples(frame.payload) });
      } else if (frame.kind === FrameKind.hangup) this.botHungUp = true;
      else if (frame.kind === FrameKind.error) this.errors.push(frame.payload[0]);
    }
  }
}

const makeNoiseFrames = (rate: SampleRate, amplitude: number): Int16Array[] => {
  let state = 2463534242;
  // Several distinct frames cycled: one frame repeated would be a 50 Hz buzz, which a VAD may call voice.
  return Array.from({ length: 16 }, () =>
    new Int16Array(frameSamples(rate)).map(() => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return Math.round((state / 2 ** 32 - 0.5) * 2 * amplitude);
    }),
  );
};

/** The one 20 ms clock of all test callers in this process (absolute schedule, like the bot's pacer). */
const callerClock = (() => {
  const callers = new Set<AudioSocketCaller>();
  let epoch = 0;
  let ticks = 0;
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    timer = undefined;
    if (callers.size === 0) return;
    // Catch up on missed ticks so a caller's stream keeps real-time length after a stall.
    const due = Math.floor((performance.now() - epoch) / 20);
    while (ticks <= due) {
      for (const caller of callers) caller.step();
      ticks++;
    }
    timer = setTimeout(run, Math.max(0, epoch + ticks * 20 - performance.now()));
  };
  return {
    add(caller: AudioSocketCaller) {
      callers.add(caller);
      if (!timer) {
        epoch = performance.now();
        ticks = 0;
        timer = setTimeout(run, 0);
      }
    },
    remove(caller: AudioSocketCaller) {
      callers.delete(caller);
    },
  };
})();
