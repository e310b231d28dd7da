// The one error type of the application: a code from the table, params for its message, and details.
// Messages are ICU MessageFormat (i18n/messages.ts): plurals follow each language's rules.
import type { Locale } from "../i18n/locale.ts";
import { format, type MessageParams } from "../i18n/messages.ts";
import { ERROR_CODES, type ErrorCode } from "./error-codes.ts";

/** A param is the same in every language (a number, a serial) or differs by language (a date, a zone name). */
export type ErrorParams = MessageParams;

export { inEveryLocale } from "../i18n/messages.ts";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    /** Machine-readable facts for API clients (e.g. the next window's dates). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${errorMessage(code, "en", params)}`);
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  messageIn(locale: Locale): string {
    return errorMessage(this.code, locale, this.params);
  }
}

export function errorMessage(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  return format(ERROR_CODES[code].message, locale, params);
}
