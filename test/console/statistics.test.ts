// The console's statistics over HTTP and through the registry, on known inputs: readings submitted on chosen
// channels (late ones before the window opened, on-time ones inside it), a bank registry's payments and a
// resident's sign-in change the month's figures by exactly what was done; a refresh stores what the page then
// shows; the CSV carries the table's figures; an operator is refused, another provider's administrator never sees
// this provider's figures, and a bad month range is a clear error that writes nothing.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { refreshStatisticsNightly } from "../../src/jobs/statistics-job.ts";
import type { Actor } from "../../src/services/actor.ts";
import { hashPassword } from "../../src/services/auth/password.ts";
import type { ContextChannel } from "../../src/services/context.ts";
import { callUseCase, type OutputOf } from "../../src/services/registry.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { addStaff, seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

type Stats = OutputOf<"getMonthlyStatistics">;

function figure(
  out: Stats,
  period: string,
  metric: string,
  channel: string,
): { value: number; amount: number } {
  const row = out.months
    .find((m) => m.period === period)
    ?.rows.find((r) => r.metric === metric && r.channel === channel);
  return { value: row?.value ?? 0, amount: row?.amountKop ?? 0 };
}

forEachDatabase("console: statistics per month and channel", (get) => {
  let app: FastifyInstance;
  let deuId: number;
  let admin: Actor;
  let operator: Actor;
  let otherAdminEmail: string;
  /** Accounts of DEU with a single-zone meter, free of the demo people, and a reading above each one's last. */
  let meters: { accountId: number; meterId: number; number: string; next: string }[];

  const db = () => get().database.db;
  const call = <N extends "getMonthlyStatistics" | "refreshMonthlyStatistics" | "submitReading">(
    name: N,
    actor: Actor,
    input: Parameters<typeof callUseCase<N>>[3],
    channel: ContextChannel = "api",
  ) => callUseCase(get().deps, name, { actor, channel, locale: "uk" }, input);
  const stored = async () =>
    Number(
      (await sql<{ n: number }>`select count(*)::bigint as n from monthly_statistics`.execute(db())).rows[0]!
        .n,
    );

  const staffActor = async (email: string): Promise<Actor> => {
    const row = await db()
      .selectFrom("users as u")
      .innerJoin("staff_roles as s", "s.user_id", "u.id")
      .select(["u.id", "s.role", "s.provider_id"])
      .where("u.email", "=", email)
      .executeTakeFirstOrThrow();
    return {
      kind: "staff",
      userId: row.id,
      role: row.role as "operator" | "administrator",
      providerId: row.provider_id!,
      locale: "uk",
    };
  };

  /** A resident linked to the account, signing in with the demo password. */
  const resident = async (email: string, accountId: number): Promise<Actor> => {
    const user = await db()
      .insertInto("users")
      .values({ email, phone: null, full_name: email, password_hash: await hashPassword(DEMO_PASSWORD) })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The users row's e-mail is a verified identity already (a trigger writes it, migration 0013).
    await db()
      .insertInto("user_accounts")
      .values({ user_id: user.id, account_id: accountId, provider_id: deuId })
      .execute();
    return { kind: "resident", userId: user.id, locale: "uk" };
  };

  before(async () => {
    const { database, deps } = get();
    get().setNow("2026-11-25T10:00:00Z");
    await seedConsoleRegion(database, deps);
    app = await quietApp(deps);
    deuId = (
      await db().selectFrom("providers").select("id").where("code", "=", "deu").executeTakeFirstOrThrow()
    ).id;
    admin = await staffActor(DEMO_PEOPLE.administrator.email);
    operator = await staffActor(DEMO_PEOPLE.operator.email);
    otherAdminEmail = await addStaff(database, {
      providerCode: "mariupol-vkg",
      role: "administrator",
      email: "admin@mariupol.statistics.test",
    });
    const { rows } = await sql<{ account_id: number; meter_id: number; number: string; last: string | null }>`
      select m.account_id, m.id as meter_id, a.number, max(r.value)::text as last
      from meters m
      join accounts a on a.id = m.account_id
      left join readings r on r.account_id = m.account_id and r.meter_id = m.id and r.status = 'accepted'
      where a.provider_id = ${deuId} and m.zones = 1 and m.removed_on is null and m.decimals = 0
        and (m.verification_due is null or m.verification_due > '2027-06-01')
        and not exists (select 1 from user_accounts ua where ua.account_id = a.id)
        and not exists (select 1 from meters o where o.account_id = a.id and o.id <> m.id)
      group by m.account_id, m.id, a.number
      order by m.account_id
      limit 6`.execute(db());
    assert.equal(rows.length, 6, "six DEU accounts with one single-zone meter");
    meters = rows.map((r) => ({
      accountId: Number(r.account_id),
      meterId: Number(r.meter_id),
      number: r.number,
      next: String(Math.floor(Number(r.last ?? "0")) + 7),
    }));
  });
  after(async () => {
    await app?.close();
  });

  test("readings on chosen channels, bank payments and a sign-in change the month by exactly what was done", async () => {
    get().setNow("2026-11-25T10:00:00Z");
    const before = await call("getMonthlyStatistics", admin, { from: "2026-11", to: "2026-11" });
    const people = await Promise.all(
      ["voice", "facebook", "viber", "telegram", "web"].map((c, i) =>
        resident(`${c}@residents.statistics.test`, meters[i]!.accountId),
      ),
    );
    const submit = async (actor: Actor, i: number, channel: ContextChannel) => {
      const m = meters[i]!;
      const r = await call(
        "submitReading",
        actor,
        { accountId: m.accountId, meterId: m.meterId, value: m.next, confirmed: true },
        channel,
      );
      assert.equal(r.status, "accepted", JSON.stringify(r));
      return r as { late: boolean; period: string };
    };
    // 25 November: DEU's window for November (the last 3 days and the 1st–2nd) has not opened: accepted late.
    assert.equal((await submit(people[0]!, 0, "voice")).late, true);
    assert.equal((await submit(people[1]!, 1, "facebook")).late, true);
    assert.equal((await submit(operator, 5, "contact_centre")).late, true);
    // 29 November: inside the window.
    get().setNow("2026-11-29T10:00:00Z");
    const onTime = await submit(people[2]!, 2, "viber");
    assert.deepEqual([onTime.late, onTime.period], [false, "2026-11"]);
    assert.equal((await submit(people[3]!, 3, "telegram")).late, false);
    // A resident signs in to the cabinet: active on the web this month.
    const client = new CabinetClient(app);
    assert.equal((await client.signIn("web@residents.statistics.test", DEMO_PASSWORD)).status, 200);
    // A bank's registry: two payments in November.
    const registry =
      "reference,account,amount,paid_on,service\n" +
      `STAT-1,${meters[0]!.number},123.45,2026-11-20,\n` +
      `STAT-2,${meters[1]!.number},10.00,2026-11-21,\n`;
    await callUseCase(
      get().deps,
      "importPaymentRegistry",
      { actor: admin, channel: "api", locale: "uk" },
      {
        provider: "deu",
        source: "standard",
        fileName: "stat.csv",
        content: new TextEncoder().encode(registry),
      },
    );

    const afterOut = await call("getMonthlyStatistics", admin, { from: "2026-11", to: "2026-11" });
    const delta = (metric: string, channel: string) =>
      figure(afterOut, "2026-11", metric, channel).value - figure(before, "2026-11", metric, channel).value;
    const submitted = Object.fromEntries(
      ["voice", "facebook", "contact_centre", "viber", "telegram"].map((c) => [
        c,
        delta("readings_submitted", c),
      ]),
    );
    assert.deepEqual(submitted, { voice: 1, facebook: 1, contact_centre: 1, viber: 1, telegram: 1 });
    const late = Object.fromEntries(
      ["voice", "facebook", "contact_centre", "viber", "telegram"].map((c) => [c, delta("readings_late", c)]),
    );
    assert.deepEqual(late, { voice: 1, facebook: 1, contact_centre: 1, viber: 0, telegram: 0 });
    const active = Object.fromEntries(
      ["all", "web", "voice", "facebook", "viber", "telegram", "contact_centre"].map((c) => [
        c,
        delta("active_residents", c),
      ]),
    );
    // The operator's entry is not a resident's activity; each resident counts once in "all".
    assert.deepEqual(active, {
      all: 5,
      web: 1,
      voice: 1,
      facebook: 1,
      viber: 1,
      telegram: 1,
      contact_centre: 0,
    });
    assert.equal(delta("payments", "bank"), 2);
    assert.equal(
      figure(afterOut, "2026-11", "payments", "bank").amount -
        figure(before, "2026-11", "payments", "bank").amount,
      13_345,
    );
    // The registry import is the staff change of the month through the API (the submissions' own audit lines are
    // stamped by the database's clock, not the test's, so they fall in the real month).
    assert.equal(delta("logged_actions", "api"), 1);
    // The current month is computed for the answer, not stored.
    assert.equal(afterOut.months[0]!.computedAt, null);
  });

  test("a refresh stores the month; bills and estimated bills are the billing run's own counts", async () => {
    get().setNow("2026-11-29T12:00:00Z");
    const client = await signedInStaff(app, "administrator");
    await client.get("/console/statistics?from=2026-09&to=2026-11");
    const page = await client.post("/console/statistics/refresh", {
      from: "2026-09",
      to: "2026-11",
      period: "2026-10",
    });
    assert.equal(page.status, 200);
    assert.equal(page.location, "/console/statistics?from=2026-09&to=2026-11&refreshed=2026-10");
    assert.match(textOf(page.body), /2026-10/);
    const { rows } = await sql<{ bills: number; estimated: number; amount: number }>`
      select count(*)::bigint as bills, (count(*) filter (where e))::bigint as estimated, sum(a)::bigint as amount
      from (select account_id, service_code, bool_or(method in ('average', 'norm')) as e, sum(amount_kop) as a
            from billed_usage where provider_id = ${deuId} and period = '2026-10-01' and method <> 'opening'
            group by 1, 2) b`.execute(db());
    const expected = rows[0]!;
    assert.ok(Number(expected.bills) > 0, "October was billed");
    const storedRows = await db()
      .selectFrom("monthly_statistics")
      .selectAll()
      .where("provider_id", "=", deuId)
      .where("period", "=", "2026-10-01")
      .execute();
    const bills = storedRows.find((r) => r.metric === "bills_issued");
    const estimated = storedRows.find((r) => r.metric === "bills_estimated");
    assert.deepEqual(
      [bills?.value, bills?.amount_kop, estimated?.value],
      [Number(expected.bills), Number(expected.amount), Number(expected.estimated)],
    );
    const out = await call("getMonthlyStatistics", admin, { from: "2026-10", to: "2026-10" });
    assert.notEqual(out.months[0]!.computedAt, null, "October is read from the stored rows");
    assert.equal(figure(out, "2026-10", "bills_issued", "all").value, Number(expected.bills));
    // The refresh is a change made by staff: the audit log has it.
    const audit = await db()
      .selectFrom("audit_log")
      .select(["channel", "details"])
      .where("action", "=", "refreshMonthlyStatistics")
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.channel, "contact_centre");
  });

  test("the page draws a table and a chart per metric, and the CSV carries the table's figures", async () => {
    get().setNow("2026-11-29T12:00:00Z");
    const client = await signedInStaff(app, "administrator");
    const page = await client.get("/console/statistics?from=2026-10&to=2026-11");
    assert.equal(page.status, 200);
    assert.equal((page.body.match(/<h1[ >]/g) ?? []).length, 1);
    assert.match(
      page.body,
      /<svg class="statistics" role="img" aria-labelledby="chart-\d+-title chart-\d+-desc"/,
    );
    assert.match(page.body, /<caption>Подані показники: за каналами/);
    assert.match(page.body, /<th scope="col" class="num">2026-11<\/th>/);
    assert.match(
      page.body,
      /aria-current="page"[^>]*>Статистика|href="\/console\/statistics" aria-current="page"/,
    );
    assert.match(textOf(page.body), /Даних ще немає/);

    const csv = await client.get("/console/statistics.csv?from=2026-10&to=2026-11");
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers["content-type"]), /^text\/csv/);
    assert.match(
      String(csv.headers["content-disposition"]),
      /attachment; filename="statistics-deu-2026-10-2026-11.csv"/,
    );
    const lines = csv.body.trim().split("\r\n");
    assert.equal(lines[0], "provider,period,metric,channel,value,amount_uah,computed_at");
    const fromCsv = new Map<string, number>();
    for (const line of lines.slice(1)) {
      const [provider, period, metric, channel, value] = line.split(",");
      assert.equal(provider, "deu");
      fromCsv.set(`${metric}|${channel}|${period}`, Number(value));
    }
    // Every cell of the readings table is the CSV's figure for that channel and month.
    const table = /<table class="statistics" data-metric="readings_submitted">([\s\S]*?)<\/table>/.exec(
      page.body,
    )![1]!;
    let cells = 0;
    for (const [, channel, row] of table.matchAll(/<tr data-channel="([a-z_]+)">([\s\S]*?)<\/tr>/g)) {
      const values = [...row!.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) =>
        Number(m[1]!.replace(/\D/g, "")),
      );
      assert.deepEqual(values, [
        fromCsv.get(`readings_submitted|${channel}|2026-10`) ?? 0,
        fromCsv.get(`readings_submitted|${channel}|2026-11`) ?? 0,
      ]);
      cells += values.length;
    }
    assert.ok(cells >= 10, `${cells} cells compared`);
    assert.ok((fromCsv.get("readings_submitted|voice|2026-11") ?? 0) >= 1);
  });

  test("an operator is refused the page, the CSV and the refresh, and nothing is written", async () => {
    const count = await stored();
    const client = await signedInStaff(app, "operator");
    assert.equal((await client.get("/console/statistics")).status, 403);
    assert.equal((await client.get("/console/statistics.csv?from=2026-10&to=2026-11")).status, 403);
    await client.get("/console");
    const refused = await client.post("/console/statistics/refresh", { period: "2026-10" });
    assert.equal(refused.status, 403);
    assert.match(textOf(refused.body), /ця дія вам недоступна/);
    await assert.rejects(call("refreshMonthlyStatistics", operator, { period: "2026-10" }), {
      code: "forbidden",
    });
    assert.equal(await stored(), count);
  });

  test("another provider's administrator never sees nor refreshes this provider's figures", async () => {
    get().setNow("2026-11-29T12:00:00Z");
    const count = await stored();
    const client = await signedInStaff(app, { email: otherAdminEmail });
    assert.equal((await client.get("/console/statistics?provider=deu&from=2026-10&to=2026-11")).status, 404);
    assert.equal(
      (await client.get("/console/statistics.csv?provider=deu&from=2026-10&to=2026-11")).status,
      404,
    );
    const own = await client.get("/console/statistics?from=2026-10&to=2026-11");
    assert.equal(own.status, 200);
    assert.equal(
      (await client.post("/console/statistics/refresh", { provider: "deu", period: "2026-10" })).status,
      404,
    );
    assert.equal(await stored(), count, "nothing written by the refused refresh");
    // Their own CSV names their provider only, and none of DEU's channels (DEU alone takes readings by voice).
    const csv = await client.get("/console/statistics.csv?from=2026-10&to=2026-11");
    const rows = csv.body.trim().split("\r\n").slice(1);
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.startsWith("mariupol-vkg,")));
    assert.ok(!rows.some((r) => /,readings_submitted,voice,/.test(r)));
    assert.doesNotMatch(own.body, /data-channel="voice"/);
  });

  test("a bad month range is a clear error on the form, and a month ahead cannot be refreshed", async () => {
    get().setNow("2026-11-29T12:00:00Z");
    const count = await stored();
    const client = await signedInStaff(app, "administrator");
    const bad = await client.get("/console/statistics?from=2026-13&to=2026-11");
    assert.equal(bad.status, 400);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /href="#from"/);
    const reversed = await client.get("/console/statistics?from=2026-11&to=2026-09");
    assert.equal(reversed.status, 422);
    assert.match(textOf(reversed.body), /не більше ніж 24 місяців/);
    const ahead = await client.post("/console/statistics/refresh", {
      from: "2026-10",
      to: "2026-11",
      period: "2027-01",
    });
    assert.equal(ahead.status, 422);
    assert.match(ahead.body, /href="#period"/);
    assert.match(textOf(ahead.body), /Місяць 2027-01 ще не настав/);
    assert.equal(await stored(), count);
  });

  test("a platform administrator chooses the provider; the nightly job stores every provider's recent months", async () => {
    get().setNow("2026-11-29T12:00:00Z");
    const client = await signedInStaff(app, "platformAdmin");
    const page = await client.get("/console/statistics?provider=mariupol-vkg&from=2026-10&to=2026-11");
    assert.equal(page.status, 200);
    assert.match(page.body, /<select id="provider" name="provider">/);
    assert.match(page.body, /<option value="mariupol-vkg" selected>/);
    // Sign-ins vanish with their sessions: a recount of a past month never lowers its active residents.
    await db()
      .updateTable("monthly_statistics")
      .set({ value: 999_999 })
      .where("provider_id", "=", deuId)
      .where("period", "=", "2026-10-01")
      .where("metric", "=", "active_residents")
      .where("channel", "=", "all")
      .execute();
    const result = await refreshStatisticsNightly(get().deps);
    const kept = await db()
      .selectFrom("monthly_statistics")
      .select("value")
      .where("provider_id", "=", deuId)
      .where("period", "=", "2026-10-01")
      .where("metric", "=", "active_residents")
      .where("channel", "=", "all")
      .executeTakeFirstOrThrow();
    assert.equal(kept.value, 999_999);
    const providers = await db().selectFrom("providers").select("id").execute();
    // Per provider: the current month, the previous one, and the eleven before it that nothing has stored.
    assert.equal(result.months, providers.length * 13);
    const { rows } = await sql<{ provider_id: number; period: string }>`
      select distinct provider_id, to_char(period, 'YYYY-MM') as period from monthly_statistics
      where period >= '2026-10-01'`.execute(db());
    for (const p of providers)
      assert.ok(
        rows.some((r) => Number(r.provider_id) === p.id && r.period === "2026-10"),
        `provider ${p.id} has October`,
      );
  });
});
