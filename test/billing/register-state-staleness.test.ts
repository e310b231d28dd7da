// How a register state learns that a reading landed among those it covers, whoever wrote it (migration 0015's
// triggers), and how a run keeps from overwriting a state with one that misses a reading written while it ran.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { sql } from "kysely";
import type { Database } from "../../src/db/database.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { parsePeriod } from "../../src/domain/period.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import type { WritePlan } from "../../src/services/readings/decide-submission.ts";
import { writeSubmissions } from "../../src/services/readings/write-submissions.ts";
import { forEachDatabase } from "../support/databases.ts";

const NOW = "2026-11-29T10:00:00+02:00";

interface Register {
  account_id: number;
  provider_id: number;
  meter_id: number;
  zone: number;
}

async function providerId(database: Database, code: string): Promise<number> {
  return (
    await database.db.selectFrom("providers").select("id").where("code", "=", code).executeTakeFirstOrThrow()
  ).id;
}

async function state(database: Database, r: Register) {
  const { rows } = await sql<{
    period: string | null;
    late_count: number;
    version: number;
    covered_on: string;
  }>`
    select period::text, late_count, version::int, covered_on::text from register_states
    where account_id = ${r.account_id} and meter_id = ${r.meter_id} and zone = ${r.zone}`.execute(
    database.db,
  );
  return rows[0];
}

/** A register of the electricity provider with a state written by the run of `period`, and its latest reading. */
async function aRegister(database: Database, salt: string, period = "2026-09-01") {
  const { rows } = await sql<Register & { id: number; value: string; deemed_on: string; period: string }>`
    select s.account_id, s.provider_id, s.meter_id, s.zone, r.id, r.value::text, r.deemed_on::text, r.period::text
    from register_states s
    join readings r on r.account_id = s.account_id and r.meter_id = s.meter_id and r.zone = s.zone
      and r.deemed_on = s.covered_on and r.kind = 'regular' and r.status = 'accepted'
    join providers p on p.id = s.provider_id and p.code = 'deu'
    where s.period = ${period}::date and s.late_count = 0
    order by md5(s.account_id::text || ${salt}) limit 1`.execute(database.db);
  return rows[0]!;
}

function correction(
  r: Register & { id: number; deemed_on: string; period: string },
  value: string,
  status: "accepted" | "pending_review",
): WritePlan {
  return {
    accountId: r.account_id,
    supersede: [r.id],
    tell: { accountNumber: "", people: [] },
    readings: [
      {
        account_id: r.account_id,
        provider_id: r.provider_id,
        meter_id: r.meter_id,
        zone: r.zone,
        value,
        kind: "regular",
        taken_at: new Date(NOW),
        submitted_at: new Date(NOW),
        deemed_on: r.deemed_on,
        period: r.period,
        channel: "contact_centre",
        actor_user_id: null,
        submission_id: randomUUID(),
        receipt: "TEST-0001",
        raw_input: value,
        status,
        review_reason: status === "pending_review" ? "above_own_average" : null,
        corrects_reading_id: r.id,
      },
    ],
    audit: {
      actor_user_id: null,
      provider_id: r.provider_id,
      account_id: r.account_id,
      channel: "contact_centre",
      action: "reading.corrected",
      details: JSON.stringify({ test: true }) as never,
    },
  };
}

forEachDatabase(
  "register state staleness",
  (get, engine) => {
    test("a reading after what a state covers leaves it usable; a correction of a covered one makes it late", async () => {
      const { database } = get();
      const r = await aRegister(database, "a");
      const before = (await state(database, r))!;
      assert.equal(before.covered_on, r.deemed_on);
      // The next month's reading: deemed later than everything covered.
      await sql`
        insert into readings (account_id, provider_id, meter_id, zone, value, kind, taken_at, deemed_on, period,
          channel, submission_id, receipt, status)
        values (${r.account_id}, ${r.provider_id}, ${r.meter_id}, ${r.zone}, ${r.value}::numeric + 1, 'regular',
          now(), (${r.deemed_on}::date + interval '1 month')::date, (${r.period}::date + interval '1 month')::date,
          'web', gen_random_uuid(), 'TEST-0002', 'accepted')`.execute(database.db);
      assert.equal((await state(database, r))!.late_count, 0);
      // An operator's correction of the covered reading, through the submissions' writer: supersede and insert, in
      // two statements as on Citus (the one-statement way is taken by register-state.test.ts).
      await database.db
        .transaction()
        .execute((tx) =>
          writeSubmissions(tx, [correction(r, r.value, "pending_review")], { supersedeApart: true }),
        );
      const after = (await state(database, r))!;
      assert.ok(after.late_count >= 1, "late");
      assert.equal(after.version, before.version, "no run in progress: no version bump");
      const other = await aRegister(database, "b");
      assert.equal((await state(database, other))!.late_count, 0, "other registers untouched");
    });

    test("a review's decision on a covered reading makes its state late", async () => {
      const { database } = get();
      const r = await aRegister(database, "c");
      await sql`update readings set status = 'pending_review' where account_id = ${r.account_id} and id = ${r.id}`.execute(
        database.db,
      );
      // Counted once per statement here, once per row (old and new) by the row trigger Citus runs: only a change
      // matters to the run.
      assert.ok((await state(database, r))!.late_count >= 1, "late");
    });

    test("the next run rebuilds a late state from the history and the others from their states", async () => {
      const { database, deps } = get();
      const provider = await providerId(database, "deu");
      await billPeriod(deps, { providerId: provider, period: parsePeriod("2026-10"), startedBy: "test" });
      const { rows } = await sql<{ n: number; late: number; old: number }>`
        select count(*)::int as n, count(*) filter (where late_count > 0)::int as late,
          count(*) filter (where period <> '2026-10-01')::int as old
        from register_states where provider_id = ${provider}`.execute(database.db);
      assert.ok(rows[0]!.n > 20);
      assert.equal(rows[0]!.late, 0, "every late state was rebuilt");
    });

    test("while a run of the provider is in progress, a written reading bumps its register's version", async () => {
      const { database } = get();
      const r = await aRegister(database, "d", "2026-10-01");
      await sql`delete from register_states where account_id = ${r.account_id}`.execute(database.db);
      const run = await database.db
        .insertInto("billing_runs")
        .values({ provider_id: r.provider_id, period: "2026-11-01", status: "running", started_by: "test" })
        .returning("id")
        .executeTakeFirstOrThrow();
      try {
        await sql`update readings set status = status where account_id = ${r.account_id} and id = ${r.id}`.execute(
          database.db,
        );
        const placeholder = (await state(database, r))!;
        assert.equal(placeholder.period, null, "a placeholder, no content");
        // One per statement, or one per row on Citus (its row trigger sees the old and the new row): a change either way.
        assert.ok(placeholder.version >= 1, "version bumped");
        await sql`update readings set status = status where account_id = ${r.account_id} and id = ${r.id}`.execute(
          database.db,
        );
        assert.ok((await state(database, r))!.version > placeholder.version, "bumped again");
      } finally {
        await sql`delete from billing_runs where id = ${run.id}`.execute(database.db);
      }
    });

    test("a state whose version changed while the batch ran is not overwritten", {
      skip: engine === "pglite" ? "one connection: nothing runs beside a batch" : false,
    }, async () => {
      const { database, deps } = get();
      const provider = await providerId(database, "deu");
      const r = await aRegister(database, "e", "2026-10-01");
      // A reading writer's trigger holds the row (its version bumped, not yet committed) while November is billed.
      await database.withSession(async (writer) => {
        await writer.exec("begin");
        await writer.query(
          "update register_states set version = version + 1 where account_id = $1 and meter_id = $2 and zone = $3",
          [r.account_id, r.meter_id, r.zone],
        );
        const billing = billPeriod(deps, {
          providerId: provider,
          period: parsePeriod("2026-11"),
          startedBy: "test",
        });
        // The batch's upsert waits for the row.
        for (let i = 0; i < 1200; i++) {
          const { rows } = await sql<{ n: number }>`
              select count(*)::int as n from pg_stat_activity
              where wait_event_type = 'Lock' and query like '%register_states%'`.execute(database.db);
          if ((rows[0]?.n ?? 0) > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await writer.exec("commit");
        await billing;
      });
      const s = (await state(database, r))!;
      assert.equal(
        s.period,
        "2026-10-01",
        "left as it was: the next run bills this register from its history",
      );
      const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from register_states
          where provider_id = ${provider} and period = '2026-11-01'`.execute(database.db);
      assert.ok(rows[0]!.n > 20, "the other states moved on");
    });

    test("a run waits for reading writes that began before it, so none of them is missed", {
      skip: engine === "pglite" ? "one connection: nothing runs beside a run" : false,
    }, async () => {
      const { database, deps } = get();
      const gas = await providerId(database, "donetskoblgaz");
      const { rows } = await sql<Register & { value: string }>`
          select r.account_id, r.provider_id, r.meter_id, r.zone, r.value::text
          from readings r join meters m on m.account_id = r.account_id and m.id = r.meter_id
          where r.provider_id = ${gas} and r.period = '2026-09-01' and r.kind = 'regular' and m.removed_on is null
          order by r.account_id limit 1`.execute(database.db);
      const r = rows[0]!;
      let settled = false;
      let readingId = 0;
      await database.withSession(async (writer) => {
        await writer.exec("begin");
        const [inserted] = await writer.query<{ id: number }>(
          `insert into readings (account_id, provider_id, meter_id, zone, value, kind, taken_at, deemed_on, period,
               channel, submission_id, receipt, status)
             values ($1, $2, $3, $4, $5::numeric + 10, 'regular', now(), '2026-11-01', '2026-10-01', 'web',
               gen_random_uuid(), 'TEST-0003', 'accepted')
             returning id`,
          [r.account_id, r.provider_id, r.meter_id, r.zone, r.value],
        );
        readingId = Number(inserted!.id);
        const billing = billPeriod(deps, {
          providerId: gas,
          period: parsePeriod("2026-10"),
          startedBy: "test",
        });
        void billing.then(() => {
          settled = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 700));
        assert.equal(settled, false, "the run waits for the writer");
        await writer.exec("commit");
        await billing;
      });
      const billed = await database.db
        .selectFrom("billed_usage")
        .select(["method", "to_reading_id"])
        .where("account_id", "=", r.account_id)
        .where("meter_id", "=", r.meter_id)
        .where("zone", "=", r.zone)
        .where("period", "=", "2026-10-01")
        .executeTakeFirstOrThrow();
      assert.deepEqual(billed, { method: "actual", to_reading_id: readingId });
    });
  },
  async ({ database, deps, setNow }) => {
    // Readings up to September; October and November billed by the tests.
    setNow("2026-12-29T10:00:00+02:00");
    await seedRegion(database, { accounts: 60, seed: 11, asOf: "2026-10-25" });
    const { id } = await database.db
      .selectFrom("providers")
      .select("id")
      .where("code", "=", "deu")
      .executeTakeFirstOrThrow();
    await billPeriod(deps, { providerId: id, period: parsePeriod("2026-09"), startedBy: "test" });
  },
);
