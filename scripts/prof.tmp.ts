import { openDatabase } from "/work/main/src/db/database.ts";
import { sql } from "kysely";
import { billPeriod } from "/work/main/src/services/billing/bill-period.ts";
import { makeDeps } from "/work/main/src/services/deps.ts";
import { parsePeriod } from "/work/main/src/domain/period.ts";
const database = await openDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:5432/abonent_bench", poolSize: 3 });
await database.db.transaction().execute(async (tx) => {
  await sql`alter table ledger_entries disable trigger ledger_entries_append_only`.execute(tx);
  await sql`delete from ledger_entries where source = 'billing' and period >= '2026-10-01' and provider_id = 5`.execute(tx);
  await sql`alter table ledger_entries enable trigger ledger_entries_append_only`.execute(tx);
  for (const t of ["planned_payments", "billed_usage", "closed_periods"]) await sql.raw(`delete from ${t} where provider_id = 5 and period >= '2026-10-01'`).execute(tx);
  await sql`delete from billing_runs where provider_id = 5 and period >= '2026-10-01'`.execute(tx);
});
const s = await billPeriod(makeDeps(database, () => new Date("2026-11-29T10:00:00Z")), { providerId: Number(process.env.P ?? 5), period: parsePeriod("2026-10"), startedBy: "x", batchSize: Number(process.env.B ?? 30000) });
console.log(JSON.stringify(s));
await database.close();
