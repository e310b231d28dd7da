// The administrator's billing pages over HTTP: a month started from the form bills in the background while its
// page shows the progress (and refreshes itself without JavaScript), then the totals; the run's event stream sends
// progress lines and ends; refusals come back beside the form with nothing billed; an operator is refused and
// another provider's administrator finds neither the run's page nor its stream; the schedule is set as a day and
// an hour.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { type KyselyPlugin, sql } from "kysely";
import type { Db } from "../../src/db/database.ts";
import { DEMO_PASSWORD } from "../../src/demo/region.ts";
import { hashPassword } from "../../src/services/auth/password.ts";
import type { BillingScheduleStore } from "../../src/services/billing/billing-schedule-store.ts";
import { getBillingRun } from "../../src/services/billing/get-billing-run.ts";
import { backgroundRunsSettled } from "../../src/services/billing/start-billing-run.ts";
import { textOf } from "../support/cabinet-client.ts";
import { seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

// 2 December 2026 in Kyiv: November is over and not billed yet (the region has September and October billed).
const NOW = "2026-12-02T10:00:00Z";
const OTHER_ADMIN = "vkg-admin@console.test";

/** The schedules a job queue would keep, in memory (the pg-boss store is tested with the billing job). */
function memorySchedules(): BillingScheduleStore & { kept: Map<string, string> } {
  const kept = new Map<string, string>();
  return {
    kept,
    get: async (code) => {
      const cron = kept.get(code);
      return cron ? { cron, timezone: "Europe/Kyiv" } : null;
    },
    set: async (code, cron) => {
      if (cron === null) kept.delete(code);
      else if (cron.split(" ")[2] === "31") throw new Error("day 31 is not in every month");
      else kept.set(code, cron);
    },
  };
}

/** An administrator of another provider (its users' trigger keeps the e-mail as their identity). */
async function otherAdministrator(db: Db) {
  const provider = await db
    .selectFrom("providers")
    .select("id")
    .where("code", "=", "mariupol-vkg")
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto("users")
    .values({
      email: OTHER_ADMIN,
      phone: null,
      full_name: OTHER_ADMIN,
      password_hash: await hashPassword(DEMO_PASSWORD),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("staff_roles")
    .values({ user_id: user.id, provider_id: provider.id, role: "administrator" })
    .execute();
}

/** The provider the console's administrator works for. */
const deuOf = (db: Db) =>
  db.selectFrom("providers").select("id").where("code", "=", "deu").executeTakeFirstOrThrow();

/** The statement that takes or lets go of the lock a process billing the provider's December holds (bill-period.ts). */
const decemberLock = (fn: "pg_advisory_lock" | "pg_advisory_unlock", providerId: number) =>
  `select ${fn}(hashtext(current_schema() || '/abonent.billing'), ${providerId * 1_000_000 + 202612})`;

function parseEvents(body: string): { event: string; data: Record<string, unknown> }[] {
  return body
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? "";
      const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? "{}");
      return { event, data };
    });
}

forEachDatabase("console: billing runs and the schedule", (get) => {
  let app: FastifyInstance;
  let scheduledApp: FastifyInstance;
  const schedules = memorySchedules();
  before(async () => {
    const { database, deps } = get();
    await seedConsoleRegion(database, deps);
    get().setNow(NOW);
    await otherAdministrator(get().database.db);
    app = await quietApp(deps);
    scheduledApp = await quietApp({ ...deps, billingSchedules: schedules });
  });
  after(async () => {
    await backgroundRunsSettled();
    await app?.close();
    await scheduledApp?.close();
  });

  const runsOf = async (period: string) =>
    (
      await sql<{ id: number; status: string }>`
        select r.id, r.status from billing_runs r join providers p on p.id = r.provider_id
        where p.code = 'deu' and r.period = ${`${period}-01`}::date`.execute(get().database.db)
    ).rows;

  test("the billing page offers the month before, lists the runs so far, and says the schedule is unavailable", async () => {
    const admin = await signedInStaff(app, "administrator");
    const page = await admin.get("/console/billing");
    assert.equal(page.status, 200);
    assert.match(page.body, /<input id="period" name="period" type="month" class="short" value="2026-11"/);
    assert.match(page.body, /<caption>Останні запуски/);
    assert.match(page.body, /href="\/console\/billing\/runs\/\d+"[^>]*>2026-10<\/a>/);
    assert.match(textOf(page.body), /Розклад недоступний/);
    assert.match(
      page.body,
      /aria-current="page"[^>]*>Нарахування|href="\/console\/billing" aria-current="page"/,
    );
  });

  test("a refused month comes back beside the form and nothing is billed", async () => {
    const admin = await signedInStaff(app, "administrator");
    await admin.get("/console/billing");
    const before = (await runsOf("2026-10")).length;
    const closed = await admin.post("/console/billing/runs", { period: "2026-10" });
    assert.equal(closed.status, 409);
    assert.match(textOf(closed.body), /Період 2026-10 постачальника deu уже нараховано й закрито/);
    assert.match(closed.body, /<title>Помилка: /);
    assert.equal((await runsOf("2026-10")).length, before);

    const future = await admin.post("/console/billing/runs", { period: "2027-01" });
    assert.equal(future.status, 422);
    assert.match(textOf(future.body), /Період 2027-01 ще не завершився/);
    assert.deepEqual(await runsOf("2027-01"), []);

    const nonsense = await admin.post("/console/billing/runs", { period: "листопад" });
    assert.equal(nonsense.status, 400);
    assert.match(nonsense.body, /<a href="#period">Вкажіть місяць як РРРР-ММ/);
  });

  test("an operator may not bill, and another provider's administrator finds no run of this provider", async () => {
    const operator = await signedInStaff(app, "operator");
    assert.equal((await operator.get("/console/billing")).status, 403);
    await operator.get("/console");
    const posted = await operator.post("/console/billing/runs", { period: "2026-11" });
    assert.equal(posted.status, 403);
    assert.deepEqual(await runsOf("2026-11"), []);

    const [run] = await runsOf("2026-10");
    const other = await signedInStaff(app, { email: OTHER_ADMIN });
    assert.equal((await other.get(`/console/billing/runs/${run!.id}`)).status, 404);
    const events = await other.get(`/console/billing/runs/${run!.id}/events`);
    assert.equal(events.status, 404);
    assert.doesNotMatch(events.body, /event: /);
    assert.equal((await operator.get(`/console/billing/runs/${run!.id}`)).status, 403);
    assert.equal((await other.get("/console/billing/runs/99999999")).status, 404);
  });

  test("a run's event stream sends progress while some process bills it, and ends when it stops", async () => {
    const { database } = get();
    const provider = await deuOf(database.db);
    // A run of December as a process billing it would leave it: its size recorded, one batch committed, its lock
    // held (here by the test, which lets go after a second and a half: the process "died").
    const run = await database.db
      .insertInto("billing_runs")
      .values({
        provider_id: provider.id,
        period: "2026-12-01",
        status: "running",
        started_by: "cli",
        accounts_total: 300,
        batches_total: 3,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto("billing_run_batches")
      .values({ run_id: run.id, account_from: 1, account_to: 101, accounts: 100, totals: null })
      .execute();
    const admin = await signedInStaff(app, "administrator");
    const lockSql = (fn: "pg_advisory_lock" | "pg_advisory_unlock") => decemberLock(fn, provider.id);
    const stream = await database.withSession(async (session) => {
      await session.query(lockSql("pg_advisory_lock"));
      const page = await admin.get(`/console/billing/runs/${run.id}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /<progress id="run-progress" max="300" value="100">33%<\/progress>/);
      assert.match(page.body, /<label id="run-progress-label" for="run-progress">Хід нарахування<\/label>/);
      assert.match(page.body, /role="status" aria-live="polite">Триває: пакетів 1 з 3, рахунків 100 з 300\./);
      // Without JavaScript the page refreshes itself while the run goes on.
      assert.match(
        page.body,
        /<head>[\s\S]*<noscript><meta http-equiv="refresh" content="2"><\/noscript>[\s\S]*<\/head>/,
      );
      const reading = admin.get(`/console/billing/runs/${run.id}/events`);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await session.query(lockSql("pg_advisory_unlock"));
      return reading;
    });
    assert.equal(stream.status, 200);
    assert.match(String(stream.headers["content-type"]), /^text\/event-stream/);
    const events = parseEvents(stream.body);
    assert.ok(events.length >= 2, stream.body);
    assert.equal(events[0]!.event, "progress");
    assert.equal(events[0]!.data["state"], "running");
    assert.equal(events[0]!.data["accountsDone"], 100);
    assert.equal(events[0]!.data["status"], "Триває: пакетів 1 з 3, рахунків 100 з 300.");
    assert.equal(events.at(-1)!.event, "end");
    assert.equal(events.at(-1)!.data["state"], "stopped");

    // Stopped: the page says so, offers to resume, and no longer refreshes itself.
    const stopped = await admin.get(`/console/billing/runs/${run.id}`);
    assert.match(textOf(stopped.body), /Нарахування зупинилося після 1 пакетів/);
    assert.match(stopped.body, /Продовжити нарахування/);
    assert.doesNotMatch(stopped.body, /http-equiv="refresh"/);
    await database.db.deleteFrom("billing_run_batches").where("run_id", "=", run.id).execute();
    await database.db.deleteFrom("billing_runs").where("id", "=", run.id).execute();
  });

  test("a run that finishes while its state is being read is reported running or finished, never stopped", async () => {
    const { database, deps } = get();
    const provider = await deuOf(database.db);
    const run = await database.db
      .insertInto("billing_runs")
      .values({ provider_id: provider.id, period: "2026-12-01", status: "running", started_by: "cli" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const lockSql = (fn: "pg_advisory_lock" | "pg_advisory_unlock") => decemberLock(fn, provider.id);
    const actor = { kind: "platform_admin", userId: 0, locale: "uk" } as const;
    const state = await database.withSession(async (session) => {
      await session.query(lockSql("pg_advisory_lock"));
      // The billing process finishes the run just after the service has read the run's status: its row is marked
      // finished, then its lock is let go, as bill-period.ts does.
      let finished = false;
      const finishAfterStatusRead: KyselyPlugin = {
        transformQuery: (args) => args.node,
        transformResult: async (args) => {
          const row = args.result.rows[0] as Record<string, unknown> | undefined;
          if (!finished && row && "status" in row && row["id"] === run.id) {
            finished = true;
            await session.query(`update billing_runs set status = 'finished' where id = ${run.id}`);
            await session.query(lockSql("pg_advisory_unlock"));
          }
          return args.result;
        },
      };
      const watched = {
        ...deps,
        database: { ...database, db: database.db.withPlugin(finishAfterStatusRead) },
      };
      const progress = await getBillingRun(watched, { actor, runId: run.id });
      assert.ok(finished, "the run was finished in the middle of the reading");
      return progress.state;
    });
    assert.notEqual(state, "stopped");
    await database.db.deleteFrom("billing_runs").where("id", "=", run.id).execute();
  });

  test("the administrator starts November: the request answers at once, the run page follows it to its totals", async () => {
    const admin = await signedInStaff(app, "administrator");
    await admin.get("/console/billing");
    const started = await admin.post("/console/billing/runs", { period: "2026-11" }, { follow: false });
    assert.equal(started.status, 303);
    const runId = /^\/console\/billing\/runs\/(\d+)$/.exec(started.location ?? "")?.[1];
    assert.ok(runId, started.location);
    // Started twice: the second is refused while the first runs (or, once it has finished, as closed).
    await admin.get("/console/billing");
    const again = await admin.post("/console/billing/runs", { period: "2026-11" });
    assert.ok([409].includes(again.status), String(again.status));

    const events = parseEvents((await admin.get(`/console/billing/runs/${runId}/events`)).body);
    assert.equal(events.at(-1)!.event, "end");
    assert.equal(events.at(-1)!.data["state"], "finished");
    assert.ok(events.slice(0, -1).every((e) => e.event === "progress" && e.data["state"] === "running"));
    await backgroundRunsSettled();

    const page = await admin.get(`/console/billing/runs/${runId}`);
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /Нарахування за 2026-11/);
    assert.match(text, /Завершено: нараховано \d+ рахунків, місяць закрито\./);
    assert.match(page.body, /<progress id="run-progress" max="1" value="1">100%<\/progress>/);
    assert.match(text, /Підсумки .*Разом за місяць [\d  ]+,\d\d грн/);
    assert.doesNotMatch(page.body, /http-equiv="refresh"/);
    assert.deepEqual(
      (await runsOf("2026-11")).map((r) => r.status),
      ["finished"],
    );
    const closed = await sql<{ n: number }>`
      select count(*)::int as n from closed_periods cp join providers p on p.id = cp.provider_id
      where p.code = 'deu' and cp.period = '2026-11-01'`.execute(get().database.db);
    assert.equal(closed.rows[0]!.n, 1);
  });

  test("the schedule is set as a day and an hour, shown back, refused when impossible, and turned off", async () => {
    const admin = await signedInStaff(scheduledApp, "administrator");
    const page = await admin.get("/console/billing");
    assert.match(textOf(page.body), /Розклад не задано/);
    const saved = await admin.post("/console/billing/schedule", { day: "5", hour: "3" });
    assert.equal(saved.status, 200);
    assert.equal(saved.location, "/console/billing?done=schedule-saved#schedule");
    assert.equal(schedules.kept.get("deu"), "0 3 5 * *");
    assert.match(textOf(saved.body), /Розклад збережено\. .*Зараз: щомісяця 5-го о 03:00 \(Київ\)\./);

    const wrong = await admin.post("/console/billing/schedule", { day: "31", hour: "3" });
    assert.equal(wrong.status, 400);
    assert.match(wrong.body, /<a href="#schedule-day">Оберіть день від 1 до 28/);
    assert.equal(schedules.kept.get("deu"), "0 3 5 * *");

    const off = await admin.post("/console/billing/schedule", { off: "1" });
    assert.equal(off.status, 200);
    assert.equal(schedules.kept.has("deu"), false);
    assert.match(textOf(off.body), /Розклад вимкнено/);

    const operator = await signedInStaff(scheduledApp, "operator");
    await operator.get("/console");
    assert.equal((await operator.post("/console/billing/schedule", { day: "5", hour: "3" })).status, 403);
    assert.equal(schedules.kept.has("deu"), false);
  });
});
