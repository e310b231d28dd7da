// A billing run killed half-way (kill -9 of its process) and started again ends exactly as one clean run:
// the same ledger entries, billed usage and planned payments, to the kopiyka. PostgreSQL only: the run must
// live in another process to be killed, and PGlite is in-process.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { Database } from "../../src/db/database.ts";
import { migrate } from "../../src/db/migrate.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { parsePeriod } from "../../src/domain/period.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import { makeDeps } from "../../src/services/deps.ts";
import { engines, postgresUrl } from "../support/databases.ts";

const CHILD = fileURLToPath(new URL("../support/bill-child.ts", import.meta.url));
const NOW = "2026-11-29T10:00:00+02:00";
const PERIOD = "2026-10";

async function outcome(database: Database, providerId: number) {
  const q = async (text: string) =>
    (await sql.raw<{ r: string }>(text).execute(database.db)).rows.map((x) => x.r).join("\n");
  return {
    ledger: await q(
      `select concat_ws('|', account_id, service_code, kind, amount_kop, entry_date, source_ref, details::text) as r
       from ledger_entries where source = 'billing' and provider_id = ${providerId} order by 1`,
    ),
    usage: await q(
      `select concat_ws('|', account_id, meter_id, zone, service_code, method, quantity, from_value, to_value,
         amount_kop) as r from billed_usage where provider_id = ${providerId} order by 1`,
    ),
    planned: await q(
      `select concat_ws('|', account_id, period, service_code, amount_kop) as r
       from planned_payments where provider_id = ${providerId} order by 1`,
    ),
  };
}

describe("billing run killed with kill -9 and run again", {
  skip: postgresUrl ? false : "needs PostgreSQL",
}, () => {
  const pg = engines().find((e) => e.name === "postgres");
  const opened: { database: Database; dispose(): Promise<void> }[] = [];
  before(async () => {
    for (let i = 0; i < 2; i++) {
      const o = await pg!.open();
      opened.push(o);
      await migrate(o.database);
      await seedRegion(o.database, { accounts: 3000, seed: 7, asOf: "2026-11-25" });
    }
  });
  after(async () => {
    for (const o of opened) await o.dispose();
  });

  test("ends with exactly what one clean run writes", async () => {
    const [clean, killed] = opened.map((o) => o.database) as [Database, Database];
    const provider = (
      await clean.db.selectFrom("providers").select("id").where("code", "=", "deu").executeTakeFirstOrThrow()
    ).id;
    const summary = await billPeriod(
      makeDeps(clean, () => new Date(NOW)),
      {
        providerId: provider,
        period: parsePeriod(PERIOD),
        startedBy: "test",
        batchSize: 20,
      },
    );
    assert.ok(summary.accounts > 500, `enough accounts to bill in many batches: ${summary.accounts}`);

    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(killed.db);
    const child = spawn(
      process.execPath,
      ["--import", "tsx", CHILD, postgresUrl!, rows[0]!.s, String(provider), PERIOD, "20", NOW],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    // Kill it as soon as its second batch is committed: the third is then in flight.
    let batches = 0;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    child.stdout.on("data", (chunk: Buffer) => {
      batches += chunk
        .toString()
        .split("\n")
        .filter((l) => l.startsWith("batch ") && l !== "batch 0").length;
      if (batches >= 2) child.kill("SIGKILL");
    });
    assert.equal(await exited, "SIGKILL");

    const half = await killed.db
      .selectFrom("billing_runs")
      .select(["id", "status"])
      .executeTakeFirstOrThrow();
    assert.equal(half.status, "running", "the killed run did not finish");
    const committed = await killed.db
      .selectFrom("billing_run_batches")
      .select("accounts")
      .where("run_id", "=", half.id)
      .execute();
    assert.ok(committed.length >= 2, "it had committed some batches");
    const partial = await outcome(killed, provider);
    const full = await outcome(clean, provider);
    assert.ok(partial.ledger.length < full.ledger.length, "the killed run left the period half billed");

    const resumed = await billPeriod(
      makeDeps(killed, () => new Date(NOW)),
      {
        providerId: provider,
        period: parsePeriod(PERIOD),
        startedBy: "test",
        batchSize: 20,
      },
    );
    assert.equal(resumed.resumed, true);
    const { runId: _a, seconds: _b, resumed: _c, inProcessAccounts: _g, ...resumedTotals } = resumed;
    const { runId: _d, seconds: _e, resumed: _f, inProcessAccounts: _h, ...cleanTotals } = summary;
    assert.deepEqual(resumedTotals, cleanTotals);
    assert.deepEqual(await outcome(killed, provider), full);
  });
});
