// When a provider's line (the contact centre, the voice bot) answers: its weekly hours per weekday, overridden on
// dated exceptions (a public holiday closed, a Saturday with shorter hours), all in Europe/Kyiv wall-clock time.
// "Is it open now, until when, and when does it next open?" is asked by the cabinet's contacts page, the voice bot
// and the messengers, so it is answered here once, for any instant.
import { kyivDateOf, kyivDateTime } from "./kyiv-time.ts";
import { addDays, type LocalDate, weekday } from "./local-date.ts";

/** "HH:MM", Kyiv time. */
export type TimeOfDay = string;

export interface DayHours {
  opens: TimeOfDay;
  closes: TimeOfDay;
}

export interface WeeklyHours extends DayHours {
  /** 1 = Monday … 7 = Sunday; a weekday not listed is closed. */
  weekday: number;
}

export interface DatedHours {
  date: LocalDate;
  /** The day's hours, or null: closed all day. */
  hours: DayHours | null;
}

export interface LineSchedule {
  weekly: readonly WeeklyHours[];
  exceptions: readonly DatedHours[];
}

export interface LineStatus {
  open: boolean;
  /** While open: when it closes. */
  closesAt: Date | null;
  /** While closed: when it opens next (null when it opens on none of the days looked at). */
  nextOpensAt: Date | null;
}

/** The article's hours of the voice bot, offered as the default for a line that has none yet. */
export const DEFAULT_DAY_HOURS: DayHours = { opens: "07:00", closes: "21:00" };

/** How far ahead "when does it next open" looks: a line closed longer than this is simply closed. */
const HORIZON_DAYS = 62;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isTimeOfDay = (text: string): boolean => HHMM.test(text);

/** Opening hours that make sense: two times of day, the closing one later the same day. */
export function isValidDayHours(h: DayHours): boolean {
  return isTimeOfDay(h.opens) && isTimeOfDay(h.closes) && h.closes > h.opens;
}

/** The hours of one Kyiv calendar day: its exception if there is one, else its weekday's; null when closed. */
export function hoursOn(schedule: LineSchedule, date: LocalDate): DayHours | null {
  const exception = schedule.exceptions.find((e) => e.date === date);
  if (exception) return exception.hours;
  const day = weekday(date);
  const weekly = schedule.weekly.find((w) => w.weekday === day);
  return weekly ? { opens: weekly.opens, closes: weekly.closes } : null;
}

/** Whether the line answers at `at`, until when, or when it next opens. */
export function lineStatusAt(schedule: LineSchedule, at: Date): LineStatus {
  const today = kyivDateOf(at);
  const now = at.getTime();
  const hours = hoursOn(schedule, today);
  if (hours) {
    const opens = kyivDateTime(today, hours.opens);
    const closes = kyivDateTime(today, hours.closes);
    if (now >= opens.getTime() && now < closes.getTime())
      return { open: true, closesAt: closes, nextOpensAt: null };
    if (now < opens.getTime()) return { open: false, closesAt: null, nextOpensAt: opens };
  }
  for (let i = 1; i <= HORIZON_DAYS; i++) {
    const date = addDays(today, i);
    const next = hoursOn(schedule, date);
    if (next) return { open: false, closesAt: null, nextOpensAt: kyivDateTime(date, next.opens) };
  }
  return { open: false, closesAt: null, nextOpensAt: null };
}
