// Exact fixed-point decimals as scaled BigInts (value × 10^scale).
// Money, prices, coefficients and meter quantities all go through here so that
// no binary float ever touches a decimal amount.

const DECIMAL_RE = /^(-)?(\d+)(?:[.,](\d+))?$/;

/**
 * Parses "[-]digits[(.|,)digits]" into value × 10^scale. Returns null when the
 * text is malformed or has more than `maxDecimals` decimals, so each caller can
 * throw its own error type.
 */
export function parseScaledDecimal(text: string, scale: number, maxDecimals: number = scale): bigint | null {
  checkScale(scale);
  if (!Number.isInteger(maxDecimals) || maxDecimals < 0 || maxDecimals > scale) {
    throw new RangeError(`maxDecimals must be an integer in 0..${scale}`);
  }
  const m = DECIMAL_RE.exec(text);
  if (!m) return null;
  const frac = m[3] ?? "";
  if (m[3] !== undefined && frac.length > maxDecimals) return null;
  const magnitude = BigInt(m[2] + frac.padEnd(scale, "0"));
  return m[1] ? -magnitude : magnitude;
}

/** Integer division rounding half away from zero (commercial rounding), exact for any size. */
export function divRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("Division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = n / d;
  const r = n % d;
  const rounded = 2n * r >= d ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** Rounds a value at `fromScale` to `toScale` decimals (half away from zero). */
export function rescale(value: bigint, fromScale: number, toScale: number): bigint {
  checkScale(fromScale);
  checkScale(toScale);
  if (toScale >= fromScale) return value * 10n ** BigInt(toScale - fromScale);
  return divRoundHalfAwayFromZero(value, 10n ** BigInt(fromScale - toScale));
}

/** Inserts `separator` between groups of three digits, counting from the right. */
export function groupDigits(digits: string, separator: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError(`Not a digit string: ${JSON.stringify(digits)}`);
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

export interface ScaledFormat {
  decimalSeparator: string;
  /** Omit for no grouping. */
  groupSeparator?: string;
  /** Text placed before a negative number; "-" by default. */
  minus?: string;
}

/** Formats value × 10^-scale with exactly `scale` decimals. */
export function formatScaledDecimal(value: bigint, scale: number, format: ScaledFormat): string {
  checkScale(scale);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const intPart = digits.slice(0, digits.length - scale);
  const fracPart = digits.slice(digits.length - scale);
  const grouped = format.groupSeparator === undefined ? intPart : groupDigits(intPart, format.groupSeparator);
  const body = scale > 0 ? `${grouped}${format.decimalSeparator}${fracPart}` : grouped;
  return negative ? `${format.minus ?? "-"}${body}` : body;
}

function checkScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > 18) throw new RangeError(`Invalid scale ${scale}`);
}
