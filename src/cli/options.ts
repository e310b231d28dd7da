// Parsers for command-line values, each failing with a message that names the flag.
import { InvalidArgumentError } from "commander";

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
