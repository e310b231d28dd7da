// The three languages the platform speaks to residents, and how each writes numbers.
// Separators are fixed here rather than taken from Intl so that printed documents
// do not change when Node's ICU data changes.

export type DisplayLocale = "uk" | "ru" | "en";

export const DISPLAY_LOCALES: readonly DisplayLocale[] = ["uk", "ru", "en"];

/** U+00A0: keeps "1 234,56 грн" on one line. */
export const NBSP = "\u00A0";

export interface NumberSeparators {
  decimal: string;
  group: string;
}

export function isDisplayLocale(value: unknown): value is DisplayLocale {
  return value === "uk" || value === "ru" || value === "en";
}

export function numberSeparators(locale: DisplayLocale): NumberSeparators {
  switch (locale) {
    case "uk":
    case "ru":
      return { decimal: ",", group: NBSP };
    case "en":
      return { decimal: ".", group: "," };
    default:
      throw new RangeError(`Unknown locale ${JSON.stringify(locale)}`);
  }
}
