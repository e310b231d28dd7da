// The caller's account: the settlement (said, or its key in a short list), then the personal account number said
// with its special characters or keyed in (KEYPAD_CONVENTION), read back, then found at the line's provider.
import { parseKeypadAccount } from "../../../domain/voice/keypad-account.ts";
import { accountPhrases, parseSpokenAccount, speakAccount } from "../../../domain/voice/spoken-account.ts";
import { spokenYesNo, YES_NO_PHRASES } from "../../../domain/voice/spoken-intent.ts";
import { matchSettlement, settlementPhrases } from "../../../domain/voice/spoken-settlement.ts";
import { AppError } from "../../../services/errors.ts";
import { failed, nextStep } from "./call-hand-over.ts";
import { askMeter } from "./call-reading.ts";
import type { CallTurn, Heard } from "./call-turn.ts";

/** Settlements are offered by key when there are few enough for one key each. */
const KEYED_SETTLEMENTS = 9;

const voiceLang = (turn: CallTurn) => (turn.locale === "ru" ? "ru" : "uk");

export function askSettlement(turn: CallTurn): void {
  const { settlements } = turn.state.opening;
  // Too many to key: on the keypad the account number alone finds the account (the settlement only checks it).
  if (!turn.speech && settlements.length > KEYED_SETTLEMENTS) {
    delete turn.state.settlementId;
    askAccount(turn);
    return;
  }
  if (turn.speech) turn.say("askSettlement");
  if (settlements.length <= KEYED_SETTLEMENTS) {
    const options = settlements
      .map((s, i) => turn.t("option", { n: i + 1, name: s.names[turn.locale === "ru" ? 1 : 0] ?? "" }))
      .join(", ");
    turn.say("settlementKeys", { options, speech: turn.speech ? "yes" : "no" });
  }
  turn.ask("settlement", settlementPhrases(settlements, voiceLang(turn)), { maxDigits: 1 });
}

export async function onSettlement(turn: CallTurn, heard: Heard): Promise<void> {
  const { settlements } = turn.state.opening;
  let id: number | undefined;
  if (heard.kind === "keys") id = settlements[Number(heard.digits[0]) - 1]?.id;
  if (heard.kind === "speech") {
    const match = matchSettlement(heard.text, voiceLang(turn), settlements);
    if ("value" in match) id = match.value;
  }
  if (id === undefined)
    return failed(turn, heard.kind === "silence" ? "noInput" : "notUnderstood", askSettlement);
  turn.state.settlementId = id;
  nextStep(turn);
  return askAccount(turn);
}

export function askAccount(turn: CallTurn): void {
  turn.say(turn.speech ? "askAccount" : "askAccountKeys");
  turn.ask("account", accountPhrases(voiceLang(turn)), { maxDigits: 24, terminator: "#" });
}

export async function onAccount(turn: CallTurn, heard: Heard): Promise<void> {
  const parsed =
    heard.kind === "keys"
      ? parseKeypadAccount(heard.digits)
      : heard.kind === "speech"
        ? parseSpokenAccount(heard.text, voiceLang(turn))
        : null;
  if (!parsed || "error" in parsed)
    return failed(turn, heard.kind === "silence" ? "noInput" : "notUnderstood", askAccount);
  // As heard, separators kept: the read-back says them, and the lookup normalises the number itself.
  turn.state.pendingAccount = parsed.heard;
  if (heard.kind === "speech") turn.state.transcript.push(heard.text);
  return askAccountConfirmed(turn);
}

function askAccountConfirmed(turn: CallTurn): void {
  turn.say("youSaidAccount");
  turn.sayWords(speakAccount(turn.state.pendingAccount ?? "", voiceLang(turn)));
  turn.sayYesNo();
  turn.ask("confirm_account", YES_NO_PHRASES, { maxDigits: 1 });
}

export async function onAccountConfirmed(turn: CallTurn, heard: Heard): Promise<void> {
  const answer = yesNo(heard);
  if (answer === null)
    return failed(turn, heard.kind === "silence" ? "noInput" : "notUnderstood", askAccountConfirmed);
  if (!answer) {
    turn.state.transcript = [];
    return failed(turn, null, askAccount);
  }
  try {
    const found = await turn.call("findAccountForCall", {
      number: turn.state.pendingAccount ?? "",
      ...(turn.state.settlementId !== undefined ? { settlementId: turn.state.settlementId } : {}),
    });
    turn.state.accountId = found.accountId;
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "not_found") throw e;
    turn.state.transcript = [];
    return failed(turn, "accountNotFound", askAccount);
  }
  nextStep(turn);
  return askMeter(turn);
}

/** A yes or no by voice (так, да, ні, нет…) or by key (1 yes, 2 no). */
export function yesNo(heard: Heard): boolean | null {
  if (heard.kind === "keys") return heard.digits[0] === "1" ? true : heard.digits[0] === "2" ? false : null;
  if (heard.kind === "speech") return spokenYesNo(heard.text);
  return null;
}
