// Estimating a month with no reading (за середнім): the dated rule per service, citing its
// source, and the estimate itself. Every method here comes down to the meter's own average
// daily use over the last 12 months × the days of the month, or the tariff's norm.
//
// Left out on purpose, so that the SQL billing run has one formula to mirror:
// - gas: the standard contract's planned monthly volume also weighs the consumer's
//   consumption group (the seasonal profile); here it is the plain 12-month average;
// - electricity: one distribution operator uses the same period of the previous year;
//   the Code's average daily consumption is used instead.
// A multi-zone meter is estimated zone by zone: call estimateMonth with each zone's history.

import { averageDailyUse, expectedUse, type HistoryReading } from "../average-consumption.ts";
import type { Fraction } from "../consumption.ts";
import { compareLocalDates, type LocalDate, parseLocalDate } from "../local-date.ts";
import { addPeriods, daysInPeriod, firstDay, lastDay, type Period } from "../period.ts";
import type { UtilityService } from "../plausibility.ts";
import type { MeterDial } from "../reading-value.ts";

export type EstimationRuleKind = "average_daily" | "planned_monthly_volume" | "average_then_norm";

export interface EstimationRule {
  service: UtilityService;
  rule: EstimationRuleKind;
  /** The act's date, or its entry into force where that is known. */
  effectiveFrom: LocalDate;
  /** Months of reading history the average is taken over. */
  historyMonths: number;
  /** Consecutive estimated months after which the norm replaces the average; null: never. */
  averageForMonths: number | null;
  citation: string;
  /** True when the platform applies a rule by analogy rather than by the text of an act. */
  illustrative: boolean;
}

const WATER_CITATION =
  "Rules for centralised water supply and sewerage services, CMU resolution No. 690 of 05.07.2019; " +
  "Law No. 2119-VIII «On commercial metering of heat energy and water supply», art. 11: with no " +
  "reading, the average daily use of the last 12 months for 3 months, then the norms";

const water = (service: UtilityService): EstimationRule => ({
  service,
  rule: "average_then_norm",
  effectiveFrom: parseLocalDate("2019-07-05"),
  historyMonths: 12,
  averageForMonths: 3,
  citation: WATER_CITATION,
  illustrative: false,
});

export const ESTIMATION_RULES: readonly EstimationRule[] = [
  {
    service: "electricity",
    rule: "average_daily",
    effectiveFrom: parseLocalDate("2018-04-19"), // NEURC No. 311 in force from 19.04.2018
    historyMonths: 12,
    averageForMonths: null,
    citation:
      "Code of commercial metering of electricity, NEURC resolution No. 311 of 14.03.2018: with no " +
      "reading, the volume is calculated from the average daily consumption",
    illustrative: false,
  },
  {
    service: "gas",
    rule: "planned_monthly_volume",
    effectiveFrom: parseLocalDate("2015-09-30"),
    historyMonths: 12,
    averageForMonths: null,
    citation:
      "Standard natural gas distribution contract, NEURC resolution No. 2498 of 30.09.2015, item 5.5: " +
      "with no reading by the 6th, the planned monthly volume from the average of the last 12 months " +
      "(the consumption-group refinement is not applied)",
    illustrative: false,
  },
  water("cold_water"),
  water("hot_water"),
  water("sewerage"),
  {
    ...water("heating"),
    citation:
      "Illustrative: heating with a meter is estimated like water, by analogy with Law No. 2119-VIII " +
      "«On commercial metering of heat energy and water supply», art. 11: the average daily use of the " +
      "last 12 months for 3 months, then the norms",
    illustrative: true,
  },
];

/** Used when there is no usable history: the platform's choice, not a cited regulation. */
export const NO_HISTORY_CITATION =
  "Platform rule: with no usable reading history the month is estimated by the tariff's norm, " +
  "and not at all when the tariff sets none";

/** The latest rule for the service that is in force on `on`. */
export function estimationRuleFor(
  service: UtilityService,
  on: LocalDate,
  rules: readonly EstimationRule[] = ESTIMATION_RULES,
): EstimationRule {
  let found: EstimationRule | null = null;
  for (const r of rules) {
    if (r.service !== service || compareLocalDates(r.effectiveFrom, on) > 0) continue;
    if (found === null || compareLocalDates(r.effectiveFrom, found.effectiveFrom) > 0) found = r;
  }
  if (found === null) throw new RangeError(`No estimation rule for ${service} is in force on ${on}`);
  return found;
}

/**
 * The day whose rule estimates a month starting `on`: that day, or — for a month before the service's earliest
 * act on file — the act's first day, so billing an old month applies the oldest known rule rather than none.
 */
export function estimationRuleDay(
  service: UtilityService,
  on: LocalDate,
  rules: readonly EstimationRule[] = ESTIMATION_RULES,
): LocalDate {
  let earliest: LocalDate | null = null;
  for (const r of rules) {
    if (r.service === service && (earliest === null || compareLocalDates(r.effectiveFrom, earliest) < 0)) {
      earliest = r.effectiveFrom;
    }
  }
  return earliest !== null && compareLocalDates(on, earliest) < 0 ? earliest : on;
}

export type EstimationMethod = "average_daily" | "planned_monthly_volume" | "norm" | "none";

export interface EstimationInput {
  service: UtilityService;
  /** The month being estimated. */
  period: Period;
  /** Readings of this meter zone (average-consumption.ts). */
  history: readonly HistoryReading[];
  meter: MeterDial;
  /** Consecutive months already estimated right before this one. */
  monthsWithoutReading: number;
  /** Thousandths per month (norms.ts); null when the tariff sets none. */
  norm: bigint | null;
  /** The day whose rule applies; the period's first day by default. */
  asOf?: LocalDate;
  rules?: readonly EstimationRule[];
}

export interface Estimate {
  /** Thousandths for the period. */
  used: bigint;
  method: EstimationMethod;
  /**
   * By average: the window of readings averaged, and the exact average in thousandths per
   * day. By norm or none: the estimated period itself.
   */
  basis: { fromDay: LocalDate; toDay: LocalDate; perDay?: Fraction };
  citation: string;
}

/**
 * The month's use with no reading: the average daily use over readings deemed in the last
 * `historyMonths` months (from the 1st of the month that many months back to the 1st of
 * this one, both included) × the days of the month, rounded half up to the thousandth;
 * once water has been estimated for 3 months in a row, the norm; with no usable history,
 * the norm, or 0 with method "none" when there is no norm.
 */
export function estimateMonth(input: EstimationInput): Estimate {
  const { period, monthsWithoutReading, norm } = input;
  if (!Number.isSafeInteger(monthsWithoutReading) || monthsWithoutReading < 0) {
    throw new RangeError(`monthsWithoutReading must be a whole number >= 0, got ${monthsWithoutReading}`);
  }
  if (norm !== null && norm < 0n) throw new RangeError(`The norm must not be negative, got ${norm}`);
  const rule = estimationRuleFor(input.service, input.asOf ?? firstDay(period), input.rules);
  const wholeMonth = { fromDay: firstDay(period), toDay: lastDay(period) };
  const byNorm = (citation: string): Estimate =>
    norm === null
      ? { used: 0n, method: "none", basis: wholeMonth, citation }
      : { used: norm, method: "norm", basis: wholeMonth, citation };

  if (rule.averageForMonths !== null && monthsWithoutReading >= rule.averageForMonths) {
    return byNorm(rule.citation);
  }
  const window = { from: firstDay(addPeriods(period, -rule.historyMonths)), to: firstDay(period) };
  const avg = averageDailyUse(input.history, input.meter, window);
  if (avg === null) return byNorm(NO_HISTORY_CITATION);
  return {
    used: expectedUse(avg, daysInPeriod(period)),
    method: rule.rule === "planned_monthly_volume" ? "planned_monthly_volume" : "average_daily",
    basis: { fromDay: window.from, toDay: window.to, perDay: avg.perDay },
    citation: rule.citation,
  };
}
