// Meter quantities (kWh, m³, Gcal) as BigInt thousandths of a unit: water dials show
// three decimals, and thousandths keep every reading and difference exact.
// Only exact decimal conversion lives here; the rules for what residents may type
// (rollover, digit counts, etc.) belong to reading validation.

import { formatScaledDecimal, parseScaledDecimal, rescale } from "./decimal.ts";
import { type DisplayLocale, numberSeparators } from "./display-locale.ts";

export const QUANTITY_SCALE = 3;

export class QuantityFormatError extends Error {
  readonly input: string;
  constructor(input: string, reason: string) {
    super(`Invalid quantity ${JSON.stringify(input)}: ${reason}`);
    this.name = "QuantityFormatError";
    this.input = input;
  }
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > QUANTITY_SCALE) {
    throw new RangeError(`decimals must be an integer in 0..${QUANTITY_SCALE}, got ${decimals}`);
  }
}

/**
 * "12345", "12345.6", "12345,678" (either decimal mark, optional leading "-",
 * surrounding whitespace ignored) → thousandths. More than `maxDecimals`
 * decimals is an error, never a silent rounding.
 */
export function parseQuantity(text: string, maxDecimals: number): bigint {
  checkDecimals(maxDecimals);
  const value = parseScaledDecimal(text.trim(), QUANTITY_SCALE, maxDecimals);
  if (value === null) {
    throw new QuantityFormatError(text, `expected a number with at most ${maxDecimals} decimals`);
  }
  return value;
}

/**
 * For people: `decimals` places (0..3), rounded half away from zero when fewer
 * than three, grouped by thousands (uk/ru "12 345,600" with U+00A0, en "12,345.600").
 */
export function formatQuantity(thousandths: bigint, decimals: number, locale: DisplayLocale): string {
  checkDecimals(decimals);
  const sep = numberSeparators(locale);
  return formatScaledDecimal(rescale(thousandths, QUANTITY_SCALE, decimals), decimals, {
    decimalSeparator: sep.decimal,
    groupSeparator: sep.group,
  });
}

const NUMERIC_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * A PostgreSQL numeric as text ("12345.600", "12345.6", "-3", "1.5000") → thousandths.
 * Digits past the third decimal must be zeros: a stored value is never rounded.
 */
export function quantityFromNumeric(text: string): bigint {
  const m = NUMERIC_RE.exec(text);
  if (!m) throw new QuantityFormatError(text, "not a plain decimal numeric");
  const frac = m[3] ?? "";
  if (/[^0]/.test(frac.slice(QUANTITY_SCALE))) {
    throw new QuantityFormatError(text, "more precision than thousandths");
  }
  const magnitude = BigInt(m[2] + frac.slice(0, QUANTITY_SCALE).padEnd(QUANTITY_SCALE, "0"));
  return m[1] ? -magnitude : magnitude;
}

/** Thousandths → numeric text with exactly three decimals, e.g. "12345.600". */
export function quantityToNumeric(thousandths: bigint): string {
  return formatScaledDecimal(thousandths, QUANTITY_SCALE, { decimalSeparator: "." });
}
