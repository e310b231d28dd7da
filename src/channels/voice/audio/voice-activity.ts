// Endpointing: where the caller's utterance starts and ends, judged by WebRTC's VAD (libfvad compiled to
// WASM) on 20 ms frames. Speech starts after startMs of consecutive voiced frames (a cough or a click is
// shorter); it ends after endMs of consecutive unvoiced frames (people pause mid-sentence, so this is long);
// the utterance keeps preRollMs of audio from before the voiced run (the VAD is late on soft onsets) and is
// cut at maxSpeechMs so a noisy line cannot hold the dialogue forever.
import fvad from "@echogarden/fvad-wasm";
import type { Pcm, SampleRate } from "./pcm.ts";

interface FvadModule {
  _fvad_new(): number;
  _fvad_free(instance: number): void;
  _fvad_set_mode(instance: number, mode: number): number;
  _fvad_set_sample_rate(instance: number, rate: number): number;
  _fvad_process(instance: number, samples: number, length: number): number;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  HEAP16: Int16Array;
}

let modulePromise: Promise<FvadModule> | undefined;
/** One WASM module per process; each endpointer has its own VAD state inside it. */
const loadFvad = (): Promise<FvadModule> => {
  modulePromise ??= (fvad as unknown as () => Promise<FvadModule>)();
  return modulePromise;
};

export interface EndpointerOptions {
  rate: SampleRate;
  /** WebRTC VAD aggressiveness 0–3; 3 rejects most line noise at the cost of soft speech. */
  mode?: 0 | 1 | 2 | 3;
  startMs?: number;
  endMs?: number;
  preRollMs?: number;
  maxSpeechMs?: number;
}

export type EndpointEvent =
  | { kind: "speech-start" }
  | { kind: "utterance"; audio: Pcm; durationMs: number; truncated: boolean };

const frameMs = 20;
const warmUpFrames = 7;
/** Mean square below which a frame is not speech whatever the VAD says (RMS 150, about -47 dBFS). */
const quietMeanSquare = 150 ** 2;

export class Endpointer {
  readonly rate: SampleRate;
  private readonly frameLength: number;
  private readonly startFrames: number;
  private endFrames: number;
  private readonly preRollFrames: number;
  private maxFrames: number;
  private readonly pointer: number;
  private readonly pending: Int16Array;
  private filled = 0;
  /** Recent frames while waiting for speech (pre-roll plus the voiced run being judged). */
  private history: Int16Array[] = [];
  private voicedRun = 0;
  private unvoicedRun = 0;
  private utterance: Int16Array[] | undefined;
  private disposed = false;
  /**
   * WebRTC's VAD calls the first ~5 frames of sound voiced while its noise model settles, at the start and
   * again whenever sound follows digital silence (which it does not learn from: some PBXes send zeros between
   * bursts of comfort noise). Those frames are judged unvoiced here; after 100 ms of zeros the warm-up re-arms.
   */
  private warmUpFrames = warmUpFrames;
  private zeroFrames = 0;

  private constructor(
    private readonly vad: FvadModule,
    private readonly instance: number,
    options: EndpointerOptions,
  ) {
    this.rate = options.rate;
    this.frameLength = (options.rate * frameMs) / 1000;
    this.startFrames = Math.max(1, Math.round((options.startMs ?? 80) / frameMs));
    this.endFrames = Math.max(1, Math.round((options.endMs ?? 700) / frameMs));
    this.preRollFrames = Math.round((options.preRollMs ?? 200) / frameMs);
    this.maxFrames = Math.max(1, Math.round((options.maxSpeechMs ?? 15_000) / frameMs));
    this.pointer = vad._malloc(this.frameLength * 2);
    this.pending = new Int16Array(this.frameLength);
  }

  static async create(options: EndpointerOptions): Promise<Endpointer> {
    const vad = await loadFvad();
    const instance = vad._fvad_new();
    if (instance === 0) throw new Error("fvad_new failed");
    if (vad._fvad_set_sample_rate(instance, options.rate) !== 0)
      throw new Error(`fvad rejects ${options.rate} Hz`);
    if (vad._fvad_set_mode(instance, options.mode ?? 2) !== 0)
      throw new Error(`fvad rejects mode ${options.mode}`);
    return new Endpointer(vad, instance, options);
  }

  /** True between speech-start and its utterance. */
  get speaking(): boolean {
    return this.utterance !== undefined;
  }

  /** Changes the limits for the next utterance (each prompt asks with its own). */
  configure(limits: { endMs?: number; maxSpeechMs?: number }): void {
    if (limits.endMs !== undefined) this.endFrames = Math.max(1, Math.round(limits.endMs / frameMs));
    if (limits.maxSpeechMs !== undefined)
      this.maxFrames = Math.max(1, Math.round(limits.maxSpeechMs / frameMs));
  }

  push(samples: Int16Array): EndpointEvent[] {
    if (this.disposed) return [];
    const events: EndpointEvent[] = [];
    let at = 0;
    while (at < samples.length) {
      const take = Math.min(this.frameLength - this.filled, samples.length - at);
      this.pending.set(samples.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled < this.frameLength) break;
      this.filled = 0;
      const event = this.onFrame(this.pending.slice());
      if (event) events.push(event);
    }
    return events;
  }

  /**
   * Forgets the utterance state: a new question starts from a clean slate. The VAD keeps its noise model
   * (resetting it would make it hear "speech" in the line noise again).
   */
  reset(): void {
    this.filled = 0;
    this.history = [];
    this.voicedRun = 0;
    this.unvoicedRun = 0;
    this.utterance = undefined;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.vad._free(this.pointer);
    this.vad._fvad_free(this.instance);
  }

  private isVoiced(frame: Int16Array): boolean {
    let energy = 0;
    for (const x of frame) energy += x * x;
    if (energy === 0) {
      if (++this.zeroFrames >= 5) this.warmUpFrames = warmUpFrames;
      return false;
    }
    this.zeroFrames = 0;
    const voiced = this.vadSaysVoiced(frame);
    if (this.warmUpFrames > 0) {
      this.warmUpFrames--;
      return false;
    }
    return voiced && energy / frame.length >= quietMeanSquare;
  }

  private vadSaysVoiced(frame: Int16Array): boolean {
    // HEAP16 is re-read each time: a memory growth replaces the buffer behind it.
    this.vad.HEAP16.set(frame, this.pointer >> 1);
    return this.vad._fvad_process(this.instance, this.pointer, frame.length) === 1;
  }

  private onFrame(frame: Int16Array): EndpointEvent | undefined {
    const voiced = this.isVoiced(frame);
    if (!this.utterance) {
      this.history.push(frame);
      if (this.history.length > this.preRollFrames + this.startFrames) this.history.shift();
      this.voicedRun = voiced ? this.voicedRun + 1 : 0;
      if (this.voicedRun < this.startFrames) return undefined;
      this.utterance = this.history;
      this.history = [];
      this.unvoicedRun = 0;
      return { kind: "speech-start" };
    }
    this.utterance.push(frame);
    this.unvoicedRun = voiced ? 0 : this.unvoicedRun + 1;
    if (this.unvoicedRun >= this.endFrames)
      return this.finish(this.utterance.length - this.unvoicedRun, false);
    if (this.utterance.length >= this.maxFrames) return this.finish(this.utterance.length, true);
    return undefined;
  }

  /** Closes the utterance after `keep` frames (the trailing silence is not speech). */
  private finish(keep: number, truncated: boolean): EndpointEvent {
    const frames = (this.utterance ?? []).slice(0, keep);
    this.utterance = undefined;
    this.voicedRun = 0;
    this.unvoicedRun = 0;
    const samples = new Int16Array(frames.length * this.frameLength);
    for (const [i, frame] of frames.entries()) samples.set(frame, i * this.frameLength);
    return {
      kind: "utterance",
      audio: { rate: this.rate, samples },
      durationMs: frames.length * frameMs,
      truncated,
    };
  }
}
