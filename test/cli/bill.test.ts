// `abonent bill` and `abonent schedule billing` as an operator runs them: real processes on a seeded region, the
// figures read back from the database, the exit codes of a closed month and of mistakes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { kyivDateOf } from "../../src/domain/kyiv-time.ts";
import { firstDay, nextPeriod, periodOf } from "../../src/domain/period.ts";
import { cliTargets } from "../support/cli.ts";

for (const target of cliTargets("bill")) {
  describe(`abonent bill [${target.name}]`, () => {
    const abonent = (args: string[]) => target.run(args);
    const read = target.read;
    const jsonLines = (stdout: string) =>
      stdout
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l));

    before(async () => {
      await target.prepare();
      const seed = await abonent(["seed", "--accounts", "200", "--as-of", "2026-11-25", "--no-bill-history"]);
      assert.equal(seed.code, 0, seed.stderr);
    });
    after(() => target.dispose());

    test("bills one provider's month: a progress bar, one JSON summary that adds up, the same figures read back", async () => {
      const run = await abonent(["bill", "--period", "2026-10", "--provider", "deu", "--json"]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /deu 2026-10 \[=+\] 100% \| (\d+)\/\1 accounts/);
      const lines = jsonLines(run.stdout);
      assert.equal(lines.length, 1);
      const s = lines[0];
      assert.equal(s.provider, "deu");
      assert.equal(s.period, "2026-10");
      assert.ok(s.accounts > 0);
      assert.ok(s.totalKop > 0);
      assert.equal(s.totalKop, s.chargeKop + s.estimatedKop + s.recalculationKop);
      assert.equal(s.totalUah, (s.totalKop / 100).toFixed(2));

      const back = await read(async ({ db }) => {
        const ledger = await sql<{ total: number }>`
          select coalesce(sum(amount_kop), 0)::bigint as total from ledger_entries
          where provider_id = ${s.providerId} and period = '2026-10-01' and source = 'billing'`.execute(db);
        const billed = await sql<{ n: number }>`
          select count(distinct account_id)::int as n from billed_usage
          where provider_id = ${s.providerId} and period = '2026-10-01'`.execute(db);
        const run = await db
          .selectFrom("billing_runs")
          .select(["id", "status", "started_by", "totals"])
          .where("provider_id", "=", s.providerId)
          .executeTakeFirstOrThrow();
        const closed = await db
          .selectFrom("closed_periods")
          .select(["period", "run_id"])
          .where("provider_id", "=", s.providerId)
          .execute();
        return { total: ledger.rows[0]!.total, accounts: billed.rows[0]!.n, run, closed };
      });
      assert.equal(back.total, s.totalKop);
      assert.equal(back.accounts, s.accounts);
      assert.deepEqual(back.closed, [{ period: "2026-10-01", run_id: s.runId }]);
      assert.equal(back.run.id, s.runId);
      assert.equal(back.run.status, "finished");
      assert.equal(back.run.started_by, "cli");
      for (const k of [
        "accounts",
        "charged",
        "estimated",
        "recalculated",
        "chargeKop",
        "totalKop",
        "plannedKop",
      ])
        assert.equal((back.run.totals as Record<string, unknown>)[k], s[k], k);
    });

    test("a second run finds the month closed: exit 3 and the reason, in the --lang asked for", async () => {
      const en = await abonent(["bill", "--period", "2026-10", "--provider", "deu"]);
      assert.equal(en.code, 3, en.stderr);
      assert.match(
        en.stderr,
        /abonent: deu: Period 2026-10 of deu is already billed and closed \(\d{4}-\d\d-\d\d\)/,
      );
      assert.equal(en.stdout, "");
      const uk = await abonent([
        "bill",
        "--period",
        "2026-10",
        "--provider",
        "deu",
        "--json",
        "--lang",
        "uk",
      ]);
      assert.equal(uk.code, 3);
      assert.match(uk.stderr, /Період 2026-10 постачальника deu уже нараховано й закрито/);
      assert.equal(jsonLines(uk.stdout)[0].error.code, "billing_period_closed");
      const runs = await read(({ db }) => db.selectFrom("billing_runs").select("id").execute());
      assert.equal(runs.length, 1, "nothing billed twice");
    });

    test("mistakes get a clear message: a malformed month and an unknown provider exit 2, a month not over 4", async () => {
      const month = await abonent(["bill", "--period", "2026-13", "--provider", "deu"]);
      assert.equal(month.code, 2);
      assert.match(month.stderr, /--period.*'2026-13' is invalid\. expected a month as YYYY-MM/);
      const missing = await abonent(["bill", "--provider", "deu"]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /required option '--period <YYYY-MM>'/);
      const unknown = await abonent(["bill", "--period", "2026-10", "--provider", "no-such"]);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /--provider: there is no provider "no-such" \(known: deu, /);
      // The processes run on the real clock: the month in progress in Kyiv is never over.
      const thisMonth = periodOf(kyivDateOf(new Date()));
      const current = await abonent(["bill", "--period", thisMonth, "--provider", "deu"]);
      assert.equal(current.code, 4);
      assert.ok(
        current.stderr.includes(
          `Period ${thisMonth} is not over yet: it can be billed from ${firstDay(nextPeriod(thisMonth))}.`,
        ),
        current.stderr,
      );
      const help = await abonent(["bill", "--help"]);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /Exit codes:[\s\S]*3 +the month is already billed and closed/);
    });

    test("without --provider every provider is billed in turn; the one already closed makes the exit code 3", async () => {
      const run = await abonent(["bill", "--period", "2026-10", "--json"]);
      assert.equal(run.code, 3, run.stderr);
      const lines = jsonLines(run.stdout);
      const providers = await read(({ db }) =>
        db.selectFrom("providers").select("code").orderBy("id").execute(),
      );
      assert.deepEqual(
        lines.map((l) => l.provider),
        providers.map((p) => p.code),
      );
      const [deu, ...others] = lines;
      assert.equal(deu.error.code, "billing_period_closed");
      for (const s of others) {
        assert.equal(s.error, undefined, JSON.stringify(s));
        assert.equal(s.totalKop, s.chargeKop + s.estimatedKop + s.recalculationKop);
      }
      const closed = await read(({ db }) => db.selectFrom("closed_periods").select("provider_id").execute());
      assert.equal(closed.length, providers.length);
    });

    if (target.name === "pglite") {
      test("schedule billing sets, lists and removes a provider's schedule, and refuses a bad one", async () => {
        const set = await abonent(["schedule", "billing", "--provider", "deu", "--cron", "0 3 5 * *"]);
        assert.equal(set.code, 0, set.stderr);
        assert.match(set.stdout, /billing of deu: "0 3 5 \* \*" \(Europe\/Kyiv\)/);
        const list = await abonent(["schedule", "billing"]);
        assert.equal(list.code, 0, list.stderr);
        assert.match(list.stdout, /^deu\t0 3 5 \* \*\tEurope\/Kyiv$/m);

        const day = await abonent(["schedule", "billing", "--provider", "deu", "--cron", "0 3 32 * *"]);
        assert.equal(day.code, 2);
        assert.match(day.stderr, /--cron: /);
        const words = await abonent(["schedule", "billing", "--provider", "deu", "--cron", "monthly"]);
        assert.equal(words.code, 2);
        assert.match(words.stderr, /expected a cron expression/);
        const both = await abonent([
          "schedule",
          "billing",
          "--provider",
          "deu",
          "--cron",
          "0 3 5 * *",
          "--off",
        ]);
        assert.equal(both.code, 2);
        const who = await abonent(["schedule", "billing", "--off"]);
        assert.equal(who.code, 2);
        assert.match(who.stderr, /--provider is required/);
        assert.match(
          (await abonent(["schedule", "billing"])).stdout,
          /^deu\t0 3 5 \* \*/m,
          "bad ones changed nothing",
        );

        const off = await abonent(["schedule", "billing", "--provider", "deu", "--off"]);
        assert.equal(off.code, 0, off.stderr);
        assert.match((await abonent(["schedule", "billing"])).stdout, /no billing schedules/);
      });
    }
  });
}
