// Europe/Kyiv civil time from the host's ICU time-zone data (no library).
// Kyiv is UTC+2 in winter and UTC+3 in summer; clocks go forward on the last
// Sunday of March at 03:00 and back on the last Sunday of October at 04:00.
// Instants are Date values; Kyiv calendar days are LocalDate strings.

import { type LocalDate, localDate, localDateParts } from "./local-date.ts";

export const KYIV_TZ = "Europe/Kyiv";

// ICU renamed the zone in 2022; older data only knows the former name.
function supportedZoneId(): string {
  for (const id of [KYIV_TZ, "Europe/Kiev"]) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: id });
      return id;
    } catch {
      // not in this ICU build; try the next name
    }
  }
  throw new Error("This runtime's ICU data knows neither Europe/Kyiv nor Europe/Kiev");
}

/** The zone id actually handed to Intl on this runtime. */
export const KYIV_TZ_ICU = supportedZoneId();

// Creating a DateTimeFormat is costly; one shared instance serves every call.
const formatter = new Intl.DateTimeFormat("en-US", {
  timeZone: KYIV_TZ_ICU,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

export interface KyivParts {
  date: LocalDate;
  hour: number;
  minute: number;
  second: number;
}

function checkInstant(instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError("Invalid Date");
  return t;
}

/** Kyiv wall-clock reading at an instant, from the formatter (slow: it formats to text and reads it back). */
export function formattedPartsOf(t: number): KyivParts {
  const f: Record<string, number> = {};
  for (const part of formatter.formatToParts(t)) {
    if (part.type !== "literal") f[part.type] = Number(part.value);
  }
  return {
    date: localDate(f["year"] ?? Number.NaN, f["month"] ?? Number.NaN, f["day"] ?? Number.NaN),
    hour: f["hour"] ?? Number.NaN,
    minute: f["minute"] ?? Number.NaN,
    second: f["second"] ?? Number.NaN,
  };
}

const HOUR = 3_600_000;

function offsetAtWholeSecond(t: number): number {
  const p = formattedPartsOf(t);
  const { year, month, day } = localDateParts(p.date);
  return Date.UTC(year, month - 1, day, p.hour, p.minute, p.second) - t;
}

// Kyiv's offset by UTC hour. Its changes fall on whole UTC hours (summer time begins and ends at 01:00 UTC), so
// within an hour the offset is one number and the wall clock is plain arithmetic; an hour whose two ends disagree
// (a change inside it, as with the old local mean time) is marked null and read from the formatter. Formatting
// took a fiftieth of the server's time on the readings path, asked "what day is it in Kyiv" for every submission.
const offsetsByHour = new Map<number, number | null>();

function offsetForHour(hourStart: number): number | null {
  let offset = offsetsByHour.get(hourStart);
  if (offset === undefined) {
    const first = offsetAtWholeSecond(hourStart);
    offset = first === offsetAtWholeSecond(hourStart + HOUR - 1000) ? first : null;
    if (offsetsByHour.size >= 4096) offsetsByHour.clear();
    offsetsByHour.set(hourStart, offset);
  }
  return offset;
}

/** Kyiv wall-clock reading at an instant. */
export function kyivPartsOf(instant: Date): KyivParts {
  const t = checkInstant(instant);
  const hourStart = Math.floor(t / HOUR) * HOUR;
  const offset = offsetForHour(hourStart);
  if (offset === null) return formattedPartsOf(t);
  const wall = new Date(t + offset);
  return {
    date: localDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** The Kyiv calendar date at an instant. */
export function kyivDateOf(instant: Date): LocalDate {
  return kyivPartsOf(instant).date;
}

/** Kyiv's offset from UTC at an instant, in minutes (120 in winter, 180 in summer). */
export function kyivOffsetMinutes(instant: Date): number {
  const t = checkInstant(instant);
  const p = kyivPartsOf(instant);
  const { year, month, day } = localDateParts(p.date);
  const wall = Date.UTC(year, month - 1, day, p.hour, p.minute, p.second);
  // The formatter drops milliseconds, so compare against the whole second.
  return Math.round((wall - (t - (((t % 1000) + 1000) % 1000))) / 60_000);
}

/** Wall-clock fields read as if they were UTC; the starting point of the offset search. */
function wallAsUtc(date: LocalDate, hour: number, minute: number): number {
  const { year, month, day } = localDateParts(date);
  return Date.UTC(year, month - 1, day, hour, minute);
}

function sameWall(instant: number, date: LocalDate, hour: number, minute: number): boolean {
  const p = kyivPartsOf(new Date(instant));
  return p.date === date && p.hour === hour && p.minute === minute && p.second === 0;
}

/**
 * The instant a Kyiv wall-clock time occurs. The offset is one of the offsets in
 * force a day before or a day after; a time that occurs twice (autumn) resolves to
 * the earlier instant, and a time skipped by the spring jump to the moment right
 * after the jump — so a day always starts at its first existing instant.
 */
function kyivWallToInstant(date: LocalDate, hour: number, minute: number): Date {
  const wall = wallAsUtc(date, hour, minute);
  const day = 86_400_000;
  const before = kyivOffsetMinutes(new Date(wall - day)) * 60_000;
  const after = kyivOffsetMinutes(new Date(wall + day)) * 60_000;
  const candidates = [wall - before, wall - after].filter((t) => sameWall(t, date, hour, minute));
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // Skipped time: keep the earlier offset, which lands just past the gap.
  return new Date(wall - before);
}

// Window arithmetic asks for the same few midnights over and over; the answer for a date never changes.
const midnights = new Map<LocalDate, number>();

/** The instant the Kyiv calendar day `date` begins. */
export function kyivMidnight(date: LocalDate): Date {
  let t = midnights.get(date);
  if (t === undefined) {
    t = kyivWallToInstant(date, 0, 0).getTime();
    if (midnights.size >= 4096) midnights.clear();
    midnights.set(date, t);
  }
  return new Date(t);
}

const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant of a Kyiv wall-clock time "HH:MM" (00:00..23:59) on `date`. */
export function kyivDateTime(date: LocalDate, hhmm: string): Date {
  const m = HHMM_RE.exec(hhmm);
  if (!m) throw new RangeError(`Invalid time of day ${JSON.stringify(hhmm)}: expected HH:MM`);
  return kyivWallToInstant(date, Number(m[1]), Number(m[2]));
}
