// How to reach the providers a person deals with (visible-providers.ts): the contact centre's phones and its
// opening hours per weekday, the voice bot's hours where there is one, the days ahead with other hours (holidays,
// shortened days), whether each line answers right now (Kyiv time), and the channels the provider takes readings
// through.

import type { Channel } from "../../db/tables/reference.table.ts";
import { lineStatusAt } from "../../domain/contact-hours.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { Translated } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import {
  type HoursExceptionView,
  type LineStatusView,
  lineSchedule,
  loadContactSchedules,
  statusView,
} from "./contact-schedule.ts";
import { visibleProviderIds } from "./visible-providers.ts";

export interface OpeningHours {
  /** 1 = Monday … 7 = Sunday; a day not listed is closed. */
  weekday: number;
  /** "08:00", Kyiv time. */
  opens: string;
  closes: string;
}

export interface ProviderContacts {
  id: number;
  code: string;
  name: Translated;
  /** "+380676526000". */
  phones: string[];
  channels: Channel[];
  contactCentre: OpeningHours[];
  /** The voice bot's hours; empty when the provider has none. */
  voice: OpeningHours[];
  /** Days from today on with other hours than their weekday's, or closed, either line. */
  exceptions: HoursExceptionView[];
  /** Whether each line answers now, until when, or when it next opens. */
  now: { contactCentre: LineStatusView; voice: LineStatusView };
}

export async function listProviderContacts(
  deps: Deps,
  options: { actor: Actor },
): Promise<ProviderContacts[]> {
  const { db } = deps.database;
  const ids = await visibleProviderIds(deps, options.actor);
  let providers = db
    .selectFrom("providers")
    .select(["id", "code", "name_uk", "name_ru", "name_en", "contact_phones", "channels"]);
  if (ids !== null) providers = providers.where("id", "in", ids);
  const rows = await providers.orderBy("id").execute();
  const now = deps.now();
  const schedules = await loadContactSchedules(
    deps,
    rows.map((r) => r.id),
    kyivDateOf(now),
  );
  return rows.map((r) => {
    const schedule = schedules.get(r.id) ?? { hours: [], exceptions: [] };
    const line = (name: "contact_centre" | "voice") =>
      schedule.hours
        .filter((h) => h.line === name)
        .map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes }));
    return {
      id: r.id,
      code: r.code,
      name: { uk: r.name_uk, ru: r.name_ru, en: r.name_en },
      phones: r.contact_phones,
      channels: r.channels,
      contactCentre: line("contact_centre"),
      voice: line("voice"),
      exceptions: schedule.exceptions,
      now: {
        contactCentre: statusView(lineStatusAt(lineSchedule(schedule, "contact_centre"), now)),
        voice: statusView(lineStatusAt(lineSchedule(schedule, "voice"), now)),
      },
    };
  });
}
