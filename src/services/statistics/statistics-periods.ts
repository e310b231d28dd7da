// The months statistics are asked for: never ahead of the current Kyiv month, and a range of at most MAX_MONTHS.
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { comparePeriods, monthsBetween, type Period, periodOf, periodsBetween } from "../../domain/period.ts";
import { AppError } from "../errors.ts";

export const MAX_MONTHS = 24;

export function currentPeriod(now: Date): Period {
  return periodOf(kyivDateOf(now));
}

export function checkNotAhead(period: Period, now: Date, field: string): void {
  const current = currentPeriod(now);
  if (comparePeriods(period, current) > 0)
    throw new AppError("statistics_period_ahead", { period, current }, { field });
}

/** Every month from `from` to `to`, both included. */
export function statisticsRange(from: Period, to: Period, now: Date): Period[] {
  if (comparePeriods(from, to) > 0 || monthsBetween(from, to) + 1 > MAX_MONTHS)
    throw new AppError("statistics_range_invalid", { from, to, max: MAX_MONTHS }, { field: "from" });
  checkNotAhead(to, now, "to");
  return periodsBetween(from, to);
}
