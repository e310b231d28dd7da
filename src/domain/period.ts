// A billing period is one calendar month, written "YYYY-MM".
// Internally a period is a month index (year * 12 + month - 1) so that month
// arithmetic across year ends is plain integer addition.

import { daysInMonth, type LocalDate, localDate, parseLocalDate } from "./local-date.ts";

export type Period = string & { readonly __brand: "Period" };

export class PeriodError extends RangeError {
  readonly input: string;
  constructor(input: string, reason: string) {
    super(`Invalid period ${JSON.stringify(input)}: ${reason}`);
    this.name = "PeriodError";
    this.input = input;
  }
}

const PERIOD_RE = /^(\d{4})-(\d{2})$/;
const MIN_INDEX = 1 * 12; // 0001-01
const MAX_INDEX = 9999 * 12 + 11; // 9999-12

export function parsePeriod(text: string): Period {
  const m = PERIOD_RE.exec(text);
  if (!m) throw new PeriodError(text, "expected YYYY-MM");
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1) throw new PeriodError(text, "year out of range 0001..9999");
  if (month < 1 || month > 12) throw new PeriodError(text, "no such month");
  return text as Period;
}

/** Builds a validated period from numeric parts. */
export function period(year: number, month: number): Period {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new PeriodError(`${year}-${month}`, "no such month");
  }
  return fromIndex(year * 12 + month - 1);
}

export function periodParts(p: Period): { year: number; month: number } {
  return { year: Number(p.slice(0, 4)), month: Number(p.slice(5, 7)) };
}

/** The period a calendar date falls in. */
export function periodOf(date: LocalDate | string): Period {
  return parseLocalDate(date).slice(0, 7) as Period;
}

export function addPeriods(p: Period, n: number): Period {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Invalid month count ${n}`);
  return fromIndex(toIndex(p) + n);
}

export function nextPeriod(p: Period): Period {
  return addPeriods(p, 1);
}

export function prevPeriod(p: Period): Period {
  return addPeriods(p, -1);
}

export function firstDay(p: Period): LocalDate {
  const { year, month } = periodParts(p);
  return localDate(year, month, 1);
}

export function lastDay(p: Period): LocalDate {
  const { year, month } = periodParts(p);
  return localDate(year, month, daysInMonth(year, month));
}

export function daysInPeriod(p: Period): number {
  const { year, month } = periodParts(p);
  return daysInMonth(year, month);
}

/** Signed number of months from `from` to `to`. */
export function monthsBetween(from: Period, to: Period): number {
  return toIndex(to) - toIndex(from);
}

/** Every period from `from` to `to`, both included; empty when `from` is after `to`. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const start = toIndex(from);
  const end = toIndex(to);
  const out: Period[] = [];
  for (let i = start; i <= end; i++) out.push(fromIndex(i));
  return out;
}

export function comparePeriods(a: Period, b: Period): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toIndex(p: Period): number {
  const { year, month } = periodParts(parsePeriod(p));
  return year * 12 + month - 1;
}

function fromIndex(i: number): Period {
  if (i < MIN_INDEX || i > MAX_INDEX) throw new PeriodError(String(i), "out of range 0001-01..9999-12");
  const year = Math.floor(i / 12);
  const month = (i % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}` as Period;
}
