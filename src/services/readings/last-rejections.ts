// The readings an operator rejected that the resident has not answered yet (nothing sent for that meter zone since
// the decision), with the reason they were given: what the cabinet shows beside the meter until a new reading comes.
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { dialText } from "./dial-text.ts";

export interface RejectedReading {
  zone: number;
  value: string;
  deemedOn: string;
  /** YYYY-MM. */
  period: string;
  receipt: string;
  /** What the operator wrote to the resident. */
  reason: string | null;
  reviewedAt: string;
}

/** Keyed by meter id. */
export async function lastRejections(
  db: Db,
  accountId: number,
  meters: readonly { id: number; decimals: number }[],
): Promise<Map<number, RejectedReading[]>> {
  const out = new Map<number, RejectedReading[]>(meters.map((m) => [m.id, []]));
  if (meters.length === 0) return out;
  const { rows } = await sql<{
    meter_id: number;
    zone: number;
    value: string;
    deemed_on: string;
    period: string;
    receipt: string;
    review_note: string | null;
    reviewed_at: Date;
  }>`
    select distinct on (r.meter_id, r.zone) r.meter_id, r.zone, r.value, r.deemed_on, r.period, r.receipt,
           r.review_note, r.reviewed_at
    from readings r
    where r.account_id = ${accountId}::bigint and r.meter_id = any(${meters.map((m) => m.id)}::bigint[])
      and r.status = 'rejected' and r.reviewed_at is not null
      and not exists (
        select 1 from readings c
        where c.account_id = ${accountId}::bigint and c.meter_id = r.meter_id and c.zone = r.zone
          and c.status in ('accepted', 'pending_review') and c.submitted_at > r.reviewed_at)
    order by r.meter_id, r.zone, r.reviewed_at desc, r.id desc`.execute(db);
  for (const r of rows) {
    const decimals = meters.find((m) => m.id === r.meter_id)?.decimals ?? 0;
    out.get(r.meter_id)?.push({
      zone: r.zone,
      value: dialText(r.value, decimals),
      deemedOn: r.deemed_on,
      period: r.period.slice(0, 7),
      receipt: r.receipt,
      reason: r.review_note,
      reviewedAt: r.reviewed_at.toISOString(),
    });
  }
  return out;
}
