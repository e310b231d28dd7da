// The language of texts sent to the short number (docs/sms.md): "<account> <reading>", one value per zone
// "<account> <r1> <r2> [<r3>]" (a "+" at the end confirms an unusually high one), "БОРГ <account>" /
// "ДОЛГ <account>" for what is owed, and STOP / СТОП for no more reminders. People type on phone keypads: any case, Latin letters that look like
// Cyrillic ones, several spaces, commas as decimal separators. Anything else is "unknown" and gets the format back.
import { isValidAccountNumber, normalizeAccountNumber } from "./account-number.ts";

/** One way to read "<account> <values…>": an account number may itself hold spaces ("10 000123 4 12345"). */
export interface ReadingSplit {
  /** The account as typed. */
  account: string;
  /** Its lookup key (normalizeAccountNumber). */
  accountKey: string;
  /** One value per zone, as typed ("12345", "123,5"). */
  values: string[];
}

export type SmsCommand =
  | {
      kind: "reading";
      /** Every split of the text into an account and 1–3 values, fewest values first; the sender's own accounts
       * decide which one was meant. */
      readings: ReadingSplit[];
      /** Ended with "+": the sender confirms an unusually high reading. */
      confirmed: boolean;
    }
  | {
      kind: "debt";
      /** null when only the word came. */
      account: string | null;
      accountKey: string | null;
      /** The word says the language: БОРГ is Ukrainian, ДОЛГ Russian. */
      language: "uk" | "ru";
    }
  /** STOP / СТОП: no more reminders by SMS (every reminder ends with how to say it). */
  | { kind: "stop" }
  | { kind: "unknown" };

export const MAX_ZONES = 3;
const STOP_WORDS = new Set(["STOP", "СТОП"]);

// Latin capitals (and the digit 6 for a lower-case б) typed for the Cyrillic letters they look like.
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
  I: "І",
  "6": "Б",
};

const DEBT_WORDS: Readonly<Record<string, "uk" | "ru">> = {
  БОРГ: "uk",
  BORG: "uk",
  ДОЛГ: "ru",
  DOLG: "ru",
};

const NUMBER = /^[0-9]+(?:[.,][0-9]+)?$/;

/** The words of a text: NFKC, any run of spaces (no-break ones too) or separators between them; a comma
 * between two digits stays (a decimal separator), any other comma separates. */
export function smsWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .replace(/(?<![0-9]),|,(?![0-9])/g, " ")
    .replace(/[;]/g, " ")
    .split(/\s+/u)
    .filter((w) => w !== "");
}

function debtWord(word: string): { language: "uk" | "ru"; rest: string } | null {
  const upper = word.toUpperCase();
  for (const [spelled, language] of Object.entries(DEBT_WORDS)) {
    if (upper.startsWith(spelled)) return { language, rest: word.slice(spelled.length) };
  }
  const cyrillic = [...upper].map((ch) => LOOK_ALIKES[ch] ?? ch).join("");
  for (const [spelled, language] of Object.entries(DEBT_WORDS)) {
    // The look-alike map turns a glued account's digit 6 into Б: only the word's own letters are mapped.
    if (cyrillic.slice(0, spelled.length) === spelled) return { language, rest: word.slice(spelled.length) };
  }
  return null;
}

export function parseSmsCommand(text: string): SmsCommand {
  const words = smsWords(text);
  if (words.length === 0) return { kind: "unknown" };
  if (words.length === 1) {
    const upper = words[0]!.toUpperCase();
    if (STOP_WORDS.has(upper) || [...upper].map((ch) => LOOK_ALIKES[ch] ?? ch).join("") === "СТОП")
      return { kind: "stop" };
  }

  const debt = debtWord(words[0]!);
  // "БОРГ12-345" glues the account to the word; "БОРГАНІЗАЦІЯ" is not the word.
  if (debt && (debt.rest === "" || /^[0-9:№#-]/.test(debt.rest))) {
    const account = [debt.rest.replace(/^[:№#-]+/, ""), ...words.slice(1)].join(" ").trim();
    if (account === "") return { kind: "debt", account: null, accountKey: null, language: debt.language };
    if (!isValidAccountNumber(account)) return { kind: "unknown" };
    return {
      kind: "debt",
      account,
      accountKey: normalizeAccountNumber(account),
      language: debt.language,
    };
  }

  let confirmed = false;
  const last = words[words.length - 1]!;
  if (last === "+") {
    confirmed = true;
    words.pop();
  } else if (last.endsWith("+")) {
    confirmed = true;
    words[words.length - 1] = last.replace(/\++$/, "");
  }

  const readings: ReadingSplit[] = [];
  for (let zones = 1; zones <= MAX_ZONES && zones < words.length; zones++) {
    const values = words.slice(words.length - zones);
    if (!values.every((v) => NUMBER.test(v))) break;
    const account = words.slice(0, words.length - zones).join(" ");
    if (!isValidAccountNumber(account)) continue;
    readings.push({ account, accountKey: normalizeAccountNumber(account), values });
  }
  return readings.length > 0 ? { kind: "reading", readings, confirmed } : { kind: "unknown" };
}
