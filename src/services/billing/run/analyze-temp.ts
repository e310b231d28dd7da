// A batch's temporary tables are analysed when the batch is large: with 20,000 accounts the planner, left to guess
// their sizes, once chose a 450-million-pair nested loop. A small batch (the demo's providers, a small town) is
// quicker without: there the analyses were a sixth of the run.
import { sql } from "kysely";
import type { Tx } from "../../../db/database.ts";

/** Batches of at least this many accounts analyse their temporary tables. */
export const ANALYZE_FROM_ACCOUNTS = 5_000;

/**
 * The planner needs the tables' sizes and rough distributions, not fine histograms: a sample of 3,000 rows (the
 * statistics target 10, set for this transaction) instead of the default 30,000. Measured on the 1M region: the
 * analyses took 24 s of a run's 265 lane-seconds with the default.
 */
export async function analyzeTemp(tx: Tx, table: string, analyze: boolean): Promise<void> {
  if (!analyze) return;
  await sql`set local default_statistics_target = 10`.execute(tx);
  await sql`analyze ${sql.table(table)}`.execute(tx);
}
