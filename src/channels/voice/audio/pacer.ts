// Outbound audio leaves in 20 ms frames on one clock shared by every call of the process: a timer per call
// would multiply wake-ups by the number of calls and let each drift on its own. The clock keeps an absolute
// schedule (next tick = epoch + k·20 ms, re-armed with setTimeout against performance.now()), so a late
// wake-up does not push every later frame back.
//
// Lateness, precisely: frame i of a playout is due at anchor + i·20 ms, where anchor is the clock tick at
// which the playout began. When the frame is handed to the socket (the write call, i.e. into the kernel's
// send buffer; network delay is not ours), lateness = performance.now() at that moment − due time. A frame
// is "late" when lateness > lateAfterMs (10 ms: half a frame, beyond which a PBX jitter buffer starts to
// underrun). Frames a stalled event loop could not send on time are sent at the next tick (catch-up, so the
// prompt keeps its length) and each of them counts as late with its own lateness.
import { performance } from "node:perf_hooks";

export interface PacingStats {
  framesSent: number;
  framesLate: number;
  worstLateMs: number;
}

export const newPacingStats = (): PacingStats => ({ framesSent: 0, framesLate: 0, worstLateMs: 0 });

export type PlaybackEnd = "played" | "stopped";

export interface Playback {
  /** Stops at once; frames not yet written are dropped. */
  stop(): void;
  readonly ended: Promise<PlaybackEnd>;
}

interface ActivePlayout {
  frames: readonly Buffer[];
  next: number;
  anchor: number;
  write: (frame: Buffer) => void;
  stats: PacingStats;
  finish: (end: PlaybackEnd) => void;
}

export interface PacerOptions {
  frameMs?: number;
  lateAfterMs?: number;
}

export class Pacer {
  readonly frameMs: number;
  readonly lateAfterMs: number;
  private readonly playing = new Set<ActivePlayout>();
  private readonly totals = newPacingStats();
  private epoch = 0;
  private tickIndex = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(options: PacerOptions = {}) {
    this.frameMs = options.frameMs ?? 20;
    this.lateAfterMs = options.lateAfterMs ?? 10;
  }

  /**
   * Plays wire-ready frames through write, one per tick. The first frame goes out at the next tick of the
   * shared clock (at most one frame period away). Stats of the leg are updated in place.
   */
  play(frames: readonly Buffer[], write: (frame: Buffer) => void, stats: PacingStats): Playback {
    let finish: (end: PlaybackEnd) => void = () => {};
    const ended = new Promise<PlaybackEnd>((resolve) => {
      finish = resolve;
    });
    const playout: ActivePlayout = { frames, next: 0, anchor: 0, write, stats, finish };
    if (frames.length === 0) {
      finish("played");
      return { stop: () => {}, ended };
    }
    this.ensureRunning();
    playout.anchor = this.nextTickAt();
    this.playing.add(playout);
    return {
      stop: () => {
        if (this.playing.delete(playout)) playout.finish("stopped");
      },
      ended,
    };
  }

  /** Process-wide figures since start (or the last resetStats). */
  stats(): PacingStats & { playing: number } {
    return { ...this.totals, playing: this.playing.size };
  }

  resetStats(): void {
    Object.assign(this.totals, newPacingStats());
  }

  private nextTickAt(): number {
    return this.epoch + this.tickIndex * this.frameMs;
  }

  private ensureRunning(): void {
    if (this.timer) return;
    this.epoch = performance.now() + 1;
    this.tickIndex = 0;
    this.arm();
  }

  private arm(): void {
    const delay = Math.max(0, this.nextTickAt() - performance.now());
    this.timer = setTimeout(() => this.tick(), delay);
    // Sockets keep the process alive while calls last; an idle clock must not.
    this.timer.unref();
  }

  private tick(): void {
    this.timer = undefined;
    // libuv runs timers on the loop's cached millisecond clock, so one may fire a little before its tick is due:
    // wait out the rest, rather than leave the tick's frames for the next one (20 ms late).
    if (performance.now() < this.nextTickAt() - 0.5) {
      this.arm();
      return;
    }
    for (const playout of this.playing) this.sendDue(playout);
    if (this.playing.size === 0) return; // idle: the clock restarts with the next playout
    // Skip ticks a stall swallowed; the playouts' own schedules carry the catch-up.
    const now = performance.now();
    this.tickIndex = Math.max(this.tickIndex + 1, Math.floor((now - this.epoch) / this.frameMs) + 1);
    this.arm();
  }

  private sendDue(playout: ActivePlayout): void {
    while (playout.next < playout.frames.length) {
      const due = playout.anchor + playout.next * this.frameMs;
      const now = performance.now();
      if (due > now + 1) break; // setTimeout may fire up to ~1 ms early; that frame is this tick's
      const frame = playout.frames[playout.next] as Buffer;
      playout.next++;
      try {
        playout.write(frame);
      } catch {
        // A dead socket ends its own playout; other calls on this clock go on.
        this.playing.delete(playout);
        playout.finish("stopped");
        return;
      }
      this.count(playout.stats, now - due);
      this.count(this.totals, now - due);
    }
    if (playout.next >= playout.frames.length) {
      this.playing.delete(playout);
      playout.finish("played");
    }
  }

  private count(stats: PacingStats, lateness: number): void {
    stats.framesSent++;
    if (lateness > this.lateAfterMs) stats.framesLate++;
    if (lateness > stats.worstLateMs) stats.worstLateMs = lateness;
  }
}

/** The process's one clock for outbound call audio. */
export const sharedPacer = new Pacer();
