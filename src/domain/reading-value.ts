// What a resident types (or a voice bot transcribes) as one meter reading → thousandths.
// Friendly about how a number is written (either decimal mark, thousands spaces, leading
// zeros on the dial, trailing zeros), strict about anything else: "12345 кВт" or
// "1,234.5" is asked again rather than guessed, since a wrong guess becomes a bill.

import { parseScaledDecimal } from "./decimal.ts";
import { QUANTITY_SCALE } from "./quantity.ts";

/** What the dial of one meter can show. */
export interface MeterDial {
  /** Whole-unit digits: the dial rolls over to zero after 10^digits units. */
  digits: number;
  /** Decimal places shown on the dial, 0..3. */
  decimals: number;
}

export type ReadingValueError =
  | { code: "reading_empty" }
  | { code: "reading_not_a_number" }
  | { code: "reading_negative" }
  | { code: "reading_too_many_decimals"; maxDecimals: number }
  | { code: "reading_too_many_digits"; maxDigits: number };

export type ReadingValueErrorCode = ReadingValueError["code"];

export type ReadingValueResult = { ok: true; value: bigint } | { ok: false; error: ReadingValueError };

// Far above any real dial (the database allows 3..9), low enough to stay a sane number.
const MAX_DIAL_DIGITS = 15;

/** Throws RangeError for a dial no meter has: a programming or data error, not the resident's. */
export function assertMeterDial(meter: MeterDial): void {
  const { digits, decimals } = meter;
  if (!Number.isInteger(digits) || digits < 1 || digits > MAX_DIAL_DIGITS) {
    throw new RangeError(`Meter digits must be an integer in 1..${MAX_DIAL_DIGITS}, got ${digits}`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > QUANTITY_SCALE) {
    throw new RangeError(`Meter decimals must be an integer in 0..${QUANTITY_SCALE}, got ${decimals}`);
  }
}

/** 10^digits units in thousandths: the first value the dial cannot show (it shows 0 instead). */
export function dialCapacity(meter: MeterDial): bigint {
  assertMeterDial(meter);
  return 10n ** BigInt(meter.digits + QUANTITY_SCALE);
}

// Thousands groups take one regular, no-break (U+00A0) or narrow no-break (U+202F) space,
// as phones and the uk/ru formatter insert them. A comma never groups: "12,345" is 12.345.
// "-" and U+2212 are matched only to say "negative" instead of "not a number".
const READING_RE = /^([-\u2212]?)(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[.,](\d+))?$/;

const fail = (error: ReadingValueError): ReadingValueResult => ({ ok: false, error });

export function parseReadingValue(text: string, meter: MeterDial): ReadingValueResult {
  assertMeterDial(meter);
  const trimmed = text.trim(); // trim() also strips U+00A0 and U+202F
  if (trimmed === "") return fail({ code: "reading_empty" });
  const m = READING_RE.exec(trimmed);
  if (!m) return fail({ code: "reading_not_a_number" });
  if (m[1] !== "") return fail({ code: "reading_negative" });

  // Trailing zeros add no precision: "123,500" on a one-decimal dial is 123.5.
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (frac.length > meter.decimals) {
    return fail({ code: "reading_too_many_decimals", maxDecimals: meter.decimals });
  }
  // Leading zeros are how the dial shows small values, so they never count as digits.
  const whole = (m[2] ?? "").replace(/[ \u00A0\u202F]/g, "").replace(/^0+/, "");
  if (whole.length > meter.digits) {
    return fail({ code: "reading_too_many_digits", maxDigits: meter.digits });
  }
  const value = parseScaledDecimal(`${whole || "0"}${frac ? `.${frac}` : ""}`, QUANTITY_SCALE);
  if (value === null) return fail({ code: "reading_not_a_number" }); // unreachable: the regex checked the shape
  return { ok: true, value };
}
