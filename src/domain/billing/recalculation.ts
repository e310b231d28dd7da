// Recalculation (перерахунок) when a real reading arrives after months billed by estimate.
// The true consumption since the last real reading is spread over the estimated months in
// proportion to their estimates (the best evidence of how the use fell across them) — or
// by days when every estimate was zero — each month is re-priced by the tariff of its own
// period, and the difference from what was already charged goes on the next bill as its
// own line. Billed periods stay closed: nothing already charged is edited.

import { type Kopiykas, kop, subKop, sumKop } from "../money.ts";
import { daysInPeriod, type Period } from "../period.ts";
import { allocateQuantity } from "./allocate-quantity.ts";

export interface EstimatedMonth {
  period: Period;
  /** Thousandths billed by estimate. */
  estimatedUse: bigint;
  /** What that month's bill charged for it. */
  chargedKop: Kopiykas;
}

export interface RecalculationInput {
  estimatedMonths: readonly EstimatedMonth[];
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

export interface Recalculation {
  perMonth: RecalculatedMonth[];
  /** The recalculation line of the next bill. */
  totalDifferenceKop: Kopiykas;
}

export function recalculate(input: RecalculationInput): Recalculation {
  const { estimatedMonths, actualTotalUse, priceFor } = input;
  if (estimatedMonths.length === 0) throw new RangeError("Nothing to recalculate: no estimated months");
  if (actualTotalUse < 0n) throw new RangeError(`Actual use must not be negative, got ${actualTotalUse}`);
  const periods = new Set<string>();
  for (const m of estimatedMonths) {
    if (periods.has(m.period)) throw new RangeError(`Month ${m.period} is listed twice`);
    periods.add(m.period);
    if (m.estimatedUse < 0n) throw new RangeError(`Estimated use for ${m.period} must not be negative`);
    kop(m.chargedKop);
  }
  const estimates = estimatedMonths.map((m) => m.estimatedUse);
  const weights = estimates.some((e) => e > 0n)
    ? estimates
    : estimatedMonths.map((m) => BigInt(daysInPeriod(m.period)));
  const shares = allocateQuantity(actualTotalUse, weights);
  const perMonth = estimatedMonths.map((m, i): RecalculatedMonth => {
    const actualUse = shares[i]!;
    const chargeKop = kop(priceFor(m.period, actualUse));
    return { period: m.period, actualUse, chargeKop, differenceKop: subKop(chargeKop, m.chargedKop) };
  });
  return { perMonth, totalDifferenceKop: sumKop(perMonth.map((m) => m.differenceKop)) };
}
