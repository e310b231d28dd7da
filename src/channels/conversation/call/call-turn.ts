// One turn of a phone call: the engine's DialogueTurn (use cases as the provider's voice line, by the "voice"
// door) plus what a phone needs instead of buttons — the prompts to speak, what to listen for next (the words a
// recogniser may expect, how many keys), and whether the call ends here and how.
import type { VoiceOutcome } from "../../../db/tables/voice.table.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format, type MessageParams } from "../../../i18n/messages.ts";
import type { Actor } from "../../../services/actor.ts";
import type { Deps } from "../../../services/deps.ts";
import type { VoiceCallOpening } from "../../../services/voice/voice-calls.ts";
import { DialogueTurn } from "../dialogue-turn.ts";
import { CALL, type CallMessage } from "./call-messages.ts";

/** What the caller did, as the telephony and the recogniser give it. */
export type Heard =
  | { kind: "start" }
  | { kind: "speech"; text: string }
  | { kind: "keys"; digits: string }
  | { kind: "silence" };

export type CallStep =
  | "menu"
  | "settlement"
  | "account"
  | "confirm_account"
  | "meter"
  | "value"
  | "confirm_value"
  | "confirm_unusual";

/** Where the call stands between two turns; kept in memory by the call (one process holds a call's socket). */
export interface CallState {
  opening: VoiceCallOpening;
  /** The caller's language was chosen (a key, a word) or given away by their first words. */
  languageSettled: boolean;
  step: CallStep;
  /** Failed tries at this step; two and the step goes to the keypad, two more and to an operator. */
  tries: number;
  keypadOnly: boolean;
  settlementId?: number;
  pendingAccount?: string;
  accountId?: number;
  meters?: { id: number; service: string; serial: string; zones: number }[];
  meterId?: number;
  values: string[];
  pendingValue?: string;
  /** What was heard for the reading, kept with it (readings.raw_input). */
  transcript: string[];
  readings: number;
}

/** A line to speak: the prompt's key (a provider may have recorded it), its text, and the voice to say it in. */
export interface PromptLine {
  key: CallMessage;
  text: string;
  locale: Locale;
  /** No params: the provider's recording of this key can stand in for it. */
  fixed: boolean;
  /** A read-back: said word by word from cached renders (the text is what they add up to). */
  words?: string[];
}

export interface Listen {
  step: CallStep;
  /** Speech accepted at this step (a recogniser for the language is there and the step is not keypad-only). */
  speech: boolean;
  /** The recogniser's language; null while the caller's language is not known yet. */
  language: "uk" | "ru" | null;
  /** The words this step expects (a Vosk grammar, a Whisper prompt). */
  phrases: string[];
  keys: { maxDigits: number; terminator?: string };
}

export class CallTurn extends DialogueTurn {
  readonly prompts: PromptLine[] = [];
  listen: Listen | null = null;
  end: VoiceOutcome | null = null;

  constructor(
    deps: Deps,
    actor: Actor | null,
    locale: Locale,
    readonly state: CallState,
    /** The languages the recogniser can hear now (empty: keypad only). */
    readonly speechLanguages: readonly ("uk" | "ru")[],
  ) {
    // Lookups are counted per caller (their number, else the call): a phone cannot probe account numbers fast.
    super(deps, actor, locale, "voice", `voice:${state.opening.caller ?? state.opening.callId}`);
  }

  t(key: CallMessage, params?: MessageParams, locale: Locale = this.locale): string {
    return format(CALL[key], locale, params);
  }

  say(key: CallMessage, params?: MessageParams, locale: Locale = this.locale): void {
    this.prompts.push({ key, text: this.t(key, params, locale), locale, fixed: !params });
  }

  /** A number, an account or a receipt read back, word by word. */
  sayWords(words: string): void {
    const list = words.split(/[\s,]+/).filter(Boolean);
    this.prompts.push({
      key: "readBack",
      text: list.join(" "),
      locale: this.locale,
      fixed: false,
      words: list,
    });
  }

  /** The yes/no question, by voice and keys or by keys alone. */
  sayYesNo(): void {
    this.say(this.speech ? "yesNo" : "yesNoKeys");
  }

  /** Speech is heard at this step: a recogniser for the caller's language, and no fallback to keys yet. */
  get speech(): boolean {
    if (this.state.keypadOnly) return false;
    const language = this.locale === "en" ? null : this.locale;
    return language !== null && this.speechLanguages.includes(language);
  }

  ask(step: CallStep, phrases: string[], keys: Listen["keys"]): void {
    this.state.step = step;
    const language = this.state.languageSettled && this.locale !== "en" ? this.locale : null;
    this.listen = { step, speech: this.speech, language, phrases, keys };
  }

  finish(outcome: VoiceOutcome): void {
    this.end = outcome;
    this.listen = null;
  }
}
