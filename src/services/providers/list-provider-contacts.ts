// How to reach the providers a person deals with (visible-providers.ts): the contact centre's phones and its
// opening hours per weekday, the voice bot's hours where there is one, and the channels the provider takes
// readings through.
import type { Channel } from "../../db/tables/reference.table.ts";
import type { Translated } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
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
}

/** "08:00:00" as the database gives a time → "08:00". */
const hhmm = (time: string) => time.slice(0, 5);

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
  if (rows.length === 0) return [];
  const hours = await db
    .selectFrom("provider_hours")
    .select(["provider_id", "line", "weekday", "opens", "closes"])
    .where(
      "provider_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("provider_id")
    .orderBy("weekday")
    .execute();
  return rows.map((r) => {
    const own = hours.filter((h) => h.provider_id === r.id);
    const line = (name: "contact_centre" | "voice") =>
      own
        .filter((h) => h.line === name)
        .map((h) => ({ weekday: h.weekday, opens: hhmm(String(h.opens)), closes: hhmm(String(h.closes)) }));
    return {
      id: r.id,
      code: r.code,
      name: { uk: r.name_uk, ru: r.name_ru, en: r.name_en },
      phones: r.contact_phones,
      channels: r.channels,
      contactCentre: line("contact_centre"),
      voice: line("voice"),
    };
  });
}
