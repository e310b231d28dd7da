// Which language a first message is in, for a bot that has not asked yet: letters only Ukrainian has (і ї є ґ)
// or only Russian has (ы э ъ ё), then a few common words either way; null when the text does not tell (digits,
// Latin letters, a word both languages share). The person can always choose in the menu.
import type { Locale } from "../i18n/locale.ts";

const UK_WORDS =
  /(^|[^а-яіїєґ])(привіт|добрий|дякую|показники|скільки|борг|рахунок|як|що|так|ні)([^а-яіїєґ]|$)/u;
const RU_WORDS =
  /(^|[^а-яё])(привет|добрый|спасибо|показания|сколько|долг|счёт|счет|как|что|да|нет)([^а-яё]|$)/u;

export function guessLanguage(text: string): Locale | null {
  const t = text.toLowerCase();
  const uk = /[іїєґ']/u.test(t) && /[а-я]/u.test(t) ? 1 : 0;
  const ru = /[ыэъё]/u.test(t) ? 1 : 0;
  if (uk !== ru) return uk ? "uk" : "ru";
  const ukWord = UK_WORDS.test(t);
  const ruWord = RU_WORDS.test(t);
  if (ukWord !== ruWord) return ukWord ? "uk" : "ru";
  return null;
}
