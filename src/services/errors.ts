// The one error type of the application: a code from the table, params for its message, and details.
import { fill, type Locale } from "../i18n/locale.ts";
import { ERROR_CODES, type ErrorCode } from "./error-codes.ts";

export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    /** Machine-readable facts for API clients (e.g. the next window's dates). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${fill(ERROR_CODES[code].message.en, params)}`);
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  messageIn(locale: Locale): string {
    return fill(ERROR_CODES[this.code].message[locale], this.params);
  }
}

export function errorMessage(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  return fill(ERROR_CODES[code].message[locale], params);
}
