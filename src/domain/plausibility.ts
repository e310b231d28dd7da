// Whether a consumption is surprising enough that the resident must confirm it and an
// operator review it before billing. Most such cases are a typo (an extra digit, a
// decimal read as whole units) or another meter's dial; asking costs less than a
// recalculation. Every comparison is exact, in BigInt cross-multiplication.

import type { Fraction } from "./consumption.ts";
import { type LocalDate, parseLocalDate } from "./local-date.ts";

// Same codes as the services reference table; the domain does not import the database layer.
export type UtilityService = "electricity" | "cold_water" | "hot_water" | "gas" | "heating" | "sewerage";

export const UTILITY_SERVICES: readonly UtilityService[] = [
  "electricity",
  "cold_water",
  "hot_water",
  "gas",
  "heating",
  "sewerage",
];

/** Per-service numbers, in thousandths of the service's unit (kWh, m³, Gcal). */
export interface ServicePlausibility {
  /** At or below this use over the whole interval the own-average check never fires: small absolute noise. */
  floor: bigint;
  /** Most a household plausibly uses in `ceilingDays` days; scaled linearly to the interval. */
  ceiling: bigint;
}

export interface PlausibilityPolicy {
  /** Stable name to record beside each decision, so a past review can be explained after the numbers change. */
  id: string;
  effectiveFrom: LocalDate;
  /** Use above factor × own average daily use × days is surprising. */
  ownAverageFactor: Fraction;
  /** The length of the interval each `ceiling` is given for. */
  ceilingDays: number;
  services: Readonly<Record<UtilityService, ServicePlausibility>>;
}

const units = (n: bigint): bigint => n * 1000n;

/**
 * Platform defaults set on 2026-11-25 — product judgement, not regulation: no Ukrainian
 * rule fixes them, so providers may override them. Ceilings per 30 days lie beyond what a
 * household plausibly uses even in the coldest month with electric or gas heating:
 * electricity 3000 kWh, cold water 30 m³, hot water 20 m³, gas 1500 m³, heating 10 Gcal,
 * sewerage 50 m³ (cold plus hot). Floors are small absolute amounts (about a week of an
 * apartment's use; for gas, a month of cooking) so that 3 kWh against a 0.5 kWh/day
 * average is not news. 3× the own average catches a shifted decimal mark or an extra
 * digit while letting a cold month or guests through.
 */
export const DEFAULT_PLAUSIBILITY: PlausibilityPolicy = {
  id: "abonent-default-2026-11-25",
  effectiveFrom: parseLocalDate("2026-11-25"),
  ownAverageFactor: { num: 3n, den: 1n },
  ceilingDays: 30,
  services: {
    electricity: { floor: units(50n), ceiling: units(3000n) },
    cold_water: { floor: units(3n), ceiling: units(30n) },
    hot_water: { floor: units(2n), ceiling: units(20n) },
    gas: { floor: units(10n), ceiling: units(1500n) },
    heating: { floor: 500n, ceiling: units(10n) }, // 0.5 Gcal
    sewerage: { floor: units(5n), ceiling: units(50n) },
  },
};

export interface PlausibilityInput {
  service: UtilityService;
  /** Consumption since the previous reading, thousandths. */
  used: bigint;
  /** Days since the previous reading, a whole number >= 1. */
  days: number;
  /** Thousandths per day from this meter's history; null when there is none. */
  averageDaily: bigint | null;
}

export type PlausibilityVerdict =
  | { plausible: true }
  | {
      plausible: false;
      reason: "above_own_average" | "above_service_limit";
      /** above_own_average only: used ÷ (average × days), truncated to one decimal so it never overstates. */
      factor?: number;
    };

/**
 * The service ceiling is checked first: it needs no history and is the stronger
 * signal. The own-average check applies only with a known positive average and a
 * use above the service's floor, and fires when use is strictly more than
 * factor × average × days.
 */
export function checkPlausibility(
  input: PlausibilityInput,
  policy: PlausibilityPolicy = DEFAULT_PLAUSIBILITY,
): PlausibilityVerdict {
  const { used, days, averageDaily } = input;
  const limits = policy.services[input.service];
  if (limits === undefined) throw new RangeError(`Unknown service ${JSON.stringify(input.service)}`);
  if (!Number.isSafeInteger(days) || days < 1)
    throw new RangeError(`days must be an integer >= 1, got ${days}`);
  if (used < 0n) throw new RangeError(`used must not be negative, got ${used}`);
  if (averageDaily !== null && averageDaily < 0n) {
    throw new RangeError(`averageDaily must not be negative, got ${averageDaily}`);
  }
  assertPolicy(policy);

  const d = BigInt(days);
  if (used * BigInt(policy.ceilingDays) > limits.ceiling * d) {
    return { plausible: false, reason: "above_service_limit" };
  }
  if (averageDaily !== null && averageDaily > 0n && used > limits.floor) {
    const expected = averageDaily * d;
    const { num, den } = policy.ownAverageFactor;
    if (used * den > num * expected) {
      return { plausible: false, reason: "above_own_average", factor: Number((used * 10n) / expected) / 10 };
    }
  }
  return { plausible: true };
}

function assertPolicy(policy: PlausibilityPolicy): void {
  const f = policy.ownAverageFactor;
  if (f.den <= 0n || f.num <= 0n)
    throw new RangeError(`ownAverageFactor must be positive, got ${f.num}/${f.den}`);
  if (!Number.isSafeInteger(policy.ceilingDays) || policy.ceilingDays < 1) {
    throw new RangeError(`ceilingDays must be an integer >= 1, got ${policy.ceilingDays}`);
  }
}
