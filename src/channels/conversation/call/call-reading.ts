// The reading: the meter (asked only when the account has several), one value per zone said as a number ("дванадцять
// тисяч триста сорок пʼять", digit by digit, "кома" for decimals) or keyed in (* for the comma), each read back,
// then submitReading with what was heard — its receipt spoken, or its refusal in the caller's words.

import { YES_NO_PHRASES } from "../../../domain/voice/spoken-intent.ts";
import { numberPhrases, parseSpokenNumber, speakNumber } from "../../../domain/voice/spoken-number.ts";
import { zoneName } from "../../../i18n/format.ts";
import { AppError } from "../../../services/errors.ts";
import { yesNo } from "./call-account.ts";
import { failed, handOver, nextStep } from "./call-hand-over.ts";
import type { CallTurn, Heard } from "./call-turn.ts";

const voiceLang = (turn: CallTurn) => (turn.locale === "ru" ? "ru" : "uk");

/** Refusals the caller can mend by saying the value again; any other ends the call with its reason. */
const MENDABLE = new Set([
  "reading_empty",
  "reading_not_a_number",
  "reading_negative",
  "reading_too_many_decimals",
  "reading_too_many_digits",
  "reading_below_previous",
]);

export async function askMeter(turn: CallTurn): Promise<void> {
  const state = turn.state;
  const meters = (await turn.call("listAccountMeters", { accountId: state.accountId ?? 0 })).filter(
    (m) => m.removedOn === null,
  );
  state.meters = meters.map((m) => ({ id: m.id, service: m.service, serial: m.serial, zones: m.zones }));
  if (meters.length === 0) {
    turn.say("noMeters");
    return handOver(turn);
  }
  if (meters.length === 1) return chooseMeter(turn, meters[0]!.id);
  return sayMeters(turn);
}

function sayMeters(turn: CallTurn): void {
  const options = (turn.state.meters ?? [])
    .map((m, i) =>
      turn.t("meterOption", {
        service: turn.t("service", { service: m.service }),
        tail: speakNumber(m.serial.replace(/\D/g, "").slice(-3) || "0", voiceLang(turn)),
        n: i + 1,
      }),
    )
    .join(". ");
  turn.say("chooseMeter", { options });
  turn.ask("meter", [], { maxDigits: 1 });
}

export function onMeter(turn: CallTurn, heard: Heard): Promise<void> | void {
  const meter = heard.kind === "keys" ? turn.state.meters?.[Number(heard.digits[0]) - 1] : undefined;
  if (!meter) return failed(turn, heard.kind === "silence" ? "noInput" : "useKeypad", sayMeters);
  return chooseMeter(turn, meter.id);
}

function chooseMeter(turn: CallTurn, meterId: number): void {
  turn.state.meterId = meterId;
  turn.state.values = [];
  nextStep(turn);
  askValue(turn);
}

const meterOf = (turn: CallTurn) => turn.state.meters?.find((m) => m.id === turn.state.meterId);

export function askValue(turn: CallTurn): void {
  const zones = meterOf(turn)?.zones ?? 1;
  const zone = turn.state.values.length + 1;
  const params = { zones: String(zones), zoneName: zoneName(zones, zone, turn.locale) };
  turn.say(turn.speech ? "askValue" : "askValueKeys", params);
  turn.ask("value", numberPhrases(voiceLang(turn)), { maxDigits: 16, terminator: "#" });
}

/** Keys as a dial's value: digits, * for the comma. */
function keyedValue(keys: string): string | null {
  const v = keys.replace(/#$/, "").replace("*", ".");
  return /^\d{1,12}(\.\d{1,3})?$/.test(v) ? v.replace(/^0+(?=\d)/, "") : null;
}

export function onValue(turn: CallTurn, heard: Heard): Promise<void> | void {
  let value: string | null = null;
  if (heard.kind === "keys") value = keyedValue(heard.digits);
  if (heard.kind === "speech") {
    const parsed = parseSpokenNumber(heard.text, voiceLang(turn));
    if ("value" in parsed) value = parsed.value;
  }
  if (value === null) return failed(turn, heard.kind === "silence" ? "noInput" : "notUnderstood", askValue);
  if (heard.kind === "speech") turn.state.transcript.push(heard.text);
  else turn.state.transcript.push(`[keys] ${heard.kind === "keys" ? heard.digits : ""}`);
  turn.state.pendingValue = value;
  return askValueConfirmed(turn);
}

function askValueConfirmed(turn: CallTurn): void {
  turn.say("youSaid");
  turn.sayWords(speakNumber(turn.state.pendingValue ?? "0", voiceLang(turn)));
  turn.sayYesNo();
  turn.ask("confirm_value", YES_NO_PHRASES, { maxDigits: 1 });
}

export async function onValueConfirmed(turn: CallTurn, heard: Heard): Promise<void> {
  const answer = yesNo(heard);
  if (answer === null)
    return failed(turn, heard.kind === "silence" ? "noInput" : "notUnderstood", askValueConfirmed);
  if (!answer) {
    turn.state.transcript.pop();
    return failed(turn, null, askValue);
  }
  turn.state.values.push(turn.state.pendingValue ?? "");
  delete turn.state.pendingValue;
  nextStep(turn);
  if (turn.state.values.length < (meterOf(turn)?.zones ?? 1)) return askValue(turn);
  return submit(turn, false);
}

export async function onUnusualConfirmed(turn: CallTurn, heard: Heard): Promise<void> {
  const answer = yesNo(heard);
  if (answer === null)
    return failed(turn, heard.kind === "silence" ? "noInput" : "notUnderstood", askUnusual);
  if (answer) return submit(turn, true);
  turn.state.values = [];
  turn.state.transcript = turn.state.transcript.slice(0, 1);
  return askValue(turn);
}

function askUnusual(turn: CallTurn): void {
  turn.say("unusual", { yesNo: turn.t(turn.speech ? "yesNo" : "yesNoKeys") });
  turn.ask("confirm_unusual", YES_NO_PHRASES, { maxDigits: 1 });
}

async function submit(turn: CallTurn, confirmed: boolean): Promise<void> {
  const state = turn.state;
  let result: Awaited<ReturnType<typeof turn.call<"submitReading">>>;
  try {
    result = await turn.call("submitReading", {
      accountId: state.accountId ?? 0,
      ...(state.meterId !== undefined ? { meterId: state.meterId } : {}),
      values: state.values.map((value, i) => ({ zone: i + 1, value })),
      ...(confirmed ? { confirmed: true } : {}),
      transcript: state.transcript.join(" | ").slice(0, 2000),
    });
  } catch (e) {
    if (!(e instanceof AppError) || !MENDABLE.has(e.code)) throw e;
    state.values = [];
    return failed(turn, "notUnderstood", askValue, e.messageIn(turn.locale));
  }
  if (result.status === "needs_confirmation") return askUnusual(turn);
  state.readings += 1;
  turn.say("acceptedReceipt");
  turn.sayWords(spellReceipt(result.receipt, turn.locale));
  if (result.review) turn.say("reviewNote");
  turn.say("goodbye");
  turn.finish("submitted");
}

// Crockford's letters as a Ukrainian or Russian speaker names them, so the receipt is heard as written.
const LATIN: Record<string, [string, string]> = {
  A: ["ей", "эй"],
  B: ["бі", "би"],
  C: ["сі", "си"],
  D: ["ді", "ди"],
  E: ["і", "и"],
  F: ["еф", "эф"],
  G: ["джі", "джи"],
  H: ["ейч", "эйч"],
  J: ["джей", "джей"],
  K: ["кей", "кей"],
  M: ["ем", "эм"],
  N: ["ен", "эн"],
  P: ["пі", "пи"],
  Q: ["к'ю", "кью"],
  R: ["ар", "ар"],
  S: ["ес", "эс"],
  T: ["ті", "ти"],
  V: ["ві", "ви"],
  W: ["дабл-ю", "дабл-ю"],
  X: ["екс", "экс"],
  Y: ["уай", "уай"],
  Z: ["зед", "зед"],
};

/** "7K3M-Q2XA" → each character as a word, the two halves apart. */
export function spellReceipt(receipt: string, locale: string): string {
  const lang = locale === "ru" ? "ru" : "uk";
  const say = (c: string) => (/\d/.test(c) ? speakNumber(c, lang) : (LATIN[c]?.[lang === "ru" ? 1 : 0] ?? c));
  return receipt
    .split("-")
    .map((half) => [...half].map(say).join(" "))
    .join(", ");
}
