// The scheduled billing run: a provider's cron schedule kept by pg-boss, the worker billing the previous Kyiv
// month when its job comes, and a repeated tick doing nothing. On PGlite (pg-boss through the app's connection)
// and on PostgreSQL (pg-boss's own pool) when TEST_DATABASE_URL is set.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import type PgBoss from "pg-boss";
import pino from "pino";
import { openDatabase } from "../../src/db/database.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import {
  billingJobHandler,
  billingQueue,
  billingSchedules,
  setBillingSchedule,
  startBillingWorkers,
} from "../../src/jobs/billing-job.ts";
import { startBoss } from "../../src/jobs/boss.ts";
import { forEachDatabase, postgresUrl } from "../support/databases.ts";

// 29 November 2026 in Kyiv: the previous month is October.
const NOW = "2026-11-29T10:00:00Z";

/** A pino logger whose JSON lines the test can read. */
function memoryLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { log: pino({ level: "info" }, stream), lines };
}

forEachDatabase(
  "scheduled billing",
  (get, engine) => {
    // A schema of its own, so suites running side by side on one PostgreSQL do not share pg-boss's tables.
    const schema = `boss_${randomBytes(5).toString("hex")}`;
    let boss: PgBoss;
    const { log, lines } = memoryLog();
    const errors: Error[] = [];

    before(async () => {
      get().setNow(NOW);
      boss = await startBoss(get().database, {
        databaseUrl: postgresUrl,
        schema,
        background: false,
        onError: (e) => errors.push(e),
      });
    });
    after(async () => {
      await boss?.stop({ graceful: false });
      assert.deepEqual(errors, [], "pg-boss reported no errors");
      if (engine === "postgres" && postgresUrl) {
        // The suite's own connection may be closed by now: drop pg-boss's schema over a new one.
        const admin = await openDatabase({ databaseUrl: postgresUrl, poolSize: 1 });
        await admin.exec(`drop schema if exists ${schema} cascade`);
        await admin.close();
      }
    });

    const closedPeriods = async (code: string) =>
      (
        await sql<{ period: string; started_by: string }>`
          select cp.period::text as period, r.started_by from closed_periods cp
          join billing_runs r on r.id = cp.run_id
          join providers p on p.id = cp.provider_id
          where p.code = ${code} order by cp.period`.execute(get().database.db)
      ).rows;

    test("a provider's schedule is kept by pg-boss in Kyiv time, replaced, and removed", async () => {
      await setBillingSchedule(boss, "deu", "0 3 5 * *");
      await setBillingSchedule(boss, "dtke", "30 2 1 * *");
      assert.deepEqual(await billingSchedules(boss), [
        { provider: "deu", cron: "0 3 5 * *", timezone: "Europe/Kyiv" },
        { provider: "dtke", cron: "30 2 1 * *", timezone: "Europe/Kyiv" },
      ]);
      const raw = (await boss.getSchedules()).find((s) => s.name === billingQueue("deu"));
      assert.deepEqual(raw?.data, { provider: "deu" });

      await setBillingSchedule(boss, "deu", "0 4 6 * *");
      await setBillingSchedule(boss, "dtke", null);
      assert.deepEqual(await billingSchedules(boss), [
        { provider: "deu", cron: "0 4 6 * *", timezone: "Europe/Kyiv" },
      ]);
      await assert.rejects(setBillingSchedule(boss, "deu", "0 3 32 * *"));
      assert.equal((await billingSchedules(boss))[0]?.cron, "0 4 6 * *");
    });

    test("the worker's handler bills the previous Kyiv month of the job's provider, and logs the summary", async () => {
      const handler = billingJobHandler(get().deps, log);
      const job = { id: "1", name: billingQueue("deu"), data: { provider: "deu" }, expireInSeconds: 60 };
      const [summary] = await handler([job]);
      assert.ok(summary, "billed");
      assert.equal(summary.period, "2026-10");
      assert.ok(summary.accounts > 0);
      assert.equal(summary.totalKop, summary.chargeKop + summary.estimatedKop + summary.recalculationKop);
      assert.deepEqual(await closedPeriods("deu"), [{ period: "2026-10-01", started_by: "scheduler" }]);
      const { rows } = await sql<{ total: number }>`
        select coalesce(sum(amount_kop), 0)::bigint as total from ledger_entries
        where provider_id = ${summary.providerId} and period = '2026-10-01' and source = 'billing'`.execute(
        get().database.db,
      );
      assert.equal(rows[0]!.total, summary.totalKop);
      const logged = lines.find((l) => l["msg"] === "scheduled billing: period billed and closed");
      assert.equal(logged?.["provider"], "deu");
      assert.equal(logged?.["totalKop"], summary.totalKop);
    });

    test("a second tick for the same month does nothing and does not fail", async () => {
      const handler = billingJobHandler(get().deps, log);
      const job = { id: "2", name: billingQueue("deu"), data: { provider: "deu" }, expireInSeconds: 60 };
      assert.deepEqual(await handler([job]), [null]);
      assert.equal((await closedPeriods("deu")).length, 1);
      const runs = await get().database.db.selectFrom("billing_runs").select("id").execute();
      assert.equal(runs.length, 1, "no second run");
      assert.ok(lines.some((l) => l["msg"] === "scheduled billing: period already closed, nothing to do"));
    });

    test("a job sent to a provider's queue is picked up by the workers and completes", async () => {
      const queues = await startBillingWorkers(boss, get().deps, log, { pollingIntervalSeconds: 0.5 });
      assert.ok(queues.includes(billingQueue("dtke")));
      const id = await boss.send(billingQueue("dtke"), { provider: "dtke" });
      assert.ok(id);
      const deadline = Date.now() + 60_000;
      let state: string | undefined;
      while (Date.now() < deadline) {
        state = (await boss.getJobById(billingQueue("dtke"), id))?.state;
        if (state === "completed" || state === "failed") break;
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.equal(state, "completed");
      assert.deepEqual(await closedPeriods("dtke"), [{ period: "2026-10-01", started_by: "scheduler" }]);
    });
  },
  async ({ database }) => {
    await seedRegion(database, { accounts: 200, seed: 42, asOf: "2026-11-25" });
  },
);
