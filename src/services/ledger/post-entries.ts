// The one way entries reach the ledger, whatever channel brings them (billing run, payment gateway, bank
// registry, operator adjustment): one insert statement for the whole batch, in the caller's transaction.
// An entry whose (account, source, source_ref) is already posted is skipped, so a gateway's repeated
// callback or a registry loaded twice posts each payment once; entries without a source_ref always post. The key
// also holds the period (the table is partitioned by it, migration 0014): a source_ref must fix its period.
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import { ensurePeriodPartitions } from "../../db/period-partitions.ts";
import type { LedgerKind, LedgerSource } from "../../db/tables/money.table.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { paymentNotificationSteps } from "../notifications/money-notifications.ts";

export interface NewLedgerEntry {
  account_id: number;
  provider_id: number;
  service_code: ServiceCode | null;
  /** The period's first day, YYYY-MM-01. */
  period: string;
  kind: LedgerKind;
  /** Positive: debt; negative: paid off (a payment is always negative). */
  amount_kop: number;
  /** The accounting date in Kyiv time, YYYY-MM-DD. */
  entry_date: string;
  source: LedgerSource;
  /** The source's own id; null only where a repeat cannot happen (the entry is then never deduplicated). */
  source_ref: string | null;
  details?: Record<string, unknown> | null;
}

/** Returns how many of `entries` were new; the rest were posted before (or earlier in the same batch). */
export async function postLedgerEntries(
  trx: Tx,
  entries: readonly NewLedgerEntry[],
  now: Date = new Date(),
): Promise<number> {
  if (entries.length === 0) return 0;
  await ensurePeriodPartitions(
    trx,
    "ledger_entries",
    entries.map((e) => e.period),
  );
  const column = <T>(pick: (e: NewLedgerEntry) => T) => entries.map(pick);
  // A payment is told to the account's people in this same statement (services/notifications); a batch without one
  // (a reversal, an adjustment) carries no notification steps at all.
  const paid = [...new Set(entries.filter((e) => e.kind === "payment").map((e) => e.account_id))];
  const told = paid.length > 0 ? sql`, ${paymentNotificationSteps("inserted", paid, now)}` : sql``;
  // Arrays unnested into rows: a fixed number of parameters however long the batch (a bank registry may
  // hold tens of thousands of lines; a VALUES list would run out of bind parameters at 65 535).
  const { rows } = await sql<{ inserted: number }>`
    with inserted as (
      insert into ledger_entries (account_id, provider_id, service_code, period, kind, amount_kop, entry_date,
                                  source, source_ref, details)
      select * from unnest(
        ${column((e) => e.account_id)}::bigint[],
        ${column((e) => e.provider_id)}::integer[],
        ${column((e) => e.service_code)}::text[],
        ${column((e) => e.period)}::date[],
        ${column((e) => e.kind)}::text[],
        ${column((e) => e.amount_kop)}::bigint[],
        ${column((e) => e.entry_date)}::date[],
        ${column((e) => e.source)}::text[],
        ${column((e) => e.source_ref)}::text[],
        ${column((e) => (e.details == null ? null : JSON.stringify(e.details)))}::jsonb[]
      )
      on conflict (account_id, source, source_ref, period) where source_ref is not null do nothing
      returning account_id, id, kind, amount_kop
    )${told}
    select count(*)::int4 as inserted from inserted`.execute(trx);
  return rows[0]?.inserted ?? 0;
}
