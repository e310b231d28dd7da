// A run's billing summary: each batch counts what its inserts added (post-batch.ts) and keeps it with the batch in
// the same transaction, so a run resumed after a crash reports the same figures as one clean run, without reading
// the period's rows back.
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

export interface BillingTotals {
  /** Accounts with anything billed. */
  accounts: number;
  /** Accounts with a charge from readings or norms, by estimate, and with a recalculation. */
  charged: number;
  estimated: number;
  recalculated: number;
  chargeKop: number;
  estimatedKop: number;
  recalculationKop: number;
  /** Everything the period added to the ledger. */
  totalKop: number;
  /** Planned payments set for the next period. */
  plannedKop: number;
}

const KEYS = [
  "accounts",
  "charged",
  "estimated",
  "recalculated",
  "chargeKop",
  "estimatedKop",
  "recalculationKop",
  "totalKop",
  "plannedKop",
] as const;

/** The sum of the run's batches (batches cover disjoint accounts, so their account counts add up). */
export async function billingTotals(db: Db, runId: number): Promise<BillingTotals> {
  const { rows } = await sql<Record<(typeof KEYS)[number], string | number | null>>`
    select ${sql.join(
      KEYS.map((k) => sql`coalesce(sum((totals ->> ${k})::bigint), 0)::bigint as ${sql.ref(k)}`),
    )}
    from billing_run_batches where run_id = ${runId}`.execute(db);
  const row = rows[0]!;
  return Object.fromEntries(KEYS.map((k) => [k, Number(row[k] ?? 0)])) as unknown as BillingTotals;
}
