// Number words → the digits a caller meant. People read a long number in groups as they see fit: one digit at a
// time ("один два три"), in pairs ("дванадцять тридцять чотири"), or as one cardinal ("дванадцять тисяч триста
// сорок пʼять"). Ordinary cardinal grammar is tried first ("сто двадцять три" is 123); a word that cannot extend
// the number being built starts the next group, and the groups' digits are written one after another
// ("двадцять двадцять" → "2020", "один два" → "12"). Zeros are kept ("нуль сім" → "07"): account numbers need
// them; a reading drops them afterwards.
import { type NumberWord, numberWord } from "./number-words.ts";

interface Group {
  /** Digits taken as written (a digit token of two or more digits, or a zero): closed to number words. */
  literal: string | null;
  thousands: number | null;
  /** The value below a thousand said so far. */
  low: number;
  /** How far the part below a thousand has got: 0 nothing, 1 hundreds, 2 tens, 3 units (complete). */
  level: number;
}

// The highest level a group may have reached for a word of each kind to extend it, and the level it then has.
const EXTENDS: Record<"hundred" | "ten" | "teen" | "unit", { upTo: number; becomes: number }> = {
  hundred: { upTo: 0, becomes: 1 },
  ten: { upTo: 1, becomes: 2 },
  teen: { upTo: 1, becomes: 3 },
  unit: { upTo: 2, becomes: 3 },
};

const groupDigits = (g: Group): string => g.literal ?? String((g.thousands ?? 0) * 1000 + g.low);

/** Whether a folded word is a number word or a run of ASCII digits (what readDigitGroups accepts). */
export const isNumberToken = (folded: string): boolean =>
  /^[0-9]+$/.test(folded) || numberWord(folded) !== undefined;

/**
 * The digits of a run of folded number words and digit tokens ("12", "тисяч", "345"), in the order said, leading
 * zeros kept. "" for no words; the first word that is neither a number word nor digits is an error.
 */
export function readDigitGroups(
  words: readonly string[],
): { digits: string } | { error: "not_a_number"; word: string } {
  const groups: Group[] = [];
  const open = (): Group | undefined => {
    const g = groups.at(-1);
    return g && g.literal === null ? g : undefined;
  };
  const startLiteral = (digits: string) =>
    groups.push({ literal: digits, thousands: null, low: 0, level: 3 });

  const addWord = (w: NumberWord) => {
    if (w.kind === "zero") return startLiteral("0");
    if (w.kind === "thousand") {
      const last = groups.at(-1);
      // "12 тисяч": a written group of up to three digits counts thousands as a spoken one does.
      if (last && last.thousands === null) {
        const count = last.literal ?? (last.level > 0 ? String(last.low) : "");
        if (count.length > 0 && count.length <= 3 && Number(count) > 0) {
          Object.assign(last, { literal: null, thousands: Number(count), low: 0, level: 0 });
          return;
        }
      }
      groups.push({ literal: null, thousands: 1, low: 0, level: 0 });
      return;
    }
    const rule = EXTENDS[w.kind];
    const g = open();
    if (g && g.level <= rule.upTo) {
      g.low += w.value;
      g.level = rule.becomes;
    } else {
      groups.push({ literal: null, thousands: null, low: w.value, level: rule.becomes });
    }
  };

  for (const word of words) {
    if (/^[0-9]+$/.test(word)) {
      // One digit is said as a word would be; "12 тисяч 345" fills the part below the thousand.
      if (word.length === 1) addWord({ kind: word === "0" ? "zero" : "unit", value: Number(word) });
      else {
        const g = open();
        if (g && g.thousands !== null && g.level === 0 && word.length <= 3) {
          g.low = Number(word);
          g.level = 3;
        } else startLiteral(word);
      }
      continue;
    }
    const w = numberWord(word);
    if (!w) return { error: "not_a_number", word };
    addWord(w);
  }
  return { digits: groups.map(groupDigits).join("") };
}
