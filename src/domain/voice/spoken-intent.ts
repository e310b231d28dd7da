// The short answers a caller gives the voice bot, in Ukrainian or Russian as a recogniser writes them: yes or no,
// and what they want from the menu. Whole words only, so "нема" is not "ні" and "данные" is not "да".
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[ʼ’`']/g, "'")
    .split(/[^\p{L}'-]+/u)
    .filter(Boolean);

const YES = new Set([
  "так",
  "да",
  "угу",
  "ага",
  "правильно",
  "вірно",
  "верно",
  "точно",
  "звісно",
  "конечно",
  "yes",
]);
const NO = new Set(["ні", "нет", "неправильно", "невірно", "неверно", "не", "no"]);

/** true for yes, false for no, null when the answer says neither (or both). */
export function spokenYesNo(text: string): boolean | null {
  const w = words(text);
  // "не правильно" is a no, though "правильно" alone is a yes.
  const joined = w.join(" ");
  if (/(^| )не (правильно|вірно|верно|так)( |$)/u.test(joined)) return false;
  const yes = w.some((x) => YES.has(x));
  const no = w.some((x) => NO.has(x));
  return yes === no ? null : yes;
}

export type MenuIntent = "reading" | "operator" | "uk" | "ru";

const INTENTS: [MenuIntent, RegExp][] = [
  ["reading", /^(показ|передат|лічильн|счетчик|счётчик)/u],
  ["operator", /^(оператор|людин|человек|консультант|допомог|помощ)/u],
  ["ru", /^(русск|російськ|по-русски|рус)$/u],
  ["uk", /^(українськ|украинск|по-українськи|по-украински)/u],
];

/** What the caller asked for at the menu, by the first word that names something. */
export function menuIntent(text: string): MenuIntent | null {
  for (const w of words(text)) {
    for (const [intent, re] of INTENTS) if (re.test(w)) return intent;
  }
  return null;
}

/** The menu's words, for a recogniser's grammar. */
export const MENU_PHRASES = [
  "показання",
  "показники",
  "показания",
  "оператор",
  "по-русски",
  "русский",
  "російською",
  "українською",
  "по-українськи",
];
export const YES_NO_PHRASES = ["так", "ні", "да", "нет", "правильно", "неправильно", "вірно", "верно"];
