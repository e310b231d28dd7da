// What bench/voice.ts (the bot's process) and bench/voice-callers.ts (the callers' process) say to each other
// over the fork's IPC channel: plain JSON, one message per job and one answer per job.

/** One thing a caller does after the bot's next prompt has begun: press keys, or say a line. */
export type CallerStep =
  | { keys: string }
  /** `text` is spoken (espeak-ng speech rendered beforehand) and is also what the stand-in Whisper "hears". */
  | { say: string; voice: "uk" | "ru" };

export interface CallPlan {
  callId: string;
  kind: "keypad" | "voice";
  /** The caller's number: each call its own, as the bot limits account lookups per calling number. */
  caller: string;
  port: number;
  steps: CallerStep[];
}

export interface CallResult {
  callId: string;
  kind: CallPlan["kind"];
  /** Steps taken before the call closed (all of them for a call that went as planned). */
  stepsDone: number;
  botHungUp: boolean;
  timedOut: boolean;
  error: string | null;
  durationMs: number;
  /** Milliseconds of the bot's audio the caller received. */
  heardMs: number;
}

export type ToCallers =
  | { type: "prepare"; lines: Array<{ text: string; voice: "uk" | "ru" }> }
  | { type: "run"; calls: CallPlan[]; announceUrl: string; pbxKey: string }
  | { type: "bare"; port: number; legs: number }
  | { type: "exit" };

export type FromCallers =
  | { type: "ready"; whisperUrl: string }
  | { type: "prepared"; lines: number; ms: number }
  | { type: "ran"; results: CallResult[]; wallMs: number }
  | { type: "bared"; results: CallResult[]; wallMs: number };
