// A meter reading as the caller said it → the dial's value as a decimal string ("12345", "12345.6", "0"), and
// back: the words the bot reads a value out with. Pure; never throws on what was heard (an error is data).
import { readDigitGroups } from "./digit-groups.ts";
import {
  fractionScale,
  isDecimalMark,
  isNumberFiller,
  NUMBER_VOCABULARY,
  vocabularyWords,
} from "./number-words.ts";
import { foldSpoken, type VoiceLang } from "./spoken-text.ts";

export type SpokenNumberError =
  /** Nothing but silence, punctuation or filler words. */
  | "empty"
  /** A word that is not a number word nor a filler. */
  | "not_a_number"
  /** More whole-part digits than any dial has (MAX_WHOLE_DIGITS). */
  | "too_large"
  /** More than MAX_FRACTION_DIGITS after the decimal mark. */
  | "too_many_fraction_digits"
  /** "кома" twice, or with nothing after it. */
  | "misplaced_decimal_mark";

export type SpokenNumberResult = { value: string } | { error: SpokenNumberError; word?: string };

/** The database allows dials of 3–9 whole digits. */
export const MAX_WHOLE_DIGITS = 9;
/** Dials show at most three decimal places. */
export const MAX_FRACTION_DIGITS = 3;

const MARK = "\u0000mark";

/** Folded words and digit runs; "12,5" and "12.5" between digits are a decimal mark, other punctuation goes. */
export function numberTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const m of foldSpoken(text).matchAll(/[0-9]+(?:[.,][0-9]+)?|[\p{L}\p{M}]+/gu)) {
    const [whole, fraction] = m[0].split(/[.,]/);
    tokens.push(whole!);
    if (fraction !== undefined) tokens.push(MARK, fraction);
  }
  return tokens;
}

/** The reading a caller said: "дванадцять тисяч триста сорок пʼять кома шість" → "12345.6". */
export function parseSpokenNumber(text: string, _lang: VoiceLang): SpokenNumberResult {
  const words = numberTokens(text)
    .filter((t) => !isNumberFiller(t))
    .map((t) => (isDecimalMark(t) ? MARK : t));
  if (words.length === 0) return { error: "empty" };
  const mark = words.indexOf(MARK);
  if (mark !== words.lastIndexOf(MARK) || mark === words.length - 1)
    return { error: "misplaced_decimal_mark" };
  const whole = readDigitGroups(mark === -1 ? words : words.slice(0, mark));
  if ("error" in whole) return whole;
  const fractionWords = mark === -1 ? [] : words.slice(mark + 1);
  // "пʼять сотих" is 0.05: the fraction said as a count of hundredths.
  const places = fractionScale(fractionWords.at(-1) ?? "");
  if (places !== undefined) fractionWords.pop();
  if (mark !== -1 && fractionWords.length === 0) return { error: "misplaced_decimal_mark" };
  const fraction = readDigitGroups(fractionWords);
  if ("error" in fraction) return fraction;
  if (places !== undefined && fraction.digits.length > places) return { error: "too_many_fraction_digits" };
  const fractionSaid = places === undefined ? fraction.digits : fraction.digits.padStart(places, "0");
  const wholeDigits = whole.digits.replace(/^0+(?=[0-9])/, "") || "0";
  if (wholeDigits.length > MAX_WHOLE_DIGITS) return { error: "too_large" };
  if (fractionSaid.length > MAX_FRACTION_DIGITS) return { error: "too_many_fraction_digits" };
  // Trailing zeros of the fraction say nothing about the value: "кома пʼять нуль" is 0.5.
  const fractionDigits = fractionSaid.replace(/0+$/, "");
  return { value: fractionDigits ? `${wholeDigits}.${fractionDigits}` : wholeDigits };
}

function thousandForm(count: number, lang: VoiceLang): string {
  const t = NUMBER_VOCABULARY[lang].thousand;
  if (count % 100 >= 11 && count % 100 <= 14) return t.many;
  if (count % 10 === 1) return t.one;
  return count % 10 >= 2 && count % 10 <= 4 ? t.few : t.many;
}

// 1–999; `feminine` for the count before "тисяча" ("одна", "дві"/"две").
function belowThousand(n: number, lang: VoiceLang, feminine: boolean): string[] {
  const v = NUMBER_VOCABULARY[lang];
  const words: string[] = [];
  if (n >= 100) words.push(v.hundreds[Math.floor(n / 100)]!);
  const rest = n % 100;
  if (rest >= 10 && rest <= 19) return [...words, v.teens[rest - 10]!];
  if (rest >= 20) words.push(v.tens[Math.floor(rest / 10)]!);
  const unit = rest % 10;
  if (unit > 0) {
    const fem = lang === "uk" ? ["одна", "дві"] : ["одна", "две"];
    words.push(feminine && unit <= 2 ? fem[unit - 1]! : v.units[unit]!);
  }
  return words;
}

/** A whole number 0–999 999 as its cardinal words. */
export function cardinalWords(n: number, lang: VoiceLang): string {
  if (n === 0) return NUMBER_VOCABULARY[lang].zero[0]!;
  const thousands = Math.floor(n / 1000);
  const words: string[] = [];
  if (thousands === 1) words.push(thousandForm(1, lang));
  else if (thousands > 1) words.push(...belowThousand(thousands, lang, true), thousandForm(thousands, lang));
  if (n % 1000 > 0) words.push(...belowThousand(n % 1000, lang, false));
  return words.join(" ");
}

/** Each digit as its word: "07" → "нуль сім". */
export function digitWords(digits: string, lang: VoiceLang): string {
  const v = NUMBER_VOCABULARY[lang];
  return [...digits].map((d) => (d === "0" ? v.zero[0]! : v.units[Number(d)]!)).join(" ");
}

/**
 * The words the bot reads a value back with: the whole part as a cardinal (digit by digit above 999 999), then
 * "кома"/"запятая" and the fraction's digits one by one ("12.05" → "дванадцять кома нуль пʼять"). Throws a
 * RangeError for a value that is not a decimal string: values come from parseSpokenNumber, not from callers.
 */
export function speakNumber(value: string, lang: VoiceLang): string {
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(value);
  if (!m) throw new RangeError(`not a decimal value: ${value}`);
  const whole = m[1]!.replace(/^0+(?=[0-9])/, "");
  const words = [whole.length <= 6 ? cardinalWords(Number(whole), lang) : digitWords(whole, lang)];
  if (m[2]) words.push(NUMBER_VOCABULARY[lang].decimalMarks[0]!, digitWords(m[2], lang));
  return words.join(" ");
}

/** Every word the reading parser knows in a language, for the speech recogniser's grammar. */
export function numberPhrases(lang: VoiceLang): string[] {
  return [...new Set(vocabularyWords(lang))];
}
