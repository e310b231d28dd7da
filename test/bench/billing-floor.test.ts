// bench:billing's floor (bench/billing-floor.ts) writes and reads exactly the month's rows: every row the run wrote
// for the month, and every input row it names, counted from the tables themselves. A floor that missed a table or
// a partition would look cheaper than it is. PostgreSQL only, as the bench: COPY out and `checkpoint` are the
// server's.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { measureFloor } from "../../bench/billing-floor.ts";
import type { Database } from "../../src/db/database.ts";
import { migrate } from "../../src/db/migrate.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { type Period, parsePeriod } from "../../src/domain/period.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import { makeDeps } from "../../src/services/deps.ts";
import { engines, postgresUrl } from "../support/databases.ts";

const PERIOD = parsePeriod("2026-10");

async function count(database: Database, query: string): Promise<number> {
  const { rows } = await sql
    .raw<{ n: number }>(`select count(*)::int as n from ${query}`)
    .execute(database.db);
  return rows[0]!.n;
}

describe("bench:billing's floor", { skip: postgresUrl ? false : "needs PostgreSQL" }, () => {
  let opened: { database: Database; dispose(): Promise<void> };
  before(async () => {
    opened = await engines()
      .find((e) => e.name === "postgres")!
      .open();
    await migrate(opened.database);
    await seedRegion(opened.database, { accounts: 400, seed: 3, asOf: "2026-11-25" });
    const deps = makeDeps(opened.database, () => new Date("2026-11-29T10:00:00+02:00"));
    const providers = await opened.database.db.selectFrom("providers").select("id").execute();
    for (const period of [parsePeriod("2026-09"), PERIOD] as Period[])
      for (const p of providers) await billPeriod(deps, { providerId: p.id, period, startedBy: "test" });
  });
  after(async () => {
    await opened.dispose();
  });

  test("writes every row the month's run wrote and reads every input row, then drops its tables", async () => {
    const database = opened.database;
    const ledger = await count(database, "ledger_entries where period = '2026-10-01' and source = 'billing'");
    const planned = await count(database, "planned_payments where period = '2026-11-01'");
    const states = await count(database, "register_states");
    // The region must have billed something of each kind, or the counts would prove little.
    assert.ok(ledger > 0);
    assert.ok(planned > 0);
    assert.ok(await count(database, "register_states where period = '2026-10-01'"));
    const written =
      ledger + (await count(database, "billed_usage where period = '2026-10-01'")) + planned + states;
    const read =
      (await count(database, "accounts")) +
      (await count(database, "meters")) +
      states +
      (await count(
        database,
        "readings where period between '2026-09-01' and '2026-10-01' and status in ('accepted', 'pending_review')",
      ));

    const floor = await measureFloor(database, PERIOD);
    assert.equal(floor.rows.written, written);
    assert.equal(floor.rows.read, read);
    assert.ok(floor.writeSeconds > 0 && floor.readSeconds > 0);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relname like 'bench_floor_%' and n.nspname = current_schema()`.execute(database.db);
    assert.equal(rows[0]!.n, 0);
  });
});
