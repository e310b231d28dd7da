// The languages residents read: Ukrainian by default, Russian and English on request. The list itself is the
// domain's (documents format numbers by it); this module adds what channels need around it.
import { DISPLAY_LOCALES, type DisplayLocale, isDisplayLocale } from "../domain/display-locale.ts";

export const LOCALES = DISPLAY_LOCALES;
export type Locale = DisplayLocale;
export const DEFAULT_LOCALE: Locale = "uk";

/** A text in each language. Messages (ICU MessageFormat, see messages.ts) have this shape too. */
export type Translated = Record<Locale, string>;

/** The BCP 47 tag whose plural, number and date rules a language follows (Ukraine's, and British English). */
export const LOCALE_TAGS: Record<Locale, string> = { uk: "uk-UA", ru: "ru-UA", en: "en-GB" };

export const isLocale = isDisplayLocale;

/** Picks the first supported language of an Accept-Language header, else Ukrainian. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { lang: tag.slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isLocale(lang)) return lang;
  return DEFAULT_LOCALE;
}

// The old placeholder filler, now ICU underneath; kept so code importing it from here keeps working.
export { fill } from "./messages.ts";
