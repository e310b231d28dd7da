// The engine's third conversation: a phone call. The telephony hands it what the caller said (a transcript) or
// keyed; it takes one step and answers with the prompts to speak and what to listen for next, or the call's end.
// The steps: a greeting with the provider's name and its hours (outside them, the hours and the other channels);
// the menu; the settlement, the account number read back for confirmation, the meter, the reading per zone, and
// submitReading's answer with its receipt. Two failed tries at a step move it to the keypad, two more hand the
// call to an operator. Every act is a use case as the provider's voice line (services/voice/voice-line.ts).
import type { VoiceOutcome } from "../../../db/tables/voice.table.ts";
import { guessLanguage } from "../../../domain/guess-language.ts";
import { MENU_PHRASES, menuIntent } from "../../../domain/voice/spoken-intent.ts";
import type { Locale } from "../../../i18n/locale.ts";
import type { Actor } from "../../../services/actor.ts";
import type { Deps } from "../../../services/deps.ts";
import { AppError } from "../../../services/errors.ts";
import { askAccount, askSettlement, onAccount, onAccountConfirmed, onSettlement } from "./call-account.ts";
import { failed, handOver } from "./call-hand-over.ts";
import { onMeter, onUnusualConfirmed, onValue, onValueConfirmed } from "./call-reading.ts";
import { type CallState, CallTurn, type Heard, type Listen, type PromptLine } from "./call-turn.ts";

export type { CallState, Heard, Listen, PromptLine };

export interface CallReply {
  prompts: PromptLine[];
  /** What to listen for next; null when the call ends. */
  listen: Listen | null;
  end: VoiceOutcome | null;
  locale: Locale;
}

export interface CallParty {
  actor: Actor | null;
  locale: Locale;
  speechLanguages: readonly ("uk" | "ru")[];
}

/** One step of a call. */
export async function answerCall(
  deps: Deps,
  state: CallState,
  party: CallParty,
  heard: Heard,
): Promise<CallReply> {
  const turn = new CallTurn(deps, party.actor, party.locale, state, party.speechLanguages);
  try {
    await step(turn, heard);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // A refusal the caller cannot mend on the phone (the window is closed, the provider takes no calls): said in
    // their words, and the call ends.
    turn.prompts.push({ key: "goodbye", text: e.messageIn(turn.locale), locale: turn.locale, fixed: false });
    turn.say("goodbye");
    turn.finish("refused");
  }
  return { prompts: turn.prompts, listen: turn.listen, end: turn.end, locale: turn.locale };
}

async function step(turn: CallTurn, heard: Heard): Promise<void> {
  if (heard.kind === "start") return greet(turn);
  const state = turn.state;
  // Whatever the step, "оператор" (or 0 at a menu-like step) hands over.
  if (heard.kind === "speech" && state.step !== "value" && menuIntent(heard.text) === "operator")
    return handOver(turn);
  switch (state.step) {
    case "menu":
      return onMenu(turn, heard);
    case "settlement":
      return onSettlement(turn, heard);
    case "account":
      return onAccount(turn, heard);
    case "confirm_account":
      return onAccountConfirmed(turn, heard);
    case "meter":
      return onMeter(turn, heard);
    case "value":
      return onValue(turn, heard);
    case "confirm_value":
      return onValueConfirmed(turn, heard);
    case "confirm_unusual":
      return onUnusualConfirmed(turn, heard);
  }
}

function greet(turn: CallTurn): void {
  const { provider, line } = turn.state.opening;
  if (!provider) {
    turn.say("noLine");
    turn.finish("failed");
    return;
  }
  turn.say("greeting", { provider: provider.name[turn.locale] });
  if (!provider.takesVoice) {
    turn.say("noVoice");
    turn.finish("out_of_hours");
    return;
  }
  if (!line.open) {
    const chats = provider.channels.some((c) => c === "viber" || c === "telegram" || c === "facebook");
    turn.say("closed", { opens: line.opens, closes: line.closes, chats: chats ? "yes" : "no" });
    turn.finish("out_of_hours");
    return;
  }
  askMenu(turn);
}

export function askMenu(turn: CallTurn): void {
  turn.say(turn.speech ? "menu" : "menuKeys");
  // The other language's offer, in its own voice, until the caller's language is settled.
  if (!turn.state.languageSettled) {
    const other: Locale = turn.locale === "ru" ? "uk" : "ru";
    turn.prompts.push({
      key: "otherLanguage",
      text: turn.t("otherLanguage", undefined, other),
      locale: other,
      fixed: true,
    });
  }
  turn.ask("menu", MENU_PHRASES, { maxDigits: 1 });
}

function setLanguage(turn: CallTurn, locale: Locale): void {
  turn.locale = locale;
  turn.state.languageSettled = true;
}

async function onMenu(turn: CallTurn, heard: Heard): Promise<void> {
  if (heard.kind === "keys") {
    const key = heard.digits[0];
    if (key === "1") return startReading(turn);
    if (key === "0") return handOver(turn);
    if (key === "9" || key === "8") {
      setLanguage(turn, key === "9" ? "ru" : "uk");
      return askMenu(turn);
    }
    return failed(turn, "notUnderstood", askMenu);
  }
  if (heard.kind === "speech") {
    const intent = menuIntent(heard.text);
    // The caller's first words give their language away, unless they chose it.
    if (!turn.state.languageSettled) {
      const guessed = intent === "ru" || intent === "uk" ? intent : guessLanguage(heard.text);
      if (guessed && guessed !== "en") setLanguage(turn, guessed);
    }
    if (intent === "reading") return startReading(turn);
    if (intent === "ru" || intent === "uk") return askMenu(turn);
    return failed(turn, "notUnderstood", askMenu);
  }
  return failed(turn, "noInput", askMenu);
}

function startReading(turn: CallTurn): Promise<void> | void {
  turn.state.languageSettled = true;
  turn.state.tries = 0;
  turn.state.keypadOnly = false;
  const { settlements } = turn.state.opening;
  if (settlements.length > 1) return askSettlement(turn);
  turn.state.settlementId = settlements[0]?.id;
  return askAccount(turn);
}
