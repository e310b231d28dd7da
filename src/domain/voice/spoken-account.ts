// A personal account number as the caller said it → the number as heard ("КР-12/5") and its lookup key
// (domain/account-number.ts). Digits one by one or in groups ("нуль сім" → "07": zeros matter here), letters by
// their names, separators by theirs. Latin letters cannot be said (callers read Ukrainian or Russian letters; the
// key makes the look-alikes Latin anyway).
import { isValidAccountNumber, LATIN_TO_CYRILLIC, normalizeAccountNumber } from "../account-number.ts";
import { ACCOUNT_FILLERS, accountPhraseAt, LETTER_NAMES, SEPARATOR_WORDS } from "./account-words.ts";
import { isNumberToken, readDigitGroups } from "./digit-groups.ts";
import { NUMBER_VOCABULARY, vocabularyWords } from "./number-words.ts";
import { digitWords } from "./spoken-number.ts";
import { foldSpoken, type VoiceLang } from "./spoken-text.ts";

export type SpokenAccountError =
  /** Nothing but silence, punctuation or filler words. */
  | "empty"
  /** A word that is neither a number word, a letter's name, a separator nor a filler. */
  | "not_recognised"
  /** A separator first, last, or next to another. */
  | "misplaced_separator"
  /** No digit: every account number has one. */
  | "no_digits"
  /** Longer than an account number may be (40 characters). */
  | "too_long";

export type AccountResult = { value: string; heard: string } | { error: SpokenAccountError; word?: string };

const SEPARATORS = new Set(["-", "/", "."]);
const MAX_LENGTH = 40;

/** The checks every heard number passes, spoken or keyed: the value is its key. */
export function accountFromHeard(heard: string): AccountResult {
  if (heard === "") return { error: "empty" };
  if (SEPARATORS.has(heard[0]!) || SEPARATORS.has(heard.at(-1)!) || /[-/.]{2}/.test(heard))
    return { error: "misplaced_separator" };
  if (!/[0-9]/.test(heard)) return { error: "no_digits" };
  if ([...heard].length > MAX_LENGTH || !isValidAccountNumber(heard)) return { error: "too_long" };
  return { value: normalizeAccountNumber(heard), heard };
}

const INTRO_FILLERS = new Set(Object.values(ACCOUNT_FILLERS).flat().map(foldSpoken));
// A cluster of consonants cannot be a word: ASR's way of writing letters said together ("кр" for "ка ер").
const CONSONANT_CLUSTER = /^[бвгґджзйклмнпрстфхцчшщ]{2,3}$/u;

/** The folded words, digit runs and written separators of an utterance; Whisper's closing full stop dropped. */
function accountTokens(text: string): string[] {
  const tokens = [...foldSpoken(text).matchAll(/[0-9]+|[\p{L}\p{M}]+|[-/.]/gu)].map((m) => m[0]);
  while (tokens.at(-1) === ".") tokens.pop();
  return tokens;
}

/** "ка ер дефіс дванадцять дріб пʼять" → { heard: "КР-12/5", value: "KP125" }. Never throws. */
export function parseSpokenAccount(text: string, _lang: VoiceLang): AccountResult {
  const tokens = accountTokens(text);
  let heard = "";
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (SEPARATORS.has(t)) {
      heard += t;
      i++;
      continue;
    }
    if (isNumberToken(t)) {
      let end = i;
      while (end < tokens.length && isNumberToken(tokens[end]!)) end++;
      const run = readDigitGroups(tokens.slice(i, end));
      if ("error" in run) return { error: "not_recognised", word: run.word };
      heard += run.digits;
      i = end;
      continue;
    }
    const phrase = accountPhraseAt(tokens, i);
    if (phrase) {
      // "номер рахунку це …": "it is", not the letter Ц.
      const isIt = phrase.means === "Ц" && t === "це" && i > 0 && INTRO_FILLERS.has(tokens[i - 1]!);
      if (!isIt) heard += phrase.means;
      i += phrase.length;
      continue;
    }
    if ([...t].length === 1 || CONSONANT_CLUSTER.test(t)) {
      heard += t.toUpperCase();
      i++;
      continue;
    }
    return { error: "not_recognised", word: t };
  }
  return accountFromHeard(heard);
}

/** The words the bot reads a number back with: each digit, each letter by name, each separator by name. */
export function speakAccount(value: string, lang: VoiceLang): string {
  const words: string[] = [];
  for (const raw of value.normalize("NFC").toUpperCase()) {
    const ch = LATIN_TO_CYRILLIC[raw] ?? raw;
    if (/[0-9]/.test(ch)) words.push(digitWords(ch, lang));
    else if (ch === "-" || ch === "/" || ch === ".") words.push(SEPARATOR_WORDS[lang][ch][0]!);
    else if (/\s/u.test(ch)) continue;
    else {
      // A letter of the other language (Є said to a Russian caller) is named in the language it belongs to.
      const names = LETTER_NAMES[lang][ch] ?? LETTER_NAMES[lang === "uk" ? "ru" : "uk"][ch];
      words.push(names ? names[0]! : ch);
    }
  }
  return words.join(" ");
}

/** Every word the account parser knows in a language, for the speech recogniser's grammar. */
export function accountPhrases(lang: VoiceLang): string[] {
  const v = NUMBER_VOCABULARY[lang];
  const numberWords = vocabularyWords(lang).filter(
    (w) => !v.fillers.includes(w) && !v.decimalMarks.includes(w),
  );
  return [
    ...new Set([
      ...numberWords.filter((w) => !(w in v.fractionScales)),
      ...Object.values(LETTER_NAMES[lang]).flat(),
      ...Object.values(SEPARATOR_WORDS[lang]).flat(),
      ...ACCOUNT_FILLERS[lang],
    ]),
  ];
}
