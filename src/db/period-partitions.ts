// ledger_entries, billed_usage and planned_payments are partitioned by month with no default partition
// (migration 0014): a row for a month whose partition does not exist is refused ("no partition of relation …
// found for row"). Every writer creates the months it is about to write first, in one round trip.
// Nothing is cached: the database function's own check is one catalog lookup taking no lock, and a cache would
// have to notice a database dropped and recreated under the same handle (tests, `seed --reset`).
import { sql } from "kysely";
import type { Db, Tx } from "./database.ts";

export type PeriodPartitioned = "ledger_entries" | "billed_usage" | "planned_payments";

/**
 * Creates the monthly partitions of `table` for `periods` (dates, YYYY-MM-DD; any day of the month will do) that do
 * not exist yet. In a transaction, a partition it creates holds SHARE UPDATE EXCLUSIVE on the table until the end
 * of that transaction (other writers and readers go on), so call it before the transaction's heavy work.
 */
export async function ensurePeriodPartitions(
  db: Db | Tx,
  table: PeriodPartitioned,
  periods: Iterable<string>,
): Promise<void> {
  const months = [...new Set([...periods].map((p) => `${p.slice(0, 7)}-01`))].sort();
  if (months.length === 0) return;
  await sql`select ensure_period_partition(${table}::regclass, p)
    from unnest(${months}::date[]) as p`.execute(db);
}
