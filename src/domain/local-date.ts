// Plain calendar dates ("YYYY-MM-DD") with no time and no zone.
// Arithmetic runs on whole days since 1970-01-01 with integer-only civil-calendar
// formulas, so no Date object (and no host time zone) can shift a day.

export type LocalDate = string & { readonly __brand: "LocalDate" };

export class LocalDateError extends RangeError {
  readonly input: string;
  constructor(input: string, reason: string) {
    super(`Invalid local date ${JSON.stringify(input)}: ${reason}`);
    this.name = "LocalDateError";
    this.input = input;
  }
}

// Years 1..9999 keep the four-digit text form sortable as a plain string.
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Invalid year/month ${year}-${month}`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Builds a validated LocalDate from numeric parts. */
export function localDate(year: number, month: number, day: number): LocalDate {
  const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new LocalDateError(text, "year out of range 0001..9999");
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new LocalDateError(text, "no such month");
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new LocalDateError(text, "no such day in that month");
  }
  return text as LocalDate;
}

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates strict "YYYY-MM-DD" text naming a real calendar day. */
export function parseLocalDate(text: string): LocalDate {
  const m = LOCAL_DATE_RE.exec(text);
  if (!m) throw new LocalDateError(text, "expected YYYY-MM-DD");
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR) throw new LocalDateError(text, "year out of range 0001..9999");
  if (month < 1 || month > 12) throw new LocalDateError(text, "no such month");
  if (day < 1 || day > daysInMonth(year, month)) throw new LocalDateError(text, "no such day in that month");
  return text as LocalDate;
}

export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}

export function localDateParts(date: LocalDate): LocalDateParts {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01 (negative before). Hinnant's days_from_civil. */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = localDateParts(date);
  return epochDayOfParts(year, month, day);
}

/** toEpochDay of a date already split into its year, month (1–12) and day: for parsers that read digits in place. */
export function epochDayOfParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0, so the leap day ends the computational year
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toEpochDay. Hinnant's civil_from_days. */
export function fromEpochDay(epochDay: number): LocalDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`Invalid epoch day ${epochDay}`);
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return localDate(year, month, day);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`Invalid day count ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Signed number of days from `from` to `to` (positive when `to` is later). */
export function diffDays(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** -1, 0 or 1; the fixed-width text form sorts chronologically. */
export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday (4). */
export function weekday(date: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const mod = (((toEpochDay(date) + 3) % 7) + 7) % 7; // 0 = Monday
  return (mod + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
