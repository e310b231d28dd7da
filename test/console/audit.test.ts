// The audit log page over HTTP: an administrator reads their provider's lines newest first, filters them by staff
// member, action and account, pages back by id; staff of another provider never see these lines; an operator may
// not read the log; the platform administrator sees every provider's.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { DEMO_PEOPLE } from "../../src/demo/region.ts";
import { textOf } from "../support/cabinet-client.ts";
import { addStaff, seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

forEachDatabase("console: the audit log", (get) => {
  let app: FastifyInstance;
  let deuId: number;
  let gasId: number;
  let operatorId: number;
  let adminId: number;
  before(async () => {
    const { database, deps } = get();
    await seedConsoleRegion(database, deps);
    app = await quietApp(deps);
    const { db } = database;
    const id = async (code: string) =>
      (await db.selectFrom("providers").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
    deuId = await id("deu");
    gasId = await id("donetskoblgaz");
    const user = async (email: string) =>
      (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
    operatorId = await user(DEMO_PEOPLE.operator.email);
    adminId = await user(DEMO_PEOPLE.administrator.email);
    const at = new Date("2026-11-20T10:00:00Z");
    // 60 lines of DEU (the operator's and the administrator's, some on one account) and 3 of the gas company.
    const lines = Array.from({ length: 60 }, (_, i) => ({
      at: new Date(at.getTime() + i * 60_000),
      actor_user_id: i % 2 === 0 ? operatorId : adminId,
      provider_id: deuId,
      account_id: i % 10 === 0 ? 4242 : null,
      channel: "contact_centre",
      action: i % 2 === 0 ? "submitReading" : "saveTariff",
      details: JSON.stringify({ n: i }) as never,
    }));
    const gasLines = Array.from({ length: 3 }, (_, i) => ({
      at,
      actor_user_id: null,
      provider_id: gasId,
      account_id: null,
      channel: "api",
      action: "secretGasAction",
      details: JSON.stringify({ n: i }) as never,
    }));
    await db
      .insertInto("audit_log")
      .values([...lines, ...gasLines])
      .execute();
  });
  after(async () => {
    await app?.close();
  });

  test("an administrator reads their provider's lines, newest first, 50 a page, and pages back", async () => {
    const admin = await signedInStaff(app, "administrator");
    const page = await admin.get("/console/audit");
    assert.equal(page.status, 200);
    assert.match(page.body, /<caption>/);
    const text = textOf(page.body);
    assert.doesNotMatch(text, /secretGasAction/);
    const ns = [...page.body.matchAll(/n: (\d+)/g)].map((m) => Number(m[1]));
    assert.ok(ns.length >= 50);
    assert.deepEqual(ns.slice(0, 3), [59, 58, 57], "newest first");
    const older = /href="(\/console\/audit\?before=\d+)" rel="next"/.exec(page.body)?.[1];
    assert.ok(older, "a link to older lines");
    const next = await admin.get(older.replace(/&amp;/g, "&"));
    assert.equal(next.status, 200);
    const nextNs = [...next.body.matchAll(/n: (\d+)/g)].map((m) => Number(m[1]));
    assert.ok(nextNs.length > 0);
    assert.ok(
      nextNs.every((n) => n < ns.at(-1)!),
      "only older lines",
    );
  });

  test("filters: by staff member, by action, by account; a bad number is a clear error", async () => {
    const admin = await signedInStaff(app, "administrator");
    const byStaff = await admin.get(`/console/audit?staff=${operatorId}`);
    const staffNs = [...byStaff.body.matchAll(/n: (\d+)/g)].map((m) => Number(m[1]));
    assert.equal(staffNs.length, 30);
    assert.ok(staffNs.every((n) => n % 2 === 0));
    assert.match(byStaff.body, new RegExp(`<option value="${operatorId}" selected>`));
    const byAction = await admin.get("/console/audit?action=saveTariff");
    assert.ok([...byAction.body.matchAll(/n: (\d+)/g)].every((m) => Number(m[1]) % 2 === 1));
    const byAccount = await admin.get("/console/audit?account=4242");
    assert.deepEqual(
      [...byAccount.body.matchAll(/n: (\d+)/g)].map((m) => Number(m[1])),
      [50, 40, 30, 20, 10, 0],
    );
    const bad = await admin.get("/console/audit?account=abc");
    assert.equal(bad.status, 400);
    assert.match(textOf(bad.body), /Тут має бути ціле число/);
    assert.match(bad.body, /aria-invalid="true"/);
  });

  test("another provider's administrator never sees DEU's lines, even naming DEU", async () => {
    const email = await addStaff(get().database, {
      providerCode: "donetskoblgaz",
      role: "administrator",
      email: "admin@gas.audit.test",
    });
    const gas = await signedInStaff(app, { email });
    const own = await gas.get("/console/audit");
    assert.equal(own.status, 200);
    assert.match(textOf(own.body), /secretGasAction/);
    assert.doesNotMatch(textOf(own.body), /submitReading|saveTariff/);
    const named = await gas.get(`/console/audit?provider=${deuId}`);
    assert.equal(named.status, 404);
    assert.doesNotMatch(textOf(named.body), /submitReading/);
  });

  test("an operator may not read the log; the platform administrator reads every provider's", async () => {
    const operator = await signedInStaff(app, "operator");
    assert.equal((await operator.get("/console/audit")).status, 403);
    const platform = await signedInStaff(app, "platformAdmin");
    const all = await platform.get("/console/audit?action=secretGasAction");
    assert.equal(all.status, 200);
    assert.match(textOf(all.body), /donetskoblgaz/);
    const deuOnly = await platform.get(`/console/audit?provider=${deuId}&action=secretGasAction`);
    assert.match(textOf(deuOnly.body), /Записів не знайдено/);
  });

  test("a change made in the console is in the log with who made it", async () => {
    const admin = await signedInStaff(app, "administrator");
    await admin.get("/console/staff");
    await admin.post("/console/staff/invite", {
      email: "audited@example.ua",
      fullName: "Аудит",
      role: "operator",
    });
    const page = await admin.get("/console/audit?action=inviteStaff");
    const text = textOf(page.body);
    assert.match(text, new RegExp(DEMO_PEOPLE.administrator.fullName));
    assert.match(text, /inviteStaff contact_centre/);
    assert.match(text, /email: audited@example\.ua/);
  });
});
