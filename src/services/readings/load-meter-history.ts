// A meter's readings that count (accepted or awaiting review), oldest first, per zone.
import type { Tx } from "../../db/database.ts";
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

export async function loadMeterHistory(trx: Tx, accountId: number, meterId: number): Promise<HistoryRow[]> {
  const rows = await trx
    .selectFrom("readings")
    .select(["id", "zone", "kind", "value", "deemed_on", "period", "receipt"])
    .where("account_id", "=", accountId)
    .where("meter_id", "=", meterId)
    .where("status", "in", ["accepted", "pending_review"])
    .orderBy("deemed_on")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    zone: r.zone,
    kind: r.kind,
    value: quantityFromNumeric(r.value),
    deemedOn: r.deemed_on as LocalDate,
    period: r.period,
    receipt: r.receipt,
  }));
}
