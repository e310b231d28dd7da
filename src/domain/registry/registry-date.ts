// Dates and periods as registry files write them. A date may carry a time of day after it ("04.11.2026 14:05:33",
// "2026-11-04T14:05"): the payment's day is what the ledger needs, so the time is read and dropped.
import { type LocalDate, localDate } from "../local-date.ts";
import { type Period, period } from "../period.ts";
import type { DateFormat } from "./registry-format.ts";

// Day and month may come without their leading zero ("4.11.2026", "04.1.2026"): spreadsheets and some banks'
// exports drop it. The year is always four digits, so "04.11.26" stays refused rather than guessed.
const DATE_PATTERNS: Record<DateFormat, { re: RegExp; y: number; m: number; d: number }> = {
  "YYYY-MM-DD": { re: /^(\d{4})-(\d{1,2})-(\d{1,2})/, y: 1, m: 2, d: 3 },
  "DD.MM.YYYY": { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})/, y: 3, m: 2, d: 1 },
  "DD/MM/YYYY": { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})/, y: 3, m: 2, d: 1 },
  "DD-MM-YYYY": { re: /^(\d{1,2})-(\d{1,2})-(\d{4})/, y: 3, m: 2, d: 1 },
};
const TIME = /^(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** The calendar day, or null when the text is not a real date in the format. */
export function parseRegistryDate(text: string, format: DateFormat): LocalDate | null {
  const t = text.trim();
  const p = DATE_PATTERNS[format];
  const m = p.re.exec(t);
  if (!m) return null;
  const time = TIME.exec(t.slice(m[0].length));
  if (!time) return null;
  if (time[1] !== undefined && (Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59))
    return null;
  try {
    return localDate(Number(m[p.y]), Number(m[p.m]), Number(m[p.d]));
  } catch {
    return null;
  }
}

const PERIODS = [
  { re: /^(\d{4})-(\d{1,2})$/, y: 1, m: 2 },
  { re: /^(\d{1,2})[./-](\d{4})$/, y: 2, m: 1 },
];

/** A period a line names: "2026-10", "10.2026", "10/2026" or "10-2026"; null when it is none of those. */
export function parseRegistryPeriod(text: string): Period | null {
  const t = text.trim();
  for (const p of PERIODS) {
    const m = p.re.exec(t);
    if (!m) continue;
    const year = Number(m[p.y]);
    const month = Number(m[p.m]);
    if (year < 2000 || month < 1 || month > 12) return null;
    return period(year, month);
  }
  return null;
}
