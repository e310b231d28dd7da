// Recalculation (перерахунок) when a real reading arrives after months billed by estimate.
// The true consumption since the last real reading is spread over the estimated months AND
// the current month (the one whose reading arrived) in proportion to their days, by largest
// remainder (allocateQuantity, ties to the earlier month) in the order: estimated months by
// period ascending, the current month last. Each month is priced by the tariff of its own
// period. The current month's share is billed as its charge; for each estimated month the
// new charge minus what was already charged goes, summed, on the bill as the recalculation
// line. Billed periods stay closed: nothing already charged is edited.
//
// Days are the key, not the estimates: an estimate by norm or by average is not evidence
// of how the real use fell across the months, and the set-based SQL billing run spreads
// by the same key, so both give the same thousandths.

import { type Kopiykas, kop, subKop, sumKop } from "../money.ts";
import { comparePeriods, daysInPeriod, type Period } from "../period.ts";
import { allocateQuantity } from "./allocate-quantity.ts";

export interface EstimatedMonth {
  period: Period;
  /** Thousandths billed by estimate. */
  estimatedUse: bigint;
  /** What that month's bill charged for it. */
  chargedKop: Kopiykas;
}

export interface RecalculationInput {
  /** The months billed by estimate since the last real reading, in any order. */
  estimatedMonths: readonly EstimatedMonth[];
  /** The month whose real reading arrived; after every estimated month. */
  currentPeriod: Period;
  /** True consumption since the last real reading, thousandths. */
  actualTotalUse: bigint;
  /** Prices a month's use by that month's tariff (e.g. priceProrated(...).totalKop). */
  priceFor: (period: Period, use: bigint) => Kopiykas;
}

export interface RecalculatedMonth {
  period: Period;
  actualUse: bigint;
  chargeKop: Kopiykas;
  /** New charge − already charged: negative when the estimate was too high. */
  differenceKop: Kopiykas;
}

export interface CurrentMonthCharge {
  period: Period;
  /** This month's share of the true consumption, thousandths. */
  actualUse: bigint;
  /** Billed as the month's charge. */
  chargeKop: Kopiykas;
}

export interface Recalculation {
  /** The estimated months, by period ascending. */
  perMonth: RecalculatedMonth[];
  current: CurrentMonthCharge;
  /** The recalculation line of the bill: Σ differenceKop of the estimated months. */
  totalDifferenceKop: Kopiykas;
}

export function recalculate(input: RecalculationInput): Recalculation {
  const { estimatedMonths, currentPeriod, actualTotalUse, priceFor } = input;
  if (estimatedMonths.length === 0) throw new RangeError("Nothing to recalculate: no estimated months");
  if (actualTotalUse < 0n) throw new RangeError(`Actual use must not be negative, got ${actualTotalUse}`);
  const periods = new Set<string>();
  for (const m of estimatedMonths) {
    if (periods.has(m.period)) throw new RangeError(`Month ${m.period} is listed twice`);
    periods.add(m.period);
    if (m.estimatedUse < 0n) throw new RangeError(`Estimated use for ${m.period} must not be negative`);
    kop(m.chargedKop);
    if (comparePeriods(m.period, currentPeriod) >= 0) {
      throw new RangeError(
        `The current month ${currentPeriod} must come after every estimated month, got ${m.period}`,
      );
    }
  }
  const months = [...estimatedMonths].sort((a, b) => comparePeriods(a.period, b.period));
  const weights = [...months.map((m) => m.period), currentPeriod].map((p) => BigInt(daysInPeriod(p)));
  const shares = allocateQuantity(actualTotalUse, weights);
  const perMonth = months.map((m, i): RecalculatedMonth => {
    const actualUse = shares[i]!;
    const chargeKop = kop(priceFor(m.period, actualUse));
    return { period: m.period, actualUse, chargeKop, differenceKop: subKop(chargeKop, m.chargedKop) };
  });
  const currentUse = shares[months.length]!;
  const current: CurrentMonthCharge = {
    period: currentPeriod,
    actualUse: currentUse,
    chargeKop: kop(priceFor(currentPeriod, currentUse)),
  };
  return { perMonth, current, totalDifferenceKop: sumKop(perMonth.map((m) => m.differenceKop)) };
}
