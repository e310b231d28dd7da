// Average daily consumption of one meter zone from its reading history: total use over
// total days of consecutive reading pairs, kept as an exact fraction. It feeds the
// plausibility check now and billing "by average" (за середнім) later, so nothing is
// rounded until a caller asks for an amount.

import { type Consumption, consumptionBetween, type Fraction, type RolloverPolicy } from "./consumption.ts";
import { divRoundHalfAwayFromZero } from "./decimal.ts";
import { compareLocalDates, diffDays, type LocalDate } from "./local-date.ts";
import type { MeterDial } from "./reading-value.ts";

export type HistoryReadingKind = "initial" | "regular" | "final";

export interface HistoryReading {
  deemedOn: LocalDate;
  /** Thousandths, as on the dial. */
  value: bigint;
  kind: HistoryReadingKind;
}

export interface AverageDailyUse {
  /** Thousandths per day, in lowest terms. */
  perDay: Fraction;
  /** Days covered by the pairs that were counted. */
  days: number;
  /** Readings that took part in at least one counted pair. */
  readings: number;
}

export interface AverageOptions {
  /** Readings deemed on from..to, both included, are used. */
  from: LocalDate;
  to: LocalDate;
  rollover?: RolloverPolicy;
}

/**
 * Pairs of consecutive readings (by deemed date; same-day readings keep the order
 * given, so pass them in the order they were taken) are counted when:
 * - they belong to one meter: a pair that ends on an "initial" or starts from a
 *   "final" spans a replacement, where the dials are unrelated;
 * - the second is not a decrease (a refused value that reached the history anyway).
 * A roll-over counts as the use across it. Null when no counted pair covers a day.
 */
export function averageDailyUse(
  history: readonly HistoryReading[],
  meter: MeterDial,
  options: AverageOptions,
): AverageDailyUse | null {
  const { from, to } = options;
  if (compareLocalDates(from, to) > 0) throw new RangeError(`from ${from} is after to ${to}`);
  const inRange = history
    .filter((r) => compareLocalDates(from, r.deemedOn) <= 0 && compareLocalDates(r.deemedOn, to) <= 0)
    .sort((a, b) => compareLocalDates(a.deemedOn, b.deemedOn)); // stable: ties keep input order
  let used = 0n;
  let days = 0;
  const counted = new Set<number>();
  for (let i = 1; i < inRange.length; i++) {
    const prev = inRange[i - 1]!;
    const curr = inRange[i]!;
    if (prev.kind === "final" || curr.kind === "initial") continue;
    const c: Consumption = consumptionBetween(prev.value, curr.value, meter, options.rollover);
    if (c.kind === "decrease") continue;
    used += c.used;
    days += diffDays(prev.deemedOn, curr.deemedOn);
    counted.add(i - 1).add(i);
  }
  if (days === 0) return null;
  const g = gcd(used, BigInt(days));
  return { perDay: { num: used / g, den: BigInt(days) / g }, days, readings: counted.size };
}

/**
 * The use an average predicts for `days` days, in thousandths rounded half up.
 * expectedUse(avg, 1) is the average daily use that checkPlausibility takes.
 */
export function expectedUse(avg: Pick<AverageDailyUse, "perDay">, days: number): bigint {
  if (!Number.isSafeInteger(days) || days < 0)
    throw new RangeError(`days must be an integer >= 0, got ${days}`);
  const { num, den } = avg.perDay;
  if (den <= 0n || num < 0n) throw new RangeError(`Invalid daily average ${num}/${den}`);
  // Both are non-negative, so half away from zero is half up.
  return divRoundHalfAwayFromZero(num * BigInt(days), den);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
