// The contact centre's and the voice bot's schedules as stored: weekly hours per weekday and the dated exceptions
// (holidays, shortened days) from a day on, for any number of providers in two queries. What a line's status is
// at an instant is the domain's answer (domain/contact-hours.ts), given these.
import type { LineSchedule, LineStatus } from "../../domain/contact-hours.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import type { Translated } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";

export type ContactLine = "contact_centre" | "voice";
export const CONTACT_LINES: readonly ContactLine[] = ["contact_centre", "voice"];

export interface WeeklyHoursView {
  line: ContactLine;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** "08:00", Kyiv time. */
  opens: string;
  closes: string;
}

export interface HoursExceptionView {
  date: string;
  line: ContactLine;
  /** Both null: closed all day. */
  opens: string | null;
  closes: string | null;
  note: Translated;
}

export interface LineStatusView {
  open: boolean;
  closesAt: string | null;
  nextOpensAt: string | null;
}

export interface ContactSchedule {
  hours: WeeklyHoursView[];
  exceptions: HoursExceptionView[];
}

/** "08:00:00" as the database gives a time → "08:00". */
const hhmm = (time: unknown) => String(time).slice(0, 5);

/** Each provider's weekly hours and its exceptions dated `from` or later, by provider id. */
export async function loadContactSchedules(
  deps: Deps,
  providerIds: number[],
  from: LocalDate,
): Promise<Map<number, ContactSchedule>> {
  const out = new Map<number, ContactSchedule>(providerIds.map((id) => [id, { hours: [], exceptions: [] }]));
  if (providerIds.length === 0) return out;
  const { db } = deps.database;
  const [hours, exceptions] = await Promise.all([
    db
      .selectFrom("provider_hours")
      .select(["provider_id", "line", "weekday", "opens", "closes"])
      .where("provider_id", "in", providerIds)
      .orderBy("provider_id")
      .orderBy("line")
      .orderBy("weekday")
      .execute(),
    db
      .selectFrom("provider_hours_exceptions")
      .select(["provider_id", "day", "line", "opens", "closes", "note_uk", "note_ru", "note_en"])
      .where("provider_id", "in", providerIds)
      .where("day", ">=", from)
      .orderBy("provider_id")
      .orderBy("day")
      .orderBy("line")
      .execute(),
  ]);
  for (const h of hours)
    out.get(h.provider_id)?.hours.push({
      line: h.line,
      weekday: h.weekday,
      opens: hhmm(h.opens),
      closes: hhmm(h.closes),
    });
  for (const e of exceptions)
    out.get(e.provider_id)?.exceptions.push({
      date: String(e.day),
      line: e.line,
      opens: e.opens === null ? null : hhmm(e.opens),
      closes: e.closes === null ? null : hhmm(e.closes),
      note: { uk: e.note_uk, ru: e.note_ru, en: e.note_en },
    });
  return out;
}

/** One line's schedule, for the domain's questions. */
export function lineSchedule(schedule: ContactSchedule, line: ContactLine): LineSchedule {
  return {
    weekly: schedule.hours.filter((h) => h.line === line),
    exceptions: schedule.exceptions
      .filter((e) => e.line === line)
      .map((e) => ({
        date: e.date as LocalDate,
        hours: e.opens !== null && e.closes !== null ? { opens: e.opens, closes: e.closes } : null,
      })),
  };
}

export function statusView(s: LineStatus): LineStatusView {
  return {
    open: s.open,
    closesAt: s.closesAt?.toISOString() ?? null,
    nextOpensAt: s.nextOpensAt?.toISOString() ?? null,
  };
}
