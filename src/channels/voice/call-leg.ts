// One phone call as the dialogue sees it: play a prompt, get back what the caller said or keyed. The leg
// owns the call's listening (in-band DTMF, endpointing) and its talking (paced prompt frames); the server
// feeds it decoded AudioSocket frames and gives it a way to write to the socket.
import type { Logger } from "pino";
import { DtmfDetector } from "./audio/dtmf-tones.ts";
import { newPacingStats, type Pacer, type PacingStats, type Playback, sharedPacer } from "./audio/pacer.ts";
import type { Pcm, SampleRate } from "./audio/pcm.ts";
import type { Endpointer } from "./audio/voice-activity.ts";
import { encodeFrame, FrameKind } from "./audiosocket/frame.ts";
import { promptFrames } from "./audiosocket/prompt-frames.ts";

export type CallerInput =
  | { kind: "speech"; audio: Pcm; durationMs: number } // one endpointed utterance (pre-roll included)
  | { kind: "keys"; digits: string } // DTMF frames or in-band tones
  | { kind: "silence" } // nothing within noInputMs after the prompt ended
  | { kind: "hangup" };

export interface AskOptions {
  /** Played in order at the leg's rate; the caller may interrupt it (barge-in). */
  prompt: Pcm[];
  /** false: keypad only — speech neither interrupts nor is returned. */
  speech: boolean;
  /** e.g. {maxDigits:1} for a menu; {maxDigits:24, terminator:"#", interDigitMs:4000} for an account number. */
  keys: { maxDigits: number; terminator?: string; interDigitMs?: number };
  /** After the prompt has finished. */
  noInputMs: number;
  maxSpeechMs: number;
}

export interface CallLeg {
  /** The UUID, canonical lower-case 8-4-4-4-12. */
  readonly callId: string;
  readonly rate: SampleRate;
  /** Barge-in: speech onset or a key stops the prompt at once. */
  ask(options: AskOptions): Promise<CallerInput>;
  /** No barge-in (goodbye lines). */
  say(prompt: Pcm[]): Promise<"played" | "hangup">;
  /** Sends the 0x00 frame, closes the socket. */
  hangup(): Promise<void>;
  readonly closed: Promise<void>;
  readonly stats: { framesSent: number; framesLate: number; worstLateMs: number };
}

/** What the leg needs of its socket. */
export interface LegWire {
  write(frame: Buffer): void;
  end(): void;
}

/** Without an interDigitMs the caller gets this long between keys of a multi-digit entry. */
const defaultInterDigitMs = 3000;
/** A PBX may pass a key both as a DTMF frame and as tones in the audio: one press within this window. */
const sameKeyWindowMs = 300;
/**
 * Type-ahead: keys pressed while the bot works between two questions answer the next one, as in VoiceXML — a
 * caller who knows the menu does not wait for it, and a key sent as a prompt starts is never lost to a slow
 * lookup. Only this recent: an older key is a stray one.
 */
const typeAheadMs = 3000;
const typeAheadMax = 32;

interface PendingAsk {
  kind: "ask";
  options: AskOptions;
  resolve: (input: CallerInput) => void;
  playback: Playback | undefined;
  digits: string;
  speaking: boolean;
  timer: NodeJS.Timeout | undefined;
}

interface PendingSay {
  kind: "say";
  resolve: (end: "played" | "hangup") => void;
  playback: Playback | undefined;
}

export class AudioSocketLeg implements CallLeg {
  readonly stats: PacingStats = newPacingStats();
  readonly closed: Promise<void>;
  private markClosed: () => void = () => {};
  private isClosed = false;
  private pending: PendingAsk | PendingSay | undefined;
  private readonly dtmf: DtmfDetector;
  private lastKey: { key: string; at: number; inband: boolean } | undefined;
  private typedAhead: Array<{ key: string; at: number }> = [];

  constructor(
    readonly callId: string,
    readonly rate: SampleRate,
    private readonly wire: LegWire,
    private readonly endpointer: Endpointer,
    private readonly logger: Logger,
    private readonly pacer: Pacer = sharedPacer,
  ) {
    this.dtmf = new DtmfDetector(rate);
    this.closed = new Promise((resolve) => {
      this.markClosed = resolve;
    });
  }

  ask(options: AskOptions): Promise<CallerInput> {
    if (this.isClosed) return Promise.resolve({ kind: "hangup" });
    this.assertIdle();
    return new Promise((resolve) => {
      const ask: PendingAsk = {
        kind: "ask",
        options,
        resolve,
        playback: undefined,
        digits: "",
        speaking: false,
        timer: undefined,
      };
      this.pending = ask;
      this.endpointer.reset();
      this.endpointer.configure({ maxSpeechMs: options.maxSpeechMs });
      ask.playback = this.play(options.prompt);
      void ask.playback.ended.then((end) => {
        if (end === "played" && this.pending === ask && ask.digits === "" && !ask.speaking) {
          ask.timer = setTimeout(() => this.finishAsk(ask, { kind: "silence" }), options.noInputMs);
        }
      });
      this.replayTypedAhead();
    });
  }

  say(prompt: Pcm[]): Promise<"played" | "hangup"> {
    if (this.isClosed) return Promise.resolve("hangup");
    this.assertIdle();
    return new Promise((resolve) => {
      const say: PendingSay = { kind: "say", resolve, playback: undefined };
      this.pending = say;
      say.playback = this.play(prompt);
      void say.playback.ended.then((end) => {
        if (this.pending !== say) return;
        this.pending = undefined;
        resolve(end === "played" ? "played" : "hangup");
      });
    });
  }

  async hangup(): Promise<void> {
    if (!this.isClosed) {
      this.settleAsHungUp();
      try {
        this.wire.write(encodeFrame(FrameKind.hangup));
        this.wire.end();
      } catch (error) {
        this.logger.debug({ err: error }, "hang-up frame not sent");
      }
    }
    await this.closed;
  }

  // --- fed by the server -------------------------------------------------------------------------------

  /** Incoming caller audio, already at the leg's rate. */
  hear(samples: Int16Array): void {
    if (this.isClosed) return;
    for (const key of this.dtmf.push(samples)) this.keyPressed(key, true);
    const ask = this.pending;
    if (ask?.kind !== "ask" || !ask.options.speech || ask.digits !== "") return;
    for (const event of this.endpointer.push(samples)) {
      if (event.kind === "speech-start") {
        ask.speaking = true;
        ask.playback?.stop();
        clearTimeout(ask.timer);
      } else {
        this.finishAsk(ask, { kind: "speech", audio: event.audio, durationMs: event.durationMs });
      }
    }
  }

  keyPressed(key: string, inband = false): void {
    const now = Date.now();
    const last = this.lastKey;
    this.lastKey = { key, at: now, inband };
    if (last && last.key === key && last.inband !== inband && now - last.at < sameKeyWindowMs) return;
    if (this.isClosed) return;
    const ask = this.pending;
    if (ask === undefined) {
      if (this.typedAhead.length < typeAheadMax) this.typedAhead.push({ key, at: now });
      return;
    }
    if (ask.kind === "ask") this.answerKey(ask, key); // a goodbye line takes no keys
  }

  /** A key for the pending question: it stops the prompt, and ends the entry at its terminator or length. */
  private answerKey(ask: PendingAsk, key: string): void {
    ask.playback?.stop();
    clearTimeout(ask.timer);
    if (ask.speaking) {
      ask.speaking = false; // a key beats a half-heard utterance
      this.endpointer.reset();
    }
    const { maxDigits, terminator, interDigitMs } = ask.options.keys;
    const done = terminator !== undefined && key === terminator;
    if (!done) ask.digits += key;
    if (done || ask.digits.length >= maxDigits) {
      this.finishAsk(ask, { kind: "keys", digits: ask.digits });
      return;
    }
    ask.timer = setTimeout(
      () => this.finishAsk(ask, { kind: "keys", digits: ask.digits }),
      interDigitMs ?? defaultInterDigitMs,
    );
  }

  /** The caller hung up (0x00 frame or the socket closed). */
  remoteClosed(): void {
    if (this.isClosed) return;
    this.settleAsHungUp();
  }

  /** The socket is gone: nothing more can be sent or heard. */
  socketClosed(): void {
    this.settleAsHungUp();
    this.endpointer.dispose();
    this.markClosed();
  }

  // --- internals -----------------------------------------------------------------------------------------

  /** Feeds the new question the keys pressed for it while the bot was busy, dropping stray older ones. */
  private replayTypedAhead(): void {
    const since = Date.now() - typeAheadMs;
    const keys = this.typedAhead.filter((k) => k.at >= since);
    this.typedAhead = [];
    while (keys.length > 0 && this.pending?.kind === "ask") this.answerKey(this.pending, keys.shift()!.key);
    this.typedAhead = keys; // the question was answered: the rest is for the one after it
  }

  private settleAsHungUp(): void {
    this.isClosed = true;
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    pending.playback?.stop();
    if (pending.kind === "ask") {
      clearTimeout(pending.timer);
      pending.resolve({ kind: "hangup" });
    } else pending.resolve("hangup");
  }

  private finishAsk(ask: PendingAsk, input: CallerInput): void {
    if (this.pending !== ask) return;
    this.pending = undefined;
    clearTimeout(ask.timer);
    ask.playback?.stop();
    ask.resolve(input);
  }

  private play(prompt: Pcm[]): Playback {
    return this.pacer.play(promptFrames(prompt, this.rate), (frame) => this.wire.write(frame), this.stats);
  }

  private assertIdle(): void {
    if (this.pending) throw new Error(`call ${this.callId}: ${this.pending.kind} still in progress`);
  }
}
