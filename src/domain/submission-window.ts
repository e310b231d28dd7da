// A provider's window for submitting meter readings, per provider/service/settlement,
// in Europe/Kyiv civil time.
//
// Conventions:
// - Each window occurrence is identified by its `period`: the billing month whose
//   consumption its readings close. "The July 2019 window" is therefore
//   Jul 29–Aug 2 for electricity (-3..2, first_of_month), Aug 1–5 for gas
//   (1..5, first_of_month) and Jul 10–25 for water (10..25, submission_day).
//   There is exactly one occurrence per period, and occurrences of consecutive
//   periods follow one another without overlapping (validation guarantees it).
// - An occurrence covers whole Kyiv days: [opensAt, closesAt) where opensAt is the
//   Kyiv midnight starting opensOn and closesAt the Kyiv midnight after closesOn.
// - "first_of_month": the deemed date is the 1st of the month in which the window
//   closes (the only 1st inside the window) and the period is the month before it.
//   Such a rule must therefore contain a 1st: wrap around a month end or open on the 1st.
// - "submission_day": the deemed date is the Kyiv date of the submission and the
//   period is the month in which the window opens.

import { kyivDateOf, kyivMidnight } from "./kyiv-time.ts";
import {
  addDays,
  compareLocalDates,
  daysInMonth,
  diffDays,
  type LocalDate,
  localDate,
} from "./local-date.ts";
import { firstDay, nextPeriod, type Period, periodOf, periodParts, prevPeriod } from "./period.ts";

export type DeemedDateRule = "submission_day" | "first_of_month";
export type LatePolicy = "refuse" | "next_period";

export interface WindowRule {
  /** 1..31 = day of month (clamped to a short month's last day); -1..-10 = from the month's end (-1 = last day). */
  opensDay: number;
  /** Same encoding; the window includes the whole closing day (until 24:00 Kyiv). */
  closesDay: number;
  deemedDateRule: DeemedDateRule;
  latePolicy: LatePolicy;
}

export interface WindowOccurrence {
  /** The billing month whose consumption this occurrence's readings close; identifies the occurrence. */
  period: Period;
  opensOn: LocalDate;
  /** Inclusive: submissions are accepted all day. */
  closesOn: LocalDate;
  opensAt: Date;
  /** Exclusive: the Kyiv midnight after closesOn. */
  closesAt: Date;
  /** first_of_month: the 1st inside the window. submission_day: null, as it depends on the submission. */
  deemedOn: LocalDate | null;
}

export type WindowRuleProblemCode =
  | "not_integer"
  | "zero_day"
  | "day_out_of_range"
  | "reversed_from_end"
  | "empty_in_short_month"
  | "overlapping_occurrences"
  | "deemed_first_outside_window"
  | "bad_deemed_date_rule"
  | "bad_late_policy";

export interface WindowRuleProblem {
  code: WindowRuleProblemCode;
  field: keyof WindowRule | null;
  message: string;
}

export class WindowRuleError extends Error {
  readonly problems: readonly WindowRuleProblem[];
  constructor(problems: readonly WindowRuleProblem[]) {
    super(`Invalid submission window rule: ${problems.map((p) => p.message).join("; ")}`);
    this.name = "WindowRuleError";
    this.problems = problems;
  }
}

const DEEMED_RULES: readonly string[] = ["submission_day", "first_of_month"];
const LATE_POLICIES: readonly string[] = ["refuse", "next_period"];
const MONTH_LENGTHS = [28, 29, 30, 31] as const;

/** A day number resolved in a month of `length` days. */
function dayIn(day: number, length: number): number {
  return day > 0 ? Math.min(day, length) : length + day + 1;
}

/** The calendar day a rule's day number means in a given month. */
export function windowDayOf(day: number, year: number, month: number): number {
  return dayIn(day, daysInMonth(year, month));
}

/** True when a window opens in one month and closes in the next. */
export function windowWraps(rule: Pick<WindowRule, "opensDay" | "closesDay">): boolean {
  const { opensDay: o, closesDay: c } = rule;
  return (o < 0 && c > 0) || (o > 0 && c > 0 && o > c);
}

/** Every problem with a rule; empty when the rule is usable. */
export function validateWindowRule(rule: WindowRule): WindowRuleProblem[] {
  const problems: WindowRuleProblem[] = [];
  for (const field of ["opensDay", "closesDay"] as const) {
    const v = rule[field];
    if (!Number.isInteger(v)) {
      problems.push({ code: "not_integer", field, message: `${field} must be an integer` });
    } else if (v === 0) {
      problems.push({ code: "zero_day", field, message: `${field} cannot be 0: use 1..31 or -1..-10` });
    } else if (v > 31 || v < -10) {
      problems.push({
        code: "day_out_of_range",
        field,
        message: `${field} ${v} is outside 1..31 and -1..-10`,
      });
    }
  }
  if (!DEEMED_RULES.includes(rule.deemedDateRule)) {
    problems.push({
      code: "bad_deemed_date_rule",
      field: "deemedDateRule",
      message: `deemedDateRule must be one of ${DEEMED_RULES.join(", ")}`,
    });
  }
  if (!LATE_POLICIES.includes(rule.latePolicy)) {
    problems.push({
      code: "bad_late_policy",
      field: "latePolicy",
      message: `latePolicy must be one of ${LATE_POLICIES.join(", ")}`,
    });
  }
  if (problems.some((p) => p.field === "opensDay" || p.field === "closesDay")) return problems;

  const { opensDay: o, closesDay: c } = rule;
  if (o < 0 && c < 0 && o > c) {
    problems.push({
      code: "reversed_from_end",
      field: null,
      message: `${o}..${c} opens after it closes; counted from the month's end the opening day must come first`,
    });
    return problems;
  }
  const wraps = windowWraps(rule);
  // Clamping and end-relative days depend only on month length, so checking the
  // four possible lengths covers every calendar month.
  for (const len of MONTH_LENGTHS) {
    if (!wraps && dayIn(o, len) > dayIn(c, len)) {
      problems.push({
        code: "empty_in_short_month",
        field: null,
        message: `${o}..${c} would open after it closes in a ${len}-day month`,
      });
      break;
    }
    // A wrapping occurrence closes in the month where the next one opens.
    if (wraps && dayIn(c, len) >= dayIn(o, len)) {
      problems.push({
        code: "overlapping_occurrences",
        field: null,
        message: `${o}..${c} would still be open when the next window opens in a ${len}-day month`,
      });
      break;
    }
  }
  if (rule.deemedDateRule === "first_of_month" && !wraps && o !== 1) {
    problems.push({
      code: "deemed_first_outside_window",
      field: "deemedDateRule",
      message:
        "first_of_month needs a window that contains a 1st: wrap around the month end or open on day 1",
    });
  }
  return problems;
}

/** Returns the rule unchanged, or throws WindowRuleError listing every problem. */
export function assertWindowRule(rule: WindowRule): WindowRule {
  const problems = validateWindowRule(rule);
  if (problems.length > 0) throw new WindowRuleError(problems);
  return rule;
}

/** The occurrence that opens in calendar month `month`. */
function occurrenceOpeningIn(rule: WindowRule, month: Period): WindowOccurrence {
  const open = periodParts(month);
  const closeMonth = windowWraps(rule) ? nextPeriod(month) : month;
  const close = periodParts(closeMonth);
  const opensOn = localDate(open.year, open.month, windowDayOf(rule.opensDay, open.year, open.month));
  const closesOn = localDate(close.year, close.month, windowDayOf(rule.closesDay, close.year, close.month));
  const firstOfMonth = rule.deemedDateRule === "first_of_month";
  const deemedOn = firstOfMonth ? firstDay(closeMonth) : null;
  return {
    period: firstOfMonth ? prevPeriod(closeMonth) : month,
    opensOn,
    closesOn,
    opensAt: kyivMidnight(opensOn),
    closesAt: kyivMidnight(addDays(closesOn, 1)),
    deemedOn,
  };
}

/** The month in which the occurrence for `period` opens. */
function openingMonthFor(rule: WindowRule, period: Period): Period {
  if (rule.deemedDateRule === "submission_day" || windowWraps(rule)) return period;
  return nextPeriod(period); // e.g. gas 1..5: the July period's window opens on August 1
}

/** The occurrence whose readings close `period`. */
export function occurrenceForPeriod(rule: WindowRule, period: Period): WindowOccurrence {
  assertWindowRule(rule);
  return occurrenceOpeningIn(rule, openingMonthFor(rule, period));
}

function containing(rule: WindowRule, date: LocalDate): WindowOccurrence | null {
  const month = periodOf(date);
  // A wrapping occurrence that opened last month may still be open.
  for (const m of [prevPeriod(month), month]) {
    const occ = occurrenceOpeningIn(rule, m);
    if (compareLocalDates(occ.opensOn, date) <= 0 && compareLocalDates(date, occ.closesOn) <= 0) return occ;
  }
  return null;
}

function openingAfter(rule: WindowRule, date: LocalDate): WindowOccurrence {
  const month = periodOf(date);
  const here = occurrenceOpeningIn(rule, month);
  if (compareLocalDates(here.opensOn, date) > 0) return here;
  return occurrenceOpeningIn(rule, nextPeriod(month));
}

/**
 * The occurrence open at `instant`, or null. Occurrences cover whole Kyiv days, so
 * this is decided by the Kyiv calendar date of the instant.
 */
export function windowOccurrenceContaining(rule: WindowRule, instant: Date): WindowOccurrence | null {
  assertWindowRule(rule);
  return containing(rule, kyivDateOf(instant));
}

/** The first occurrence that opens strictly after `instant` (never the one already open). */
export function nextWindowOccurrence(rule: WindowRule, instant: Date): WindowOccurrence {
  assertWindowRule(rule);
  return openingAfter(rule, kyivDateOf(instant));
}

export interface WindowStatus {
  open: boolean;
  current: WindowOccurrence | null;
  /** The next occurrence to open after the instant (after `current`, when open). */
  next: WindowOccurrence;
  /** When open: whole Kyiv calendar days left including today (1 on the closing day). */
  daysLeft: number | null;
}

export function windowStatus(rule: WindowRule, instant: Date): WindowStatus {
  assertWindowRule(rule);
  const today = kyivDateOf(instant);
  const current = containing(rule, today);
  return {
    open: current !== null,
    current,
    next: openingAfter(rule, today),
    daysLeft: current === null ? null : diffDays(today, current.closesOn) + 1,
  };
}

/**
 * The date a reading submitted at `instant` for `occurrence` counts as taken:
 * the occurrence's 1st for first_of_month, the Kyiv submission date for
 * submission_day. A submission after the occurrence closed cannot belong to it.
 */
export function deemedDate(rule: WindowRule, occurrence: WindowOccurrence, instant: Date): LocalDate {
  assertWindowRule(rule);
  if (instant.getTime() >= occurrence.closesAt.getTime()) {
    throw new RangeError(
      `A submission at ${instant.toISOString()} is after the ${occurrence.period} window closed`,
    );
  }
  if (rule.deemedDateRule === "first_of_month") {
    if (occurrence.deemedOn === null)
      throw new RangeError("Occurrence was not built for a first_of_month rule");
    return occurrence.deemedOn;
  }
  return kyivDateOf(instant);
}

/**
 * Occurrences not yet closed at `fromInstant`, in order: the open one (if any)
 * first, then `count` in total. For a 12-month preview pass 12.
 */
export function upcomingOccurrences(rule: WindowRule, fromInstant: Date, count: number): WindowOccurrence[] {
  assertWindowRule(rule);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`Invalid count ${count}`);
  const out: WindowOccurrence[] = [];
  if (count === 0) return out;
  const today = kyivDateOf(fromInstant);
  let occ = containing(rule, today) ?? openingAfter(rule, today);
  while (out.length < count) {
    out.push(occ);
    occ = occurrenceOpeningIn(rule, openingMonthFor(rule, nextPeriod(occ.period)));
  }
  return out;
}

export type SubmissionPlacement =
  | { accepted: true; late: boolean; occurrence: WindowOccurrence; period: Period; deemedOn: LocalDate }
  | { accepted: false; reason: "outside_window"; next: WindowOccurrence };

/**
 * Where a reading submitted at `instant` goes. Inside a window: that occurrence.
 * Outside: refused under "refuse"; under "next_period" it is accepted late for the
 * next occurrence to open (its deemed date per the rule: that occurrence's 1st, or
 * the submission day).
 */
export function placeSubmission(rule: WindowRule, instant: Date): SubmissionPlacement {
  const status = windowStatus(rule, instant);
  if (status.current !== null) {
    const occurrence = status.current;
    return {
      accepted: true,
      late: false,
      occurrence,
      period: occurrence.period,
      deemedOn: deemedDate(rule, occurrence, instant),
    };
  }
  if (rule.latePolicy === "refuse") return { accepted: false, reason: "outside_window", next: status.next };
  const occurrence = status.next;
  return {
    accepted: true,
    late: true,
    occurrence,
    period: occurrence.period,
    deemedOn: deemedDate(rule, occurrence, instant),
  };
}
