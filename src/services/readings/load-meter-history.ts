// Meters' readings that count (accepted or awaiting review), oldest first, for many meters in one query.
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import { prepared } from "../../db/engines/prepared-statements.ts";
import type { ReadingKind } from "../../db/tables/metering.table.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import { quantityFromNumeric } from "../../domain/quantity.ts";

export interface HistoryRow {
  id: number;
  zone: number;
  kind: ReadingKind;
  value: bigint;
  deemedOn: LocalDate;
  period: string;
  receipt: string;
}

/** Keyed by "accountId:meterId". */
export async function loadMeterHistories(
  trx: Tx,
  meters: { accountId: number; meterId: number }[],
): Promise<Map<string, HistoryRow[]>> {
  const out = new Map<string, HistoryRow[]>(meters.map((m) => [`${m.accountId}:${m.meterId}`, []]));
  if (meters.length === 0) return out;
  const { rows } = await prepared(sql<{
    account_id: number;
    meter_id: number;
    id: number;
    zone: number;
    kind: ReadingKind;
    value: string;
    deemed_on: string;
    period: string;
    receipt: string;
  }>`
    select k.account_id, k.meter_id, r.id, r.zone, r.kind, r.value, r.deemed_on, r.period, r.receipt
    from unnest(${meters.map((m) => m.accountId)}::bigint[], ${meters.map((m) => m.meterId)}::bigint[])
      as k(account_id, meter_id)
    -- Meter by meter through both keys of the meter-history index. Joined instead, with the keys as two lists,
    -- the plan scanned every reading of the batch's accounts and matched each row against both lists: 5.9 ms
    -- against 1.0 ms for 14 meters. The account's list inside routes the statement to its shard on Citus.
    cross join lateral (
      select r.id, r.zone, r.kind, r.value, r.deemed_on, r.period, r.receipt
      from readings r
      where r.account_id = k.account_id and r.meter_id = k.meter_id
        and r.account_id = any(${meters.map((m) => m.accountId)}::bigint[])
        and r.status in ('accepted', 'pending_review')
    ) r
    order by k.account_id, k.meter_id, r.deemed_on, r.id`).execute(trx);
  for (const r of rows) {
    out.get(`${r.account_id}:${r.meter_id}`)?.push({
      id: r.id,
      zone: r.zone,
      kind: r.kind,
      value: quantityFromNumeric(r.value),
      deemedOn: r.deemed_on as LocalDate,
      period: r.period,
      receipt: r.receipt,
    });
  }
  return out;
}
