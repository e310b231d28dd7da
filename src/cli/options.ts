// Parsers for command-line values, each failing with a message that names the flag.
import { InvalidArgumentError } from "commander";
import { type Period, parsePeriod } from "../domain/period.ts";

export function wholeNumber(min: number, max: number) {
  return (raw: string): number => {
    const text = raw.replaceAll("_", "");
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    }
    return Number(text);
  };
}

export function calendarDate(raw: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== raw) {
    throw new InvalidArgumentError("expected a date as YYYY-MM-DD.");
  }
  return raw;
}

export function billingMonth(raw: string): Period {
  try {
    return parsePeriod(raw);
  } catch {
    throw new InvalidArgumentError("expected a month as YYYY-MM, e.g. 2026-10.");
  }
}

/** Five fields (minute hour day month weekday), or six with seconds first; pg-boss checks the values. */
export function cronExpression(raw: string): string {
  const text = raw.trim().replace(/\s+/g, " ");
  if (!/^\S+( \S+){4,5}$/.test(text)) {
    throw new InvalidArgumentError('expected a cron expression such as "0 3 5 * *" (03:00 on the 5th).');
  }
  return text;
}
