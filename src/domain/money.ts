// Money is an integer number of kopiykas (1 UAH = 100 kop). A branded number keeps
// a raw count of hryvnias or a float from being passed where kopiykas are meant;
// every product and share is computed in BigInt and rounded exactly once.

import { divRoundHalfAwayFromZero, formatScaledDecimal, parseScaledDecimal } from "./decimal.ts";
import { type DisplayLocale, NBSP, numberSeparators } from "./display-locale.ts";

export type Kopiykas = number & { readonly __brand: "Kopiykas" };

export class MoneyFormatError extends Error {
  readonly input: string;
  constructor(input: string, reason: string) {
    super(`Invalid amount ${JSON.stringify(input)}: ${reason}`);
    this.name = "MoneyFormatError";
    this.input = input;
  }
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Guard: a safe integer count of kopiykas. -0 becomes 0 so equal amounts compare equal. */
export function kop(n: number): Kopiykas {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a safe integer amount of kopiykas: ${n}`);
  return (n === 0 ? 0 : n) as Kopiykas;
}

export function kopFromBigInt(n: bigint): Kopiykas {
  if (n > MAX || n < -MAX) throw new RangeError(`Amount of kopiykas out of safe range: ${n}`);
  return kop(Number(n));
}

export const ZERO_KOP: Kopiykas = kop(0);

// Sums of safe integers are exact until they leave the safe range, and kop() rejects that.
export function addKop(...xs: Kopiykas[]): Kopiykas {
  return sumKop(xs);
}

export function sumKop(xs: Iterable<Kopiykas>): Kopiykas {
  let total = 0;
  for (const x of xs) total = kop(total + kop(x));
  return kop(total);
}

export function subKop(a: Kopiykas, b: Kopiykas): Kopiykas {
  return kop(kop(a) - kop(b));
}

export function negKop(a: Kopiykas): Kopiykas {
  return kop(-kop(a));
}

// Digits grouped by threes with a regular, no-break or narrow no-break space, or ungrouped.
const UAH_RE = /^(-)?(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Parses what a person types or a bank file carries: "12", "12.3", "12,30",
 * "1 234,56", "-5". At most two decimals: a third would be a fraction of a kopiyka.
 */
export function parseUah(text: string): Kopiykas {
  const m = UAH_RE.exec(text.trim());
  if (!m) throw new MoneyFormatError(text, "expected hryvnias with at most 2 decimals, e.g. 1 234,56");
  const plain = `${m[1] ?? ""}${(m[2] ?? "").replace(/[ \u00A0\u202F]/g, "")}${m[3] === undefined ? "" : `.${m[3]}`}`;
  const value = parseScaledDecimal(plain, 2);
  if (value === null) throw new MoneyFormatError(text, "malformed");
  if (value > MAX || value < -MAX) throw new MoneyFormatError(text, "amount too large");
  return kop(Number(value));
}

/**
 * For people: uk/ru "1 234,56 грн", en "UAH 1,234.56". The spaces are U+00A0 so an
 * amount never breaks across lines; a negative amount starts with "-".
 */
export function formatUah(k: Kopiykas, locale: DisplayLocale): string {
  const sep = numberSeparators(locale);
  const negative = kop(k) < 0;
  const body = formatScaledDecimal(BigInt(Math.abs(k)), 2, {
    decimalSeparator: sep.decimal,
    groupSeparator: sep.group,
  });
  const sign = negative ? "-" : "";
  return locale === "en" ? `${sign}UAH${NBSP}${body}` : `${sign}${body}${NBSP}грн`;
}

/** For documents and the NBU payment QR: "1234.56", no grouping, dot decimal. */
export function uahString(k: Kopiykas): string {
  return formatScaledDecimal(BigInt(kop(k)), 2, { decimalSeparator: "." });
}

const PRICE_SCALE = 6; // prices and coefficients: up to 6 decimals (e.g. 1.680000 UAH/kWh)

function parseFactor(text: string, what: string): bigint {
  const v = parseScaledDecimal(text.trim(), PRICE_SCALE);
  if (v === null) throw new MoneyFormatError(text, `${what} must be a decimal with at most 6 decimals`);
  return v;
}

/**
 * quantity (thousandths of a unit) × price (UAH per unit, decimal text) → kopiykas.
 * thousandths × micro-hryvnias = 10^-9 UAH; one kopiyka is 10^7 of those.
 */
export function multiplyToKop(quantityThousandths: bigint, priceUah: string): Kopiykas {
  const micro = parseFactor(priceUah, "price");
  return kopFromBigInt(divRoundHalfAwayFromZero(quantityThousandths * micro, 10_000_000n));
}

/** amount × coefficient (e.g. the night-zone "0.5"), rounded to the kopiyka. */
export function applyCoefficient(k: Kopiykas, coefficient: string): Kopiykas {
  const micro = parseFactor(coefficient, "coefficient");
  return kopFromBigInt(divRoundHalfAwayFromZero(BigInt(kop(k)) * micro, 1_000_000n));
}

/**
 * Splits `total` into parts proportional to non-negative integer `weights` that sum
 * to exactly `total` (largest-remainder method). Each part is the floor or ceiling
 * of its exact share; leftover kopiykas go to the largest remainders, ties to the
 * earlier index, so the split is deterministic. A negative total splits like its
 * absolute value, negated.
 */
export function allocateKop(total: Kopiykas, weights: readonly bigint[] | readonly number[]): Kopiykas[] {
  kop(total);
  if (weights.length === 0) throw new RangeError("allocateKop needs at least one weight");
  const ws = weights.map((w): bigint => {
    if (typeof w === "number") {
      if (!Number.isSafeInteger(w)) throw new RangeError(`Weight must be a safe integer: ${w}`);
      return BigInt(w);
    }
    return w;
  });
  if (ws.some((w) => w < 0n)) throw new RangeError("Weights must not be negative");
  const weightSum = ws.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) {
    if (total === 0) return ws.map(() => kop(0));
    throw new RangeError("Cannot allocate a non-zero total over zero weights");
  }
  const sign = total < 0 ? -1n : 1n;
  const abs = BigInt(Math.abs(total));
  const parts = ws.map((w) => (abs * w) / weightSum);
  const remainders = ws.map((w, i) => ({ i, r: (abs * w) % weightSum }));
  let leftover = abs - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (leftover === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts.map((p) => kopFromBigInt(sign * p));
}
