// The operator's queue of readings flagged as implausible (status pending_review), oldest first, one item per
// submission (the zones of a multi-zone meter were judged together, so they are decided together). Each item
// carries what the operator needs to judge it without opening the account: who and where, the meter, the value
// against the previous reading, and the use the meter's own history would predict for the same days.
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import type { Channel } from "../../db/tables/reference.table.ts";
import { averageDailyUse, expectedUse } from "../../domain/average-consumption.ts";
import { consumptionBetween } from "../../domain/consumption.ts";
import { addDays, diffDays, type LocalDate } from "../../domain/local-date.ts";
import { quantityFromNumeric } from "../../domain/quantity.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { dialText, dialTextOf } from "../readings/dial-text.ts";
import { type HistoryRow, loadMeterHistories } from "../readings/load-meter-history.ts";

export interface ReviewZone {
  readingId: number;
  zone: number;
  value: string;
  /** The reading before it that the plausibility check measured from (null: none). */
  previous: { value: string; deemedOn: string } | null;
  /** Use since the previous reading, in the meter's units (thousandths shown as the dial shows them). */
  consumption: string | null;
  /** The use the meter's own average predicts for the same days (null: not enough history). */
  usual: string | null;
}

export interface ReadingToReview {
  /** The submission's first reading: the id accept and reject take. */
  readingId: number;
  accountId: number;
  accountNumber: string;
  holderName: string;
  providerCode: string;
  address: {
    settlement: { uk: string; ru: string; en: string };
    street: string;
    building: string;
    apartment: string | null;
  };
  meter: { id: number; serial: string; service: string; zones: number; decimals: number };
  period: string;
  deemedOn: string;
  submittedAt: string;
  channel: Channel;
  receipt: string;
  /** Why it was flagged: above_own_average or above_service_limit. */
  reviewReason: string | null;
  zones: ReviewZone[];
}

export interface ReviewQueue {
  readings: ReadingToReview[];
  /** The `after` of the next page; null when this is the last. */
  next: number | null;
}

interface Row {
  account_id: number;
  id: number;
  meter_id: number;
  zone: number;
  value: string;
  deemed_on: string;
  period: string;
  submitted_at: Date;
  channel: Channel;
  receipt: string;
  review_reason: string | null;
  submission_id: string;
  number: string;
  holder_name: string;
  provider_code: string;
  s_uk: string;
  s_ru: string;
  s_en: string;
  street: string;
  building: string;
  apartment: string | null;
  serial: string;
  service_code: string;
  zones: number;
  digits: number;
  decimals: number;
}

export async function listReadingsToReview(
  deps: Deps,
  options: { actor: Actor; limit: number; after?: number | undefined },
): Promise<ReviewQueue> {
  const { actor, limit } = options;
  // Staff see their own provider's queue, a platform administrator every provider's.
  const provider = actor.kind === "staff" ? sql`and r.provider_id = ${actor.providerId}::int` : sql``;
  return deps.database.db.transaction().execute(async (trx) => {
    const { rows: submissions } = await sql<{ account_id: number; submission_id: string; first_id: number }>`
      select r.account_id, r.submission_id, min(r.id) as first_id
      from readings r
      where r.status = 'pending_review' ${provider}
      group by r.account_id, r.submission_id
      having min(r.id) > ${options.after ?? 0}::bigint
      order by min(r.id)
      limit ${limit + 1}`.execute(trx);
    const page = submissions.slice(0, limit);
    if (page.length === 0) return { readings: [], next: null };
    const { rows } = await sql<Row>`
      select r.account_id, r.id, r.meter_id, r.zone, r.value, r.deemed_on, r.period, r.submitted_at, r.channel,
             r.receipt, r.review_reason, r.submission_id, a.number, a.holder_name, pr.code as provider_code,
             s.name_uk as s_uk, s.name_ru as s_ru, s.name_en as s_en, p.street, p.building, p.apartment,
             m.serial, m.service_code, m.zones, m.digits, m.decimals
      from readings r
      join accounts a on a.id = r.account_id
      join meters m on m.account_id = r.account_id and m.id = r.meter_id
      join providers pr on pr.id = a.provider_id
      join premises p on p.id = a.premise_id
      join settlements s on s.id = p.settlement_id
      where r.account_id = any(${page.map((s) => s.account_id)}::bigint[])
        and r.submission_id = any(${page.map((s) => s.submission_id)}::uuid[])
        and r.status = 'pending_review'
      order by r.id`.execute(trx);
    const histories = await loadMeterHistories(
      trx as Tx,
      [...new Map(rows.map((r) => [`${r.account_id}:${r.meter_id}`, r])).values()].map((r) => ({
        accountId: r.account_id,
        meterId: r.meter_id,
      })),
    );
    const readings = page.flatMap((s) => {
      const zones = rows.filter((r) => r.account_id === s.account_id && r.submission_id === s.submission_id);
      const first = zones[0];
      if (!first) return [];
      const history = histories.get(`${first.account_id}:${first.meter_id}`) ?? [];
      return [
        {
          readingId: s.first_id,
          accountId: first.account_id,
          accountNumber: first.number,
          holderName: first.holder_name,
          providerCode: first.provider_code,
          address: {
            settlement: { uk: first.s_uk, ru: first.s_ru, en: first.s_en },
            street: first.street,
            building: first.building,
            apartment: first.apartment,
          },
          meter: {
            id: first.meter_id,
            serial: first.serial,
            service: first.service_code,
            zones: first.zones,
            decimals: first.decimals,
          },
          period: first.period.slice(0, 7),
          deemedOn: first.deemed_on,
          submittedAt: first.submitted_at.toISOString(),
          channel: first.channel,
          receipt: first.receipt,
          reviewReason: first.review_reason,
          zones: zones.map((z) => judge(z, history)),
        },
      ];
    });
    return { readings, next: submissions.length > limit ? page.at(-1)!.first_id : null };
  });
}

/** The zone's figures as the plausibility check saw them (decide-submission.ts): the readings before it. */
function judge(z: Row, history: HistoryRow[]): ReviewZone {
  const dial = { digits: z.digits, decimals: z.decimals };
  const deemedOn = z.deemed_on as LocalDate;
  const value = quantityFromNumeric(z.value);
  const earlier = history.filter(
    (h) =>
      h.zone === z.zone &&
      h.id !== z.id &&
      !(h.kind === "regular" && h.period >= z.period) &&
      h.deemedOn <= deemedOn &&
      h.kind !== "final",
  );
  const previous = earlier.at(-1);
  let consumption: string | null = null;
  let usual: string | null = null;
  if (previous) {
    const c = consumptionBetween(previous.value, value, dial);
    if (c.kind !== "decrease") consumption = dialTextOf(c.used, 3);
    const avg = averageDailyUse(
      earlier.map((h) => ({ deemedOn: h.deemedOn, value: h.value, kind: h.kind })),
      dial,
      { from: addDays(deemedOn, -400), to: deemedOn },
    );
    if (avg) usual = dialTextOf(expectedUse(avg, Math.max(1, diffDays(previous.deemedOn, deemedOn))), 3);
  }
  return {
    readingId: z.id,
    zone: z.zone,
    value: dialText(z.value, z.decimals),
    previous: previous
      ? { value: dialTextOf(previous.value, z.decimals), deemedOn: previous.deemedOn }
      : null,
    consumption,
    usual,
  };
}
