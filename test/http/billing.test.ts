// The billing run over HTTP: an administrator bills a month and lists the runs; the period closes; who may not.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { hashPassword } from "../../src/services/auth/password.ts";
import { errorMessage } from "../../src/services/errors.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp, signInAs } from "../support/http.ts";

// After October 2026 is over (Kyiv): it can be billed; November cannot yet.
const NOW = "2026-11-29T10:00:00Z";
const OTHER_ADMIN = "admin@dtke.example.org";

forEachDatabase(
  "billing API",
  (get) => {
    let app: FastifyInstance;
    let admin: string;
    let operator: string;
    let resident: string;
    let platform: string;
    let otherAdmin: string;
    let deu: number;

    before(async () => {
      get().setNow(NOW);
      app = await quietApp(get().deps);
      admin = await signInAs(app, DEMO_PEOPLE.administrator.email, DEMO_PASSWORD);
      operator = await signInAs(app, DEMO_PEOPLE.operator.email, DEMO_PASSWORD);
      resident = await signInAs(app, DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
      platform = await signInAs(app, DEMO_PEOPLE.platformAdmin.email, DEMO_PASSWORD);
      otherAdmin = await signInAs(app, OTHER_ADMIN, DEMO_PASSWORD);
      const { db } = get().database;
      deu = (
        await db.selectFrom("providers").select("id").where("code", "=", "deu").executeTakeFirstOrThrow()
      ).id;
    });
    after(async () => {
      await app?.close();
    });

    const bill = (
      token: string | undefined,
      provider: string | number,
      period: unknown,
      lang?: "uk" | "en",
    ) =>
      call(app, "POST", `/api/providers/${provider}/billing-runs`, {
        ...(token ? { token } : {}),
        body: { period },
        ...(lang ? { lang } : {}),
      });
    const runs = (token: string, provider: string | number) =>
      call(app, "GET", `/api/providers/${provider}/billing-runs`, { token });

    /** What the ledger holds for a provider's month, read apart from the run's own summary. */
    const ledger = async (providerId: number, period: string) => {
      const { rows } = await sql<{ total: number; accounts: number }>`
        select coalesce(sum(amount_kop), 0)::bigint as total, count(distinct account_id)::int as accounts
        from ledger_entries where provider_id = ${providerId} and period = ${`${period}-01`}::date
          and source = 'billing'`.execute(get().database.db);
      return rows[0]!;
    };

    test("the provider's administrator bills a finished month: 201 with figures that add up and match the ledger", async () => {
      const before = await runs(admin, "deu");
      assert.equal(before.status, 200);
      assert.deepEqual(before.body, { runs: [] });

      const res = await bill(admin, "deu", "2026-10");
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const s = res.body;
      assert.equal(s.providerId, deu);
      assert.equal(s.period, "2026-10");
      assert.equal(s.resumed, false);
      assert.ok(s.accounts > 0, "some accounts billed");
      assert.ok(s.charged > 0 && s.charged <= s.accounts);
      assert.ok(s.totalKop > 0);
      assert.equal(s.totalKop, s.chargeKop + s.estimatedKop + s.recalculationKop);
      const l = await ledger(deu, "2026-10");
      assert.equal(l.total, s.totalKop);

      const after = await runs(admin, String(deu));
      assert.equal(after.status, 200);
      assert.equal(after.body.runs.length, 1);
      const run = after.body.runs[0];
      assert.equal(run.id, s.runId);
      assert.equal(run.period, "2026-10");
      assert.equal(run.status, "finished");
      assert.match(run.startedBy, /^user:\d+$/);
      assert.ok(Date.parse(run.finishedAt) >= Date.parse(run.startedAt));
      for (const k of [
        "accounts",
        "charged",
        "estimated",
        "recalculated",
        "chargeKop",
        "totalKop",
        "plannedKop",
      ])
        assert.equal(run.totals[k], s[k], k);
    });

    test("a closed month is refused with 409 billing_period_closed, in the caller's language", async () => {
      const en = await bill(admin, "deu", "2026-10", "en");
      assert.equal(en.status, 409);
      assert.equal(en.body.error.code, "billing_period_closed");
      assert.match(
        en.body.error.message,
        /^Period 2026-10 of deu is already billed and closed \(\d{4}-\d\d-\d\d\)/,
      );
      assert.ok(en.body.error.details.closed_at);
      const uk = await bill(admin, "deu", "2026-10");
      assert.match(uk.body.error.message, /^Період 2026-10 постачальника deu уже нараховано й закрито/);
      assert.equal((await runs(admin, "deu")).body.runs.length, 1, "no second run recorded");
    });

    test("a month before the last closed one (2025-11) or before the first tariff (1999-01) is refused", async () => {
      const past = await bill(admin, "deu", "2025-11", "en");
      assert.equal(past.status, 409);
      assert.equal(past.body.error.code, "billing_period_before_closed");
      assert.match(past.body.error.message, /last closed period 2026-10/);
      const ancient = await bill(admin, "deu", "1999-01", "en");
      assert.equal(ancient.status, 409, "1999-01 is before the closed 2026-10 too");
      assert.equal((await ledger(deu, "2025-11")).total, 0);
      assert.equal((await runs(admin, "deu")).body.runs.length, 1, "no run recorded");
    });

    test("a month not over yet is 422, a malformed month 400, and neither starts a run", async () => {
      const current = await bill(admin, "deu", "2026-11", "en");
      assert.equal(current.status, 422);
      assert.equal(current.body.error.code, "billing_period_not_over");
      assert.equal(
        current.body.error.message,
        errorMessage("billing_period_not_over", "en", { period: "2026-11", from: "2026-12-01" }),
      );
      for (const period of ["2026-13", "2026-1", "october", 202610]) {
        const bad = await bill(admin, "deu", period);
        assert.equal(bad.status, 400, String(period));
        assert.equal(bad.body.error.code, "validation_failed");
      }
      assert.equal((await runs(admin, "deu")).body.runs.length, 1);
    });

    test("operators get 403; residents and another provider's staff 404; no token 401", async () => {
      for (const res of [await bill(operator, "deu", "2026-09"), await runs(operator, "deu")]) {
        assert.equal(res.status, 403);
        assert.equal(res.body.error.code, "forbidden");
      }
      for (const token of [resident, otherAdmin]) {
        for (const res of [await bill(token, "deu", "2026-09"), await runs(token, "deu")]) {
          assert.equal(res.status, 404);
          assert.equal(res.body.error.code, "not_found");
        }
      }
      assert.equal((await bill(undefined, "deu", "2026-09")).status, 401);
      const { db } = get().database;
      const closed = await db
        .selectFrom("closed_periods")
        .select("period")
        .where("provider_id", "=", deu)
        .execute();
      assert.deepEqual(closed, [{ period: "2026-10-01" }], "nobody refused billed September");
    });

    test("a platform administrator bills any provider (by id too) and lists its runs; an unknown one is 404", async () => {
      const { db } = get().database;
      const dtke = await db
        .selectFrom("providers")
        .select("id")
        .where("code", "=", "dtke")
        .executeTakeFirstOrThrow();
      const res = await bill(platform, dtke.id, "2026-10");
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.providerId, dtke.id);
      assert.equal(res.body.totalKop, (await ledger(dtke.id, "2026-10")).total);
      const list = await runs(otherAdmin, "dtke");
      assert.equal(list.status, 200, "dtke's own administrator sees it");
      assert.deepEqual(
        list.body.runs.map((r: { id: number }) => r.id),
        [res.body.runId],
      );
      assert.equal((await runs(platform, "deu")).body.runs.length, 1);
      assert.equal((await runs(platform, "no-such-provider")).status, 404);
      assert.equal((await bill(platform, "999999", "2026-10")).status, 404);
    });

    test("a resident sees what each of their meters would be billed without a reading; not others' accounts", async () => {
      const mine = (await call(app, "GET", "/api/accounts", { token: resident })).body as { id: number }[];
      assert.ok(mine.length > 0);
      const res = await call(app, "GET", `/api/accounts/${mine[0]!.id}/estimate`, { token: resident });
      assert.equal(res.status, 200);
      const body = res.body as {
        meters: { period: string; amountKop: number | null; readingGiven: boolean; citation: string }[];
        totalKop: number;
      };
      assert.ok(body.meters.length > 0);
      for (const m of body.meters) {
        assert.match(m.period, /^\d{4}-\d{2}$/);
        assert.ok(m.citation.length > 0);
        // A meter whose reading is in is billed by it: no estimated amount to add up.
        if (m.readingGiven) assert.equal(m.amountKop, null);
      }
      const expected = body.meters
        .filter((m) => !m.readingGiven && m.amountKop !== null)
        .reduce((a, m) => a + m.amountKop!, 0);
      assert.equal(body.totalKop, expected);
      const { db } = get().database;
      const other = await db
        .selectFrom("accounts")
        .select("id")
        .where(
          "id",
          "not in",
          mine.map((a) => a.id),
        )
        .limit(1)
        .executeTakeFirstOrThrow();
      const foreign = await call(app, "GET", `/api/accounts/${other.id}/estimate`, { token: resident });
      assert.equal(foreign.status, 404);
    });

    test("the heating season: the default, set by the provider's administrator, checked, and not by others", async () => {
      const dtek = "dtke";
      const path = `/api/providers/${dtek}/heating-season`;
      const before = await call(app, "GET", path, { token: platform });
      assert.equal(before.status, 200);
      assert.deepEqual(before.body, { starts: "10-15", ends: "04-15" });
      const set = await call(app, "PUT", path, { token: platform, body: { starts: "10-28", ends: "03-31" } });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      assert.deepEqual((await call(app, "GET", path, { token: platform })).body, {
        starts: "10-28",
        ends: "03-31",
      });
      for (const bad of [
        { starts: "02-30", ends: "04-15" },
        { starts: "10-15", ends: "10-15" },
        { starts: "13-01", ends: "04-15" },
      ]) {
        const refused = await call(app, "PUT", path, { token: platform, body: bad, lang: "en" });
        assert.equal(refused.status, 400, JSON.stringify(bad));
        assert.equal(refused.body.error.code, "heating_season_invalid");
        assert.match(refused.body.error.message, /MM-DD/);
      }
      const malformed = await call(app, "PUT", path, {
        token: platform,
        body: { starts: "15.10", ends: "04-15" },
      });
      assert.equal(malformed.status, 400);
      // Another provider's administrator and a resident see no such provider; nothing changed.
      assert.equal(
        (await call(app, "PUT", path, { token: admin, body: { starts: "10-01", ends: "04-30" } })).status,
        404,
      );
      assert.equal((await call(app, "GET", path, { token: resident })).status, 404);
      assert.equal(
        (
          await call(app, "PUT", `/api/providers/deu/heating-season`, {
            token: operator,
            body: { starts: "10-01", ends: "04-30" },
          })
        ).status,
        403,
      );
      assert.deepEqual((await call(app, "GET", path, { token: platform })).body, {
        starts: "10-28",
        ends: "03-31",
      });
    });

    test("the OpenAPI document describes both operations", async () => {
      const doc = (await call(app, "GET", "/api/openapi.json")).body;
      const path = doc.paths["/api/providers/{provider}/billing-runs"];
      assert.equal(path.post.operationId, "billPeriod");
      assert.equal(path.get.operationId, "listBillingRuns");
      assert.deepEqual(path.post.tags, ["billing"]);
      assert.ok(doc.components.schemas.BillingRunSummary);
    });
  },
  async ({ database }) => {
    await seedRegion(database, { accounts: 200, seed: 42, asOf: "2026-11-25" });
    const hash = await hashPassword(DEMO_PASSWORD);
    const { db } = database;
    const user = await db
      .insertInto("users")
      .values({ email: OTHER_ADMIN, full_name: "Адміністратор ДТЕК", password_hash: hash })
      .returning("id")
      .executeTakeFirstOrThrow();
    const dtke = await db
      .selectFrom("providers")
      .select("id")
      .where("code", "=", "dtke")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("staff_roles")
      .values({ user_id: user.id, provider_id: dtke.id, role: "administrator" })
      .execute();
  },
);
