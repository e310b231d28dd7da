// The daily window notifications: "the window is open" to everyone with a meter the window takes readings for,
// and "two days left" to those of them with no reading for the period yet. One set-based statement per provider,
// service and settlement (notify.ts); the event keys make the job safe to run again the same day, or every hour.
import { sql } from "kysely";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { diffDays } from "../../domain/local-date.ts";
import { type WindowOccurrence, windowStatus } from "../../domain/submission-window.ts";
import { formatDate } from "../../i18n/format.ts";
import { inEveryLocale } from "../../i18n/messages.ts";
import type { Deps } from "../deps.ts";
import { outboxWritten } from "../outbox/outbox-signal.ts";
import { ANY_DAY, findWindowRule } from "../readings/find-window-rule.ts";
import { notify } from "./notify.ts";

/** "Two days left" goes when the window closes within this many days (and not on its first day). */
export const CLOSING_SOON_DAYS = 2;

export interface WindowNotificationsResult {
  /** Provider, service and settlement windows open today. */
  windows: number;
  opens: number;
  closes: number;
}

/** Notifies for every window open at deps.now(); returns how many messages were queued. */
export async function notifyWindows(
  deps: Deps,
  options: { providerId?: number } = {},
): Promise<WindowNotificationsResult> {
  const { db } = deps.database;
  const now = deps.now();
  const today = kyivDateOf(now);
  let served = db
    .selectFrom("provider_services as ps")
    .innerJoin("providers as p", "p.id", "ps.provider_id")
    .innerJoin("services as s", "s.code", "ps.service_code")
    .select([
      "ps.provider_id",
      "ps.service_code",
      "ps.settlement_id",
      "p.name_uk as provider_uk",
      "p.name_ru as provider_ru",
      "p.name_en as provider_en",
      "s.name_uk as service_uk",
      "s.name_ru as service_ru",
      "s.name_en as service_en",
    ])
    .orderBy("ps.provider_id")
    .orderBy("ps.service_code")
    .orderBy("ps.settlement_id");
  if (options.providerId !== undefined) served = served.where("ps.provider_id", "=", options.providerId);
  const result = { windows: 0, opens: 0, closes: 0 };
  // Settlements whose window is the same occurrence are told in one statement: the provider's accounts are read
  // once, not once per settlement.
  const groups = new Map<string, { row: ServedRow; occurrence: WindowOccurrence; settlements: number[] }>();
  for (const row of await served.execute()) {
    const rule = await findWindowRule(db, {
      providerId: row.provider_id,
      service: row.service_code,
      settlementId: row.settlement_id,
      today,
    });
    // Without a window of its own a provider takes readings any day: nothing opens, nothing to remind of.
    if (rule === ANY_DAY) continue;
    const occurrence = windowStatus(rule, now).current;
    if (!occurrence) continue;
    result.windows++;
    const key = `${row.provider_id}:${row.service_code}:${occurrence.period}:${occurrence.opensOn}:${occurrence.closesOn}`;
    const group = groups.get(key) ?? { row, occurrence, settlements: [] };
    group.settlements.push(row.settlement_id);
    groups.set(key, group);
  }
  for (const { row, occurrence, settlements } of groups.values()) {
    const params = {
      provider: { uk: row.provider_uk, ru: row.provider_ru, en: row.provider_en },
      service: {
        uk: row.service_uk.toLocaleLowerCase("uk"),
        ru: row.service_ru.toLocaleLowerCase("ru"),
        en: row.service_en.toLocaleLowerCase("en"),
      },
      closesOn: inEveryLocale((l) => formatDate(occurrence.closesOn, l)),
    };
    const where = {
      providerId: row.provider_id,
      service: row.service_code,
      settlements,
      period: occurrence.period,
    };
    result.opens += await notify(db, {
      template: "window_opens",
      params,
      recipients: windowRecipients(where, "window_opens", false),
      now,
    });
    if (diffDays(today, occurrence.closesOn) <= CLOSING_SOON_DAYS && today !== occurrence.opensOn) {
      result.closes += await notify(db, {
        template: "window_closes",
        params,
        recipients: windowRecipients(where, "window_closes", true),
        now,
      });
    }
  }
  if (result.opens + result.closes > 0) outboxWritten(deps);
  return result;
}

type ServedRow = {
  provider_id: number;
  service_code: string;
  settlement_id: number;
  provider_uk: string;
  provider_ru: string;
  provider_en: string;
  service_uk: string;
  service_ru: string;
  service_en: string;
};

/**
 * The people linked to an open account of the provider in the settlements with a meter of the service in use; with
 * `missing`, only those with such a meter that has no reading for the period yet. The event key names the
 * person's settlement: window_opens:<provider>:<service>:<settlement>:<YYYY-MM>.
 */
function windowRecipients(
  where: { providerId: number; service: string; settlements: number[]; period: string },
  event: "window_opens" | "window_closes",
  missing: boolean,
) {
  const noReading = missing
    ? sql`and not exists (
        select 1 from readings r
        where r.account_id = m.account_id and r.meter_id = m.id and r.period = ${`${where.period}-01`}::date
          and r.status in ('accepted', 'pending_review'))`
    : sql``;
  return sql`
    select distinct ua.user_id,
      ${`${event}:${where.providerId}:${where.service}:`}::text || p.settlement_id || ${`:${where.period}`}::text
        as event_key,
      '{}'::jsonb as row_params
    from accounts a
    join premises p on p.id = a.premise_id
    join user_accounts ua on ua.account_id = a.id
    where a.provider_id = ${where.providerId} and p.settlement_id = any(${where.settlements}::int[])
      and a.closed_on is null
      and exists (
        select 1 from meters m
        where m.account_id = a.id and m.service_code = ${where.service} and m.removed_on is null ${noReading})`;
}
