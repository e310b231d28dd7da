// The words of cardinal numbers up to 999 999 in Ukrainian and Russian, as the voice bot hears and says them.
// Spelled canonically (with "ʼ"); the parser looks them up folded (spoken-text.ts), so every apostrophe shape
// and none ("пять") match. Either language's words are accepted whichever language the call is in: callers in
// the region mix them, and no word means one number in one language and another in the other.
import { foldSpoken, type VoiceLang } from "./spoken-text.ts";

export type NumberWordKind = "zero" | "unit" | "teen" | "ten" | "hundred" | "thousand";

export interface NumberWord {
  kind: NumberWordKind;
  /** 0–9 for zero and units, 10–19 for teens, 20–90 for tens, 100–900 for hundreds, 1000 for thousand. */
  value: number;
}

interface Vocabulary {
  zero: string[];
  /** Index 1–9: the masculine form, as a digit is read. */
  units: string[];
  /** The feminine 1 and 2 that go before "тисяча", and other forms of 1–2 people use. */
  otherUnits: Record<string, number>;
  /** Index 0–9: 10–19. */
  teens: string[];
  /** Index 2–9: 20–90. */
  tens: string[];
  /** Index 1–9: 100–900. */
  hundreds: string[];
  /** The forms after 1 (and 21, 31…), after 2–4, and after 5–20 and 0. */
  thousand: { one: string; few: string; many: string; other: string[] };
  /** The words between a reading's whole part and its fraction ("кома", or "цілих" of "12 цілих 5 десятих"). */
  decimalMarks: string[];
  /** "пʼять десятих", "пʼять сотих": the word after a fraction said as a count, by its number of places. */
  fractionScales: Record<string, number>;
  /**
   * Words said around a reading that carry no digit: hesitation, "my reading is", units. Kept short on purpose:
   * an unknown word makes the utterance not a number, which is safer than guessing past it.
   */
  fillers: string[];
}

export const NUMBER_VOCABULARY: Readonly<Record<VoiceLang, Vocabulary>> = {
  uk: {
    zero: ["нуль"],
    units: ["", "один", "два", "три", "чотири", "пʼять", "шість", "сім", "вісім", "девʼять"],
    otherUnits: { одна: 1, одне: 1, одну: 1, дві: 2 },
    teens: [
      "десять",
      "одинадцять",
      "дванадцять",
      "тринадцять",
      "чотирнадцять",
      "пʼятнадцять",
      "шістнадцять",
      "сімнадцять",
      "вісімнадцять",
      "девʼятнадцять",
    ],
    tens: [
      "",
      "",
      "двадцять",
      "тридцять",
      "сорок",
      "пʼятдесят",
      "шістдесят",
      "сімдесят",
      "вісімдесят",
      "девʼяносто",
    ],
    hundreds: [
      "",
      "сто",
      "двісті",
      "триста",
      "чотириста",
      "пʼятсот",
      "шістсот",
      "сімсот",
      "вісімсот",
      "девʼятсот",
    ],
    thousand: { one: "тисяча", few: "тисячі", many: "тисяч", other: ["тисячу"] },
    decimalMarks: ["кома", "крапка", "ціла", "цілих"],
    fractionScales: { десята: 1, десятих: 1, сота: 2, сотих: 2, тисячна: 3, тисячних: 3 },
    fillers: [
      "е",
      "ее",
      "ем",
      "ну",
      "це",
      "ось",
      "так",
      "мої",
      "мій",
      "моє",
      "показання",
      "показник",
      "значення",
      "лічильник",
      "лічильника",
      "кіловат",
      "кіловата",
      "кіловатів",
      "годин",
      "квт",
      "кубів",
      "куба",
      "кубометрів",
      "кубометра",
      "метрів",
    ],
  },
  ru: {
    zero: ["ноль", "нуль"],
    units: ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
    otherUnits: { одна: 1, одно: 1, одну: 1, две: 2 },
    teens: [
      "десять",
      "одиннадцать",
      "двенадцать",
      "тринадцать",
      "четырнадцать",
      "пятнадцать",
      "шестнадцать",
      "семнадцать",
      "восемнадцать",
      "девятнадцать",
    ],
    tens: [
      "",
      "",
      "двадцать",
      "тридцать",
      "сорок",
      "пятьдесят",
      "шестьдесят",
      "семьдесят",
      "восемьдесят",
      "девяносто",
    ],
    hundreds: [
      "",
      "сто",
      "двести",
      "триста",
      "четыреста",
      "пятьсот",
      "шестьсот",
      "семьсот",
      "восемьсот",
      "девятьсот",
    ],
    thousand: { one: "тысяча", few: "тысячи", many: "тысяч", other: ["тысячу"] },
    decimalMarks: ["запятая", "точка", "целая", "целых"],
    fractionScales: { десятая: 1, десятых: 1, сотая: 2, сотых: 2, тысячная: 3, тысячных: 3 },
    fillers: [
      "э",
      "ээ",
      "эм",
      "ну",
      "это",
      "вот",
      "так",
      "мои",
      "мой",
      "мое",
      "показания",
      "показание",
      "показатель",
      "значение",
      "счетчик",
      "счетчика",
      "киловатт",
      "часов",
      "квт",
      "кубов",
      "куба",
      "кубометров",
      "кубометра",
      "метров",
    ],
  },
};

/** Every word of a language's vocabulary, canonical spelling, for the recogniser's grammar. */
export function vocabularyWords(lang: VoiceLang): string[] {
  const v = NUMBER_VOCABULARY[lang];
  return [
    ...v.zero,
    ...v.units.slice(1),
    ...Object.keys(v.otherUnits),
    ...v.teens,
    ...v.tens.slice(2),
    ...v.hundreds.slice(1),
    v.thousand.one,
    v.thousand.few,
    v.thousand.many,
    ...v.thousand.other,
    ...v.decimalMarks,
    ...Object.keys(v.fractionScales),
    ...v.fillers,
  ];
}

function buildLookup() {
  const words = new Map<string, NumberWord>();
  const decimalMarks = new Set<string>();
  const fillers = new Set<string>();
  const fractionScales = new Map<string, number>();
  for (const v of Object.values(NUMBER_VOCABULARY)) {
    const add = (word: string, kind: NumberWordKind, value: number) =>
      words.set(foldSpoken(word), { kind, value });
    for (const w of v.zero) add(w, "zero", 0);
    for (let i = 1; i <= 9; i++) {
      add(v.units[i]!, "unit", i);
      add(v.hundreds[i]!, "hundred", i * 100);
      if (i >= 2) add(v.tens[i]!, "ten", i * 10);
    }
    for (const [w, n] of Object.entries(v.otherUnits)) add(w, "unit", n);
    for (let i = 0; i <= 9; i++) add(v.teens[i]!, "teen", 10 + i);
    for (const w of [v.thousand.one, v.thousand.few, v.thousand.many, ...v.thousand.other])
      add(w, "thousand", 1000);
    for (const w of v.decimalMarks) decimalMarks.add(foldSpoken(w));
    for (const w of v.fillers) fillers.add(foldSpoken(w));
    for (const [w, places] of Object.entries(v.fractionScales)) fractionScales.set(foldSpoken(w), places);
  }
  // A spelling ASR gives for the Ukrainian 11, after the Russian one.
  words.set("одиннадцять", { kind: "teen", value: 11 });
  return { words, decimalMarks, fillers, fractionScales };
}

const LOOKUP = buildLookup();

/** The number word a folded word is, if any. */
export const numberWord = (folded: string): NumberWord | undefined => LOOKUP.words.get(folded);
/** Whether a folded word separates a reading's whole part from its fraction ("кома", "точка"…). */
export const isDecimalMark = (folded: string): boolean => LOOKUP.decimalMarks.has(folded);
/** Whether a folded word is one the number parser skips ("показання", "ну"…). */
export const isNumberFiller = (folded: string): boolean => LOOKUP.fillers.has(folded);
/** The decimal places a folded word closes a fraction with ("десятих" 1, "сотих" 2, "тисячних" 3), if it is one. */
export const fractionScale = (folded: string): number | undefined => LOOKUP.fractionScales.get(folded);
