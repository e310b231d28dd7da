// What an operator types into the one search field, read every way it could be meant: an account number (as the
// normalized key, and without the leading zeros people drop), a phone number, a holder's name, or an address
// (settlement, street, building, apartment). The search tries each reading that fits and ranks the hits together.
import { isValidAccountNumber, normalizeAccountNumber } from "./account-number.ts";
import { normalizeUkrainianPhone } from "./phone.ts";

/**
 * The number's key with the zeros dropped that lead each run of digits as printed or typed: "ВК0291000" and
 * "ВК291000" agree, as do "10-020835/3" and "10-20835/3", "0000123" and "123". Runs are read before the separators
 * go, so the zeros inside "100208353" stay. The database indexes the same over the printed numbers (migration 0023,
 * ACCOUNT_KEY_UNPADDED_SQL): the two change together.
 */
export function unpaddedAccountKey(typed: string): string {
  return normalizeAccountNumber(typed.replace(/(^|[^0-9])0+(?=[0-9])/g, "$1"));
}

/**
 * unpaddedAccountKey in SQL over the printed `number` of an account: the zeros dropped, then the separators a number
 * may hold (domain/account-number.ts), then upper case with the Cyrillic look-alikes made Latin. Written into
 * migration 0023's index exactly so (a test compares), so the planner finds the index for it.
 */
export const ACCOUNT_KEY_UNPADDED_SQL =
  "translate(upper(regexp_replace(regexp_replace(number, '(^|[^0-9])0+([0-9])', '\\1\\2', 'g'), " +
  "E'[-/. \\u00A0\\u202F]+', '', 'g')), 'АВЕКМНОРСТХІЅЈ', 'ABEKMHOPCTXISJ')";

// Words that say what kind of place follows rather than which: street types, "building", "flat", "town".
const ADDRESS_NOISE = new Set([
  "вул",
  "вулиця",
  "ул",
  "улица",
  "пров",
  "провулок",
  "пер",
  "переулок",
  "просп",
  "проспект",
  "пр",
  "пр-т",
  "бульв",
  "бульвар",
  "б-р",
  "пл",
  "площа",
  "площадь",
  "майдан",
  "шосе",
  "шоссе",
  "буд",
  "будинок",
  "д",
  "дом",
  "кв",
  "квартира",
  "м",
  "місто",
  "г",
  "город",
  "смт",
  "с",
  "село",
  "st",
  "str",
  "street",
  "ave",
  "avenue",
  "blvd",
  "apt",
  "flat",
  "bldg",
  "house",
]);

export interface SearchQuery {
  /** The text as typed, trimmed, inner spaces collapsed. */
  text: string;
  /** The account-number key (domain/account-number.ts) when the text could be a number, else null. */
  numberKey: string | null;
  /** The key without leading zeros, for a number typed without them (or with too many). */
  unpaddedKey: string | null;
  /** "+380XXXXXXXXX" when the text reads as a Ukrainian phone number. */
  phone: string | null;
  /** The words (letters only) for a holder's name: null when there are none of two letters or more. */
  name: string | null;
  /** The words of an address, noise dropped: a settlement's or a street's name. */
  placeWords: string[];
  /** The numbers of an address in order: the building, then the apartment. */
  placeNumbers: string[];
}

const LETTER = /\p{L}/u;
const DIGIT = /[0-9]/;

/** Reads the search text; never throws (an empty text gives nothing to look for). */
export function readSearchQuery(raw: string): SearchQuery {
  const text = raw.normalize("NFC").replace(/\s+/gu, " ").trim();
  // Only what could be printed as a number (letters, digits, spaces, - / .): an address with commas is not.
  const key = isValidAccountNumber(text) ? normalizeAccountNumber(text) : "";
  const numberKey = key.length >= 3 ? key : null;
  // Tokens of an address: "вул. Шкільна, 82/23" → вул, Шкільна, 82, 23; "12А" stays one token.
  const tokens = text
    .split(/[\s,;/\\]+|(?<=\p{L})\./u)
    .map((t) => t.replace(/^[.\-'ʼ"«»()№#]+|[.\-'ʼ"«»()]+$/gu, ""))
    .filter((t) => t !== "");
  const words = tokens.filter((t) => LETTER.test(t) && !DIGIT.test(t));
  const nameWords = words.filter((w) => [...w].length >= 2);
  return {
    text,
    numberKey,
    unpaddedKey: numberKey ? unpaddedAccountKey(text) : null,
    phone: normalizeUkrainianPhone(text),
    name: nameWords.length > 0 ? nameWords.join(" ") : null,
    placeWords: words.filter((w) => !ADDRESS_NOISE.has(w.toLowerCase())),
    placeNumbers: tokens.filter((t) => DIGIT.test(t)).map((t) => t.toUpperCase()),
  };
}

// Whether a word names a settlement: shared with the voice bot, which hears towns in their case forms too.
export { namesSettlement } from "./voice/settlement-name.ts";
