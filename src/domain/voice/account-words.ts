// The words of a spoken account number besides its digits: letters by their names, the separators, and the
// words callers put around the number. Canonical spellings; lookups go through foldSpoken.
import { foldSpoken, type VoiceLang } from "./spoken-text.ts";

/** Each letter's name as the bot says it (the first) and as callers also say it. */
export const LETTER_NAMES: Readonly<Record<VoiceLang, Readonly<Record<string, readonly string[]>>>> = {
  uk: {
    А: ["а"],
    Б: ["бе"],
    В: ["ве"],
    Г: ["ге"],
    Ґ: ["ґе"],
    Д: ["де"],
    Е: ["е"],
    Є: ["є"],
    Ж: ["же"],
    З: ["зе"],
    И: ["и"],
    І: ["і"],
    Ї: ["ї"],
    Й: ["йот"],
    К: ["ка"],
    Л: ["ел", "ель"],
    М: ["ем"],
    Н: ["ен"],
    О: ["о"],
    П: ["пе"],
    Р: ["ер"],
    С: ["ес"],
    Т: ["те"],
    У: ["у"],
    Ф: ["еф"],
    Х: ["ха"],
    Ц: ["це"],
    Ч: ["че"],
    Ш: ["ша"],
    Щ: ["ща"],
    Ю: ["ю"],
    Я: ["я"],
  },
  ru: {
    А: ["а"],
    Б: ["бэ", "бе"],
    В: ["вэ", "ве"],
    Г: ["гэ", "ге"],
    Д: ["дэ", "де"],
    Е: ["е", "ё"],
    Ж: ["жэ", "же"],
    З: ["зэ", "зе"],
    И: ["и"],
    Й: ["и краткое", "й"],
    К: ["ка"],
    Л: ["эль", "эл"],
    М: ["эм"],
    Н: ["эн"],
    О: ["о"],
    П: ["пэ", "пе"],
    Р: ["эр"],
    С: ["эс"],
    Т: ["тэ", "те"],
    У: ["у"],
    Ф: ["эф"],
    Х: ["ха"],
    Ц: ["цэ", "це"],
    Ч: ["че"],
    Ш: ["ша"],
    Щ: ["ща"],
    Э: ["э"],
    Ю: ["ю"],
    Я: ["я"],
  },
};

/** The characters an account number may hold between its letters and digits, by their spoken names. */
export const SEPARATOR_WORDS: Readonly<
  Record<VoiceLang, Readonly<Record<"-" | "/" | ".", readonly string[]>>>
> = {
  uk: {
    "-": ["дефіс", "тире", "мінус", "риска"],
    "/": ["дріб", "слеш", "слэш", "похила риска", "похила", "скісна риска"],
    ".": ["крапка"],
  },
  ru: {
    "-": ["дефис", "тире", "минус", "черточка"],
    "/": ["дробь", "слэш", "слеш", "косая черта", "косая черточка", "косая"],
    ".": ["точка"],
  },
};

/**
 * Words said around an account number that are not part of it ("мій особовий рахунок…", "буква ка"). "це" is
 * the letter Ц unless it follows one of these ("номер рахунку це…").
 */
export const ACCOUNT_FILLERS: Readonly<Record<VoiceLang, readonly string[]>> = {
  uk: [
    "ну",
    "ось",
    "так",
    "мій",
    "мого",
    "номер",
    "особовий",
    "особового",
    "рахунок",
    "рахунку",
    "літера",
    "буква",
  ],
  ru: ["ну", "вот", "так", "это", "мой", "моего", "номер", "лицевой", "лицевого", "счет", "счета", "буква"],
};

interface Phrase {
  /** The folded words of the phrase. */
  words: string[];
  /** What it stands for: a letter, a separator, or "" for a filler. */
  means: string;
}

function buildPhrases(): Phrase[] {
  const phrases: Phrase[] = [];
  for (const lang of ["uk", "ru"] as const) {
    for (const [letter, names] of Object.entries(LETTER_NAMES[lang]))
      for (const n of names) phrases.push({ words: foldSpoken(n).split(" "), means: letter });
    for (const [sep, names] of Object.entries(SEPARATOR_WORDS[lang]))
      for (const n of names) phrases.push({ words: foldSpoken(n).split(" "), means: sep });
    for (const f of ACCOUNT_FILLERS[lang]) phrases.push({ words: [foldSpoken(f)], means: "" });
  }
  // Longest first, so "косая черта" wins over "косая" and "и краткое" over "и".
  return phrases.sort((a, b) => b.words.length - a.words.length);
}

const PHRASES = buildPhrases();

/** The phrase (letter, separator or filler) that starts at `words[at]`, longest first, with its length. */
export function accountPhraseAt(
  words: readonly string[],
  at: number,
): { means: string; length: number } | null {
  for (const p of PHRASES) {
    if (p.words.every((w, i) => words[at + i] === w)) return { means: p.means, length: p.words.length };
  }
  return null;
}
