// The planned payment (плановий платіж): an advance for the coming period sized from the
// expected use, later settled against metered use by recalculation. Retail electricity
// market rules, NEURC resolution No. 312, item 4.7, name it as one of the payment forms.
//
// Expected use = the average daily use × the days of the coming period (rounded half up
// to the thousandth, as estimates are), priced by the caller's tariff, plus the fixed fee.
// The sum is rounded UP to whole hryvnias: residents pay round sums, and rounding up means
// the advance covers the expected bill rather than leaving kopiykas of debt behind it;
// the overpayment of under 1 UAH is settled by the next recalculation.

import { expectedUse } from "../average-consumption.ts";
import type { Fraction } from "../consumption.ts";
import { addKop, type Kopiykas, kop, ZERO_KOP } from "../money.ts";

export interface PlannedPaymentInput {
  /** Thousandths per day; null when the account has no usable history. */
  averageDailyUse: Fraction | null;
  daysInNextPeriod: number;
  /** The tariff's price of a period's use (consumption lines only). */
  price: (use: bigint) => Kopiykas;
  fixedFeeKop: Kopiykas;
}

/** Kopiykas, a whole number of hryvnias; 0 when there is no history to plan from. */
export function plannedPayment(input: PlannedPaymentInput): Kopiykas {
  if (input.averageDailyUse === null) return ZERO_KOP;
  const use = expectedUse({ perDay: input.averageDailyUse }, input.daysInNextPeriod);
  const amount = addKop(kop(input.price(use)), kop(input.fixedFeeKop));
  if (amount < 0) throw new RangeError(`A planned payment cannot be negative, got ${amount} kop`);
  const rest = amount % 100; // integer arithmetic: no float division
  return rest === 0 ? amount : kop(amount + 100 - rest);
}
