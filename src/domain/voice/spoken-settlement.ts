// Which settlement the caller named: "я з Маріуполя", "город Славянск", "у Краматорську". The words that say what
// kind of place or where from are dropped, the rest compared with every name and alias of every settlement
// (settlement-name.ts); two settlements equally close are ambiguous rather than guessed.
import { placeWord, wordMatch } from "./settlement-name.ts";
import type { VoiceLang } from "./spoken-text.ts";

export interface SettlementNames {
  id: number;
  /** name_uk, name_ru, name_en, then the spoken aliases. */
  names: readonly string[];
}

export type SettlementMatch =
  | {
      value: number;
      /** The words of the utterance that named it, as said. */
      heard: string;
      /** The name or alias they matched. */
      name: string;
      /** 1 the name in some case form, 0.7 one letter off (averaged over a name's words). */
      score: number;
    }
  | { error: "not_recognised" | "ambiguous" };

// Prepositions, kinds of place and the words around them: never part of a name in the region.
const PLACE_NOISE: Readonly<Record<VoiceLang, readonly string[]>> = {
  uk: [
    ..."в у з із зі до від на під біля м с я ми живу живемо мешкаю це ось".split(" "),
    ..."місто міста місті містом село села селі селом селище селища селищі смт".split(" "),
    ..."населений населеного пункт пункту".split(" "),
  ],
  ru: [
    ..."в во из с со до от на под около г с я мы живу живем это вот".split(" "),
    ..."город города городе городом село села селе селом поселок поселка поселке пгт деревня деревне".split(
      " ",
    ),
    ..."населенный населенного пункт пункта".split(" "),
  ],
};

const NOISE = new Set(Object.values(PLACE_NOISE).flat().map(placeWord));

/** The words of an utterance as said and as compared, the noise dropped. */
function placeWords(text: string): { said: string; key: string }[] {
  return [...text.normalize("NFC").matchAll(/[\p{L}\p{M}ʼ'’]+/gu)]
    .map((m) => ({ said: m[0], key: placeWord(m[0]) }))
    .filter((w) => w.key !== "" && !NOISE.has(w.key));
}

interface Candidate {
  id: number;
  name: string;
  heard: string;
  score: number;
  words: number;
}

// A name of k words against each run of k words of the utterance: every word must match; the mean is the score.
function bestFor(s: SettlementNames, words: { said: string; key: string }[]): Candidate | null {
  let best: Candidate | null = null;
  for (const name of s.names) {
    const nameWords = name
      .trim()
      .split(/[\s-]+/u)
      .filter(Boolean);
    if (nameWords.length === 0) continue;
    for (let at = 0; at + nameWords.length <= words.length; at++) {
      let sum = 0;
      for (let k = 0; k < nameWords.length; k++) {
        const q = wordMatch(words[at + k]!.key, nameWords[k]!);
        if (q === 0) {
          sum = -1;
          break;
        }
        sum += q;
      }
      if (sum < 0) continue;
      const c = {
        id: s.id,
        name,
        heard: words
          .slice(at, at + nameWords.length)
          .map((w) => w.said)
          .join(" "),
        score: sum / nameWords.length,
        words: nameWords.length,
      };
      if (!best || better(c, best)) best = c;
    }
  }
  return best;
}

// A closer match wins; between equally close ones, the one that took more of the caller's words ("Красний Лиман"
// over "Лиман").
const better = (a: Candidate, b: Candidate) =>
  a.score > b.score || (a.score === b.score && a.words > b.words);

/** The settlement the caller named, or why not. Never throws. */
export function matchSettlement(
  text: string,
  _lang: VoiceLang,
  settlements: readonly SettlementNames[],
): SettlementMatch {
  const words = placeWords(text);
  const found = settlements.map((s) => bestFor(s, words)).filter((c): c is Candidate => c !== null);
  if (found.length === 0) return { error: "not_recognised" };
  const top = found.reduce((a, b) => (better(b, a) ? b : a));
  const tied = found.filter((c) => c.id !== top.id && c.score === top.score && c.words === top.words);
  if (tied.length > 0) return { error: "ambiguous" };
  return { value: top.id, heard: top.heard, name: top.name, score: top.score };
}

/** The words for the recogniser's grammar: every name and alias, lower case, and the place words of a language. */
export function settlementPhrases(settlements: readonly SettlementNames[], lang: VoiceLang): string[] {
  // The English names are for the operator's search, not for callers.
  const names = settlements.flatMap((s) => s.names.map((n) => n.normalize("NFC").toLowerCase().trim()));
  return [...new Set([...names.filter((n) => /\p{Script=Cyrillic}/u.test(n)), ...PLACE_NOISE[lang]])];
}
