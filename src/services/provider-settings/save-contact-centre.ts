// An administrator sets how residents reach the provider: the contact centre's phones, the weekly hours of the
// contact centre and of the voice bot (a weekday not listed is closed), and the dated exceptions — the weekend and
// holiday schedule — from today on. The whole set is replaced at once, in one transaction; exceptions of days
// already past are history and stay as they were.
import { isValidDayHours } from "../../domain/contact-hours.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { type LocalDate, parseLocalDate } from "../../domain/local-date.ts";
import { normalizeUkrainianPhone } from "../../domain/phone.ts";
import { formatDate } from "../../i18n/format.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError, inEveryLocale } from "../errors.ts";
import type { ContactLine } from "../providers/contact-schedule.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { type ContactCentreSettings, contactCentreOf } from "./get-contact-centre.ts";

export interface SaveContactCentreOptions {
  actor: Actor;
  provider: string;
  phones: string[];
  hours: { line: ContactLine; weekday: number; opens: string; closes: string }[];
  exceptions: {
    date: string;
    line: ContactLine;
    /** Both absent or null: closed all day. */
    opens?: string | null | undefined;
    closes?: string | null | undefined;
    note?: { uk?: string | undefined; ru?: string | undefined; en?: string | undefined } | undefined;
  }[];
}

function phonesOf(given: string[]): string[] {
  const out: string[] = [];
  given.forEach((text, index) => {
    if (text.trim() === "") return;
    const phone = normalizeUkrainianPhone(text);
    if (!phone)
      throw new AppError("contact_phone_invalid", { phone: text.trim() }, { field: "phones", index });
    if (!out.includes(phone)) out.push(phone);
  });
  return out;
}

const LINE_NAMES = {
  contact_centre: { uk: "контакт-центр", ru: "контакт-центр", en: "contact centre" },
  voice: { uk: "голосовий бот", ru: "голосовой бот", en: "voice bot" },
};
const WEEKDAY_NAMES = {
  uk: ["понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя"],
  ru: ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

/** "контакт-центр, вівторок" in each language, for a message about one line's weekday. */
const dayName = (line: ContactLine, weekday: number) =>
  inEveryLocale((l) => `${LINE_NAMES[line][l]}, ${WEEKDAY_NAMES[l][weekday - 1] ?? weekday}`);

function checkHours(hours: SaveContactCentreOptions["hours"]): void {
  const seen = new Set<string>();
  hours.forEach((h, index) => {
    const params = { day: dayName(h.line, h.weekday) };
    if (!isValidDayHours(h)) throw new AppError("contact_hours_invalid", params, { field: "hours", index });
    const key = `${h.line}:${h.weekday}`;
    if (seen.has(key)) throw new AppError("contact_hours_repeated", params, { field: "hours", index });
    seen.add(key);
  });
}

function exceptionRows(providerId: number, given: SaveContactCentreOptions["exceptions"], today: LocalDate) {
  const seen = new Set<string>();
  return given.map((e, index) => {
    let date: LocalDate;
    try {
      date = parseLocalDate(e.date);
    } catch {
      throw new AppError(
        "validation_failed",
        { details: `exceptions.${index}.date` },
        { field: "exceptions", index, rule: "date" },
      );
    }
    const shown = inEveryLocale((l) => formatDate(date, l));
    if (date < today)
      throw new AppError("hours_exception_in_past", { date: shown }, { field: "exceptions", index });
    const closed = !e.opens && !e.closes;
    if (!closed && !isValidDayHours({ opens: e.opens ?? "", closes: e.closes ?? "" }))
      throw new AppError("hours_exception_invalid", { date: shown }, { field: "exceptions", index });
    const key = `${e.line}:${date}`;
    if (seen.has(key))
      throw new AppError("hours_exception_repeated", { date: shown }, { field: "exceptions", index });
    seen.add(key);
    const uk = e.note?.uk?.trim() ?? "";
    return {
      provider_id: providerId,
      day: date,
      line: e.line,
      opens: closed ? null : e.opens!,
      closes: closed ? null : e.closes!,
      note_uk: uk,
      // A note left empty in Russian or English reads as the Ukrainian one, as the news do.
      note_ru: e.note?.ru?.trim() || uk,
      note_en: e.note?.en?.trim() || uk,
    };
  });
}

export async function saveContactCentre(
  deps: Deps,
  o: SaveContactCentreOptions,
): Promise<ContactCentreSettings> {
  const provider = await findProviderForActor(deps, o.actor, o.provider);
  const today = kyivDateOf(deps.now());
  const phones = phonesOf(o.phones);
  checkHours(o.hours);
  const exceptions = exceptionRows(provider.id, o.exceptions, today);
  await deps.database.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("providers")
      .set({ contact_phones: phones })
      .where("id", "=", provider.id)
      .execute();
    await trx.deleteFrom("provider_hours").where("provider_id", "=", provider.id).execute();
    if (o.hours.length > 0)
      await trx
        .insertInto("provider_hours")
        .values(o.hours.map((h) => ({ provider_id: provider.id, ...h })))
        .execute();
    await trx
      .deleteFrom("provider_hours_exceptions")
      .where("provider_id", "=", provider.id)
      .where("day", ">=", today)
      .execute();
    if (exceptions.length > 0) await trx.insertInto("provider_hours_exceptions").values(exceptions).execute();
  });
  return contactCentreOf(deps, provider);
}
