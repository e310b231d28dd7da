// The languages residents read: Ukrainian by default, Russian and English on request. The list itself is the
// domain's (documents format numbers by it); this module adds what channels need around it.
import { DISPLAY_LOCALES, type DisplayLocale, isDisplayLocale } from "../domain/display-locale.ts";

export const LOCALES = DISPLAY_LOCALES;
export type Locale = DisplayLocale;
export const DEFAULT_LOCALE: Locale = "uk";

export type Translated = Record<Locale, string>;

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

/** Fills {name} placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
