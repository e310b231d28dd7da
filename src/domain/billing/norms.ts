// Monthly use by norm for unmetered services (and for metered ones once estimation falls
// back to the norm): units per registered resident (water: 3.6 m³ per person) or per m²
// of heated area (heating: 0.0168 Gcal/m²). The result is thousandths per month, rounded
// half up once, as a volume the bill then prices like a metered one.

import { divRoundHalfAwayFromZero, parseScaledDecimal } from "../decimal.ts";
import { addDays, diffDays, type LocalDate } from "../local-date.ts";
import { daysInPeriod, type Period } from "../period.ts";
import { splitByTariffs } from "./proration.ts";
import type { Tariff } from "./tariff.ts";

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

export interface NormPart {
  /** Thousandths per resident per month, from this part's tariff. */
  normPerResident?: bigint | null;
  /** Units per m² per month, decimal text, from this part's tariff. */
  normPerM2?: string | null;
  /** The days of the month this part's norm applies on (its tariff's days; for heating, those in the season). */
  days: number;
}

/**
 * The month's use by norm when the norm changes within it, or applies on part of it only (the heating season):
 * each part's norm for its days, summed, over the month's days, rounded half up once to the thousandth — as
 * tariffs are prorated (proration.ts). Null when no part sets a norm. The set-based billing run mirrors this
 * figure for figure (tariff-parts.ts, bill-batch.ts).
 */
export function normUseInMonth(
  parts: readonly NormPart[],
  monthDays: number,
  premise: { residents: number; areaM2: string },
): bigint | null {
  if (!Number.isInteger(monthDays) || monthDays < 1)
    throw new RangeError(`monthDays must be ≥ 1, got ${monthDays}`);
  // In units × 10^-12 × days: a thousandth per resident is 10^9 of those, a micro-unit per micro-m² one.
  let numerator = 0n;
  let any = false;
  for (const part of parts) {
    if (!Number.isInteger(part.days) || part.days < 0 || part.days > monthDays) {
      throw new RangeError(`A part's days must be 0..${monthDays}, got ${part.days}`);
    }
    const perMonth = normUse({ ...part, ...premise });
    if (perMonth === null) continue;
    any = true;
    const scaled =
      part.normPerResident != null
        ? perMonth * 10n ** 9n
        : parseNonNegative(part.normPerM2!, "The norm per m²") * parseNonNegative(premise.areaM2, "The area");
    numerator += scaled * BigInt(part.days);
  }
  return any ? divRoundHalfAwayFromZero(numerator, 10n ** 9n * BigInt(monthDays)) : null;
}

/**
 * The heating season: heating by norm is billed on its days only, the fixed fee all year. Its first and last days
 * (MM-DD, both included, across the new year) are the provider's decision — heat supply starts and ends by the
 * weather (Rules for heat supply services, CMU resolution No. 830 of 21.08.2019: three days in a row below +8 °C);
 * typically 15 October to 15 April.
 */
export interface HeatingSeason {
  starts: string;
  ends: string;
}

export const DEFAULT_HEATING_SEASON: HeatingSeason = { starts: "10-15", ends: "04-15" };

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function inHeatingSeason(season: HeatingSeason, day: LocalDate): boolean {
  for (const edge of [season.starts, season.ends]) {
    if (!MONTH_DAY.test(edge)) throw new RangeError(`A heating season's day is MM-DD, got ${edge}`);
  }
  const monthDay = day.slice(5);
  return season.starts <= season.ends
    ? monthDay >= season.starts && monthDay <= season.ends
    : monthDay >= season.starts || monthDay <= season.ends;
}

/** How many of the days from `from` to `to` (both included) a service's norm applies on: heating's in season only. */
export function normDays(service: string, season: HeatingSeason, from: LocalDate, to: LocalDate): number {
  const days = diffDays(from, to) + 1;
  if (service !== "heating") return days;
  let n = 0;
  for (let i = 0; i < days; i++) if (inHeatingSeason(season, addDays(from, i))) n++;
  return n;
}

/**
 * The month's use by norm under the tariffs in force (cut by days as splitByTariffs cuts them), or null when none
 * sets a norm. Throws TariffCoverageError when a day of the month has no tariff.
 */
export function normUseForMonth(
  period: Period,
  tariffs: readonly Tariff[],
  service: string,
  season: HeatingSeason,
  premise: { residents: number; areaM2: string },
): bigint | null {
  const parts = splitByTariffs(period, tariffs).map((p) => ({
    normPerResident: p.tariff.normPerResident ?? null,
    normPerM2: p.tariff.normPerM2 ?? null,
    days: normDays(service, season, p.fromDay, p.toDay),
  }));
  return normUseInMonth(parts, daysInPeriod(period), premise);
}
