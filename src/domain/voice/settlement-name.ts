// Whether a word names a settlement, in whatever case form it was said or typed: "у Краматорську", "из
// Краматорска", "в Добропіллі", "Словʼянськ" with any apostrophe or none. Shared by the voice bot
// (spoken-settlement.ts) and the operator's search (account-search-query.ts), so a town is recognised alike.
import { foldSpoken } from "./spoken-text.ts";

// Case endings of Ukrainian and Russian nouns and adjectives, longest first; one is stripped.
const ENDINGS = [
  "ями",
  "ами",
  "ові",
  "еві",
  "ого",
  "ому",
  "ою",
  "ею",
  "єю",
  "ий",
  "ій",
  "ом",
  "ем",
  "ям",
  "ам",
  "ой",
  "ей",
  "ая",
  "і",
  "ї",
  "у",
  "ю",
  "а",
  "я",
  "е",
  "є",
  "и",
  "о",
  "ы",
];

/** A word for comparing: folded (spoken-text.ts), soft and hard signs dropped ("краматорськ" = "краматорск"). */
export const placeWord = (word: string): string => foldSpoken(word).replace(/[ьъ]/gu, "");

/**
 * The stem a word's case forms share: one case ending stripped (the stem kept at three letters or more), then the
 * consonant the ending changed put back ("дружківці" → "дружківк", "волновасі" → "волновах"), so that every
 * form of a name has its nominative's stem.
 */
export function placeStem(word: string): string {
  const w = placeWord(word);
  const ending = ENDINGS.find((e) => w.endsWith(e) && [...w].length - [...e].length >= 3);
  const stem = ending ? w.slice(0, -ending.length) : w;
  return stem.replace(/ц$/u, "к").replace(/с$/u, "х");
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 1): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[y.length]!;
}

/** Below this many letters a name's one-letter slip is too likely another word. */
const FUZZY_MIN_LETTERS = 6;

/**
 * How well a word matches one word of a name: 1 the same in any case form (aliases list some forms and not
 * others, so a listed form is no closer than another), 0.7 one letter off (an ASR slip; only where the name or
 * its stem has six letters or more), 0 not at all.
 */
export function wordMatch(word: string, nameWord: string): number {
  const w = placeWord(word);
  const n = placeWord(nameWord);
  const ws = placeStem(w);
  const ns = placeStem(n);
  if (w === n || ws === ns) return 1;
  const long = (s: string) => [...s].length >= FUZZY_MIN_LETTERS;
  if ((long(n) && editDistance(w, n) <= 1) || (long(ns) && editDistance(ws, ns) <= 1)) return 0.7;
  return 0;
}

/** Whether a word names the settlement: one of its one-word names or aliases, in any case form or language. */
export function namesSettlement(word: string, names: readonly string[]): boolean {
  return names.some((name) => !/\s/u.test(name.trim()) && wordMatch(word, name.trim()) > 0);
}
