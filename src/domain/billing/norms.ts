// Monthly use by norm for unmetered services (and for metered ones once estimation falls
// back to the norm): units per registered resident (water: 3.6 m³ per person) or per m²
// of heated area (heating: 0.0168 Gcal/m²). The result is thousandths per month, rounded
// half up once, as a volume the bill then prices like a metered one.

import { divRoundHalfAwayFromZero, parseScaledDecimal } from "../decimal.ts";

export interface NormInput {
  /** Thousandths per resident per month (tariffs.norm_per_resident). */
  normPerResident?: bigint | null;
  /** Units per m² per month, decimal text with up to 6 decimals (tariffs.norm_per_m2). */
  normPerM2?: string | null;
  /** Residents the provider bills by; used with a per-resident norm. */
  residents: number;
  /** Area in m², decimal text ("55.5" or "55,5"); used with a per-m² norm. */
  areaM2: string;
}

const SCALE = 6;

function parseNonNegative(text: string, what: string): bigint {
  const v = parseScaledDecimal(text.trim(), SCALE);
  if (v === null || v < 0n) {
    throw new RangeError(
      `${what} must be a non-negative decimal with at most ${SCALE} decimals, got ${text}`,
    );
  }
  return v;
}

/**
 * The month's use by norm in thousandths, or null when the tariff sets no norm. A tariff
 * sets one kind of norm: both at once is refused rather than summed or guessed between.
 */
export function normUse(input: NormInput): bigint | null {
  const perResident = input.normPerResident ?? null;
  const perM2 = input.normPerM2 ?? null;
  if (perResident !== null && perM2 !== null) {
    throw new RangeError("A norm is either per resident or per m², not both");
  }
  if (perResident !== null) {
    if (perResident < 0n)
      throw new RangeError(`The norm per resident must not be negative, got ${perResident}`);
    if (!Number.isSafeInteger(input.residents) || input.residents < 0) {
      throw new RangeError(`residents must be a whole number >= 0, got ${input.residents}`);
    }
    return perResident * BigInt(input.residents);
  }
  if (perM2 !== null) {
    const norm = parseNonNegative(perM2, "The norm per m²");
    const area = parseNonNegative(input.areaM2, "The area");
    // 10^-6 units × 10^-6 m² = 10^-12 units; a thousandth is 10^9 of those.
    return divRoundHalfAwayFromZero(norm * area, 10n ** 9n);
  }
  return null;
}

/**
 * Heating by norm is billed in the heating season only. The season begins and ends by the weather (Rules for
 * heat supply services, CMU resolution No. 830 of 21.08.2019: three days in a row below +8 °C); the platform
 * takes whole months, October to April, rather than guess a town's dates.
 */
export const HEATING_SEASON_MONTHS: ReadonlySet<number> = new Set([10, 11, 12, 1, 2, 3, 4]);

export function inHeatingSeason(period: string /* YYYY-MM */): boolean {
  return HEATING_SEASON_MONTHS.has(Number(period.slice(5, 7)));
}

/** A tariff's per-m² norm as it applies in `period`: heating's is zero outside the heating season. */
export function normPerM2InMonth(service: string, period: string, normPerM2: string | null): string | null {
  return normPerM2 !== null && service === "heating" && !inHeatingSeason(period) ? "0" : normPerM2;
}
