// The one error type of the application: a code from the table, params for its message, and details.
import { fill, LOCALES, type Locale, type Translated } from "../i18n/locale.ts";
import { ERROR_CODES, type ErrorCode } from "./error-codes.ts";

/** A param is the same in every language (a number, a serial) or differs by language (a date, a zone name). */
export type ErrorParams = Record<string, string | number | Translated>;

function paramsIn(params: ErrorParams, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === "object" ? v[locale] : v;
  return out;
}

/** The same text in every language, built by a formatter that takes the language. */
export function inEveryLocale(format: (locale: Locale) => string): Translated {
  return Object.fromEntries(LOCALES.map((l) => [l, format(l)])) as Translated;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    /** Machine-readable facts for API clients (e.g. the next window's dates). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${fill(ERROR_CODES[code].message.en, paramsIn(params, "en"))}`);
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  messageIn(locale: Locale): string {
    return fill(ERROR_CODES[this.code].message[locale], paramsIn(this.params, locale));
  }
}

export function errorMessage(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  return fill(ERROR_CODES[code].message[locale], paramsIn(params, locale));
}
