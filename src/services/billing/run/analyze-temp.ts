// A batch's temporary tables are analysed when the batch is large: with 20,000 accounts the planner, left to guess
// their sizes, once chose a 450-million-pair nested loop. A small batch (the demo's providers, a small town) is
// quicker without: there the analyses were a sixth of the run.
import { sql } from "kysely";
import type { Tx } from "../../../db/database.ts";

/** Batches of at least this many accounts analyse their temporary tables. */
export const ANALYZE_FROM_ACCOUNTS = 5_000;

export async function analyzeTemp(tx: Tx, table: string, analyze: boolean): Promise<void> {
  if (analyze) await sql`analyze ${sql.table(table)}`.execute(tx);
}
