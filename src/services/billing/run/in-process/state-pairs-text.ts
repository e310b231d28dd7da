// A register state's pairs as PostgreSQL sends them: three arrays as text (`{2026-01-31,…}`, `{2026-02-28,…}`,
// `{1500,…}`), read in place into pairs. Split into substrings and arrays first, they were about thirty short-lived
// objects a register, a million registers a month, for the garbage collector.
import type { ReadingPair } from "../../../../domain/billing/register-month.ts";
import { epochDayOfParts } from "../../../../domain/local-date.ts";

const DASH = 45;
const ZERO = 48;

function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) throw new Error(`register state pairs: not a date in ISO style at ${at}: ${text}`);
    n = n * 10 + d;
  }
  return n;
}

/** The ISO date (YYYY-MM-DD) starting at `at` as an epoch day. */
function epochDayAt(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== DASH || text.charCodeAt(at + 7) !== DASH) {
    throw new Error(`register state pairs: not a date in ISO style at ${at}: ${text}`);
  }
  return epochDayOfParts(digits(text, at, 4), digits(text, at + 5, 2), digits(text, at + 8, 2));
}

/** The three arrays of one state (pair_from, pair_to, pair_used as text) as its pairs, in order. */
export function pairsOfText(fromText: string, toText: string, usedText: string): ReadingPair[] {
  const pairs: ReadingPair[] = [];
  // The dates are all of one width: equal arrays are texts of equal lengths.
  if (toText.length !== fromText.length) throw new Error("register state pairs: arrays of unequal lengths");
  if (fromText.length <= 2) {
    if (usedText.length > 2) throw new Error("register state pairs: arrays of unequal lengths");
    return pairs;
  }
  // Each date is ten characters and a separator; the uses are integers of any length.
  let k = 1;
  for (let i = 1; i < fromText.length; i += 11) {
    const from = epochDayAt(fromText, i);
    const to = epochDayAt(toText, i);
    const negative = usedText.charCodeAt(k) === DASH;
    if (negative) k++;
    let used = 0;
    let c = usedText.charCodeAt(k);
    if (!(c >= ZERO && c <= ZERO + 9))
      throw new Error(`register state pairs: not a number at ${k}: ${usedText}`);
    for (; c >= ZERO && c <= ZERO + 9; c = usedText.charCodeAt(++k)) used = used * 10 + (c - ZERO);
    k++;
    pairs.push({ from, to, used: negative ? -used : used });
  }
  if (k !== usedText.length) throw new Error("register state pairs: arrays of unequal lengths");
  return pairs;
}
