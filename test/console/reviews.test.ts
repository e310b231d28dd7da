// The operator's review queue over HTTP: a reading flagged as implausible (submitted and confirmed) shows in the
// queue of its provider's staff with its figures; rejecting it with a reason takes it out of billing and the
// resident reads the reason in the cabinet; accepting it keeps it; a second decision is a clear conflict; a month
// already billed refuses a rejection; a rejected correction brings the earlier reading back. Staff of another
// provider neither see it nor reach it (404), and a refused form writes nothing.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import type { Actor } from "../../src/services/actor.ts";
import { callUseCase } from "../../src/services/registry.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { addStaff, seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp, signInAs } from "../support/http.ts";

// 29 November, Kyiv: inside DEU's electricity window (the month's last days to the 2nd), for November.
const IN_WINDOW = "2026-11-29T10:00:00Z";

forEachDatabase("console: readings to review", (get) => {
  let app: FastifyInstance;
  let operator: CabinetClient;
  let outsider: CabinetClient;
  let resident: CabinetClient;
  let operatorId: number;
  /** DEU accounts with a meter: the demo resident's first, then others. */
  let accounts: { id: number; number: string; meterId: number; zones: number }[];

  const db = () => get().database.db;
  const userId = async (email: string) =>
    (await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const readingsOf = (accountId: number) =>
    db()
      .selectFrom("readings")
      .select(["id", "status", "reviewed_by", "review_note", "value", "period"])
      .where("account_id", "=", accountId)
      .where("kind", "=", "regular")
      .orderBy("id")
      .execute();
  const auditCount = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db())).rows[0]!.n);

  /** Sends a reading far above the meter's last one, confirmed, as `actor`: it waits for review. */
  async function flag(actor: Actor, a: (typeof accounts)[number], extra = 4000): Promise<number> {
    const last = await db()
      .selectFrom("readings")
      .select(["zone", "value"])
      .where("account_id", "=", a.id)
      .where("meter_id", "=", a.meterId)
      .where("status", "in", ["accepted", "pending_review"])
      .orderBy("deemed_on", "desc")
      .orderBy("id", "desc")
      .execute();
    const values = Array.from({ length: a.zones }, (_, i) => {
      const prev = last.find((r) => r.zone === i + 1);
      return { zone: i + 1, value: String(Math.floor(Number(prev?.value ?? 0)) + extra) };
    });
    const result = await callUseCase(
      get().deps,
      "submitReading",
      { actor, channel: "web", locale: "uk" },
      { accountId: a.id, meterId: a.meterId, values, confirmed: true },
    );
    assert.equal(result.status, "accepted");
    assert.equal(result.status === "accepted" && result.review, extra > 100, "flagged for review");
    const pending = (await readingsOf(a.id)).filter(
      (r) => r.status !== "superseded" && r.status !== "rejected",
    );
    return pending.at(-1 - (a.zones - 1))!.id;
  }

  before(async () => {
    await seedConsoleRegion(get().database, get().deps);
    get().setNow(IN_WINDOW);
    app = await quietApp(get().deps);
    operator = await signedInStaff(app, "operator");
    const email = await addStaff(get().database, {
      providerCode: "mariupol-vkg",
      role: "administrator",
      email: "admin@vkg.reviews.test",
    });
    outsider = await signedInStaff(app, { email });
    resident = new CabinetClient(app);
    await resident.signIn(DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
    operatorId = await userId(DEMO_PEOPLE.operator.email);
    const residentId = await userId(DEMO_PEOPLE.resident.email);
    const rows = await sql<{ id: number; number: string; meter_id: number; zones: number; mine: boolean }>`
      select a.id, a.number, m.id as meter_id, m.zones,
             exists (select 1 from user_accounts ua where ua.account_id = a.id and ua.user_id = ${residentId}) as mine
      from accounts a join providers p on p.id = a.provider_id
      join meters m on m.account_id = a.id and m.removed_on is null
      where p.code = 'deu'
      order by 5 desc, a.id limit 4`.execute(db());
    accounts = rows.rows.map((r) => ({ id: r.id, number: r.number, meterId: r.meter_id, zones: r.zones }));
    assert.ok(rows.rows[0]!.mine, "the demo resident has a DEU account");
  });
  after(async () => {
    await app?.close();
  });

  const residentActor = async (): Promise<Actor> => ({
    kind: "resident",
    userId: await userId(DEMO_PEOPLE.resident.email),
    locale: "uk",
  });

  /** The demo operator as the use cases see them (they enter readings for callers). */
  const operatorActor = async (accountId: number): Promise<Actor> => {
    const { provider_id } = await db()
      .selectFrom("accounts")
      .select("provider_id")
      .where("id", "=", accountId)
      .executeTakeFirstOrThrow();
    return { kind: "staff", userId: operatorId, role: "operator", providerId: provider_id, locale: "uk" };
  };

  test("a flagged reading shows in its provider's queue with its figures, and nowhere else", async () => {
    const readingId = await flag(await residentActor(), accounts[0]!);
    const page = await operator.get("/console/reviews");
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /Показники на перевірку/);
    assert.ok(text.includes(accounts[0]!.number), "the account is listed");
    assert.match(text, /Більше, ніж може спожити домогосподарство|Значно більше/);
    assert.match(text, /Попередні: /);
    assert.match(page.body, /<caption>/);
    assert.match(page.body, new RegExp(`action="/console/reviews/${accounts[0]!.id}/${readingId}/accept"`));
    assert.match(page.body, new RegExp(`<label for="reason-${readingId}">`));

    const theirs = await outsider.get("/console/reviews");
    assert.equal(theirs.status, 200);
    assert.ok(
      !textOf(theirs.body).includes(accounts[0]!.number),
      "another provider's queue does not show it",
    );
  });

  test("another provider's staff cannot accept or reject it: 404, nothing written", async () => {
    const [a] = accounts;
    const pending = (await readingsOf(a!.id)).find((r) => r.status === "pending_review")!;
    const before = { readings: await readingsOf(a!.id), audit: await auditCount() };
    await outsider.get("/console/reviews");
    const accept = await outsider.post(`/console/reviews/${a!.id}/${pending.id}/accept`, {});
    assert.equal(accept.status, 404);
    const reject = await outsider.post(`/console/reviews/${a!.id}/${pending.id}/reject`, { reason: "нi" });
    assert.equal(reject.status, 404);
    assert.deepEqual(await readingsOf(a!.id), before.readings);
    assert.equal(await auditCount(), before.audit);
  });

  test("rejecting without a reason is refused beside the field, nothing written", async () => {
    const [a] = accounts;
    const pending = (await readingsOf(a!.id)).find((r) => r.status === "pending_review")!;
    const before = await readingsOf(a!.id);
    await operator.get("/console/reviews");
    const page = await operator.post(`/console/reviews/${a!.id}/${pending.id}/reject`, { reason: "   " });
    assert.equal(page.status, 422);
    assert.match(page.body, /class="error-summary"/);
    assert.match(textOf(page.body), /Напишіть, чому показники відхилено/);
    assert.match(page.body, new RegExp(`id="reason-${pending.id}" name="reason"[^>]*aria-invalid="true"`));
    assert.deepEqual(await readingsOf(a!.id), before);
  });

  test("rejected with a reason: out of the queue, every zone rejected, and the resident reads why", async () => {
    const [a] = accounts;
    const pending = (await readingsOf(a!.id)).filter((r) => r.status === "pending_review");
    const audit = await auditCount();
    await operator.get("/console/reviews");
    const reason = "Схоже на зайву цифру: перевірте, будь ласка, лічильник";
    const page = await operator.post(`/console/reviews/${a!.id}/${pending[0]!.id}/reject`, { reason });
    assert.equal(page.status, 200);
    assert.match(page.location ?? "", /^\/console\/reviews\?done=rejected/);
    assert.match(
      textOf(page.body),
      new RegExp(`Показники за рахунком ${a!.number.replace(/\//g, "\\/")} відхилено`),
    );
    assert.ok(
      !page.body.includes(`/console/reviews/${a!.id}/${pending[0]!.id}/accept`),
      "gone from the queue",
    );

    const after = await readingsOf(a!.id);
    for (const p of pending) {
      const r = after.find((x) => x.id === p.id)!;
      assert.equal(r.status, "rejected", "every zone of the submission");
      assert.equal(r.reviewed_by, operatorId);
      assert.equal(r.review_note, reason);
    }
    assert.equal(await auditCount(), audit + 1, "the decision is in the audit log");

    const cabinet = await resident.get(`/readings/${a!.id}`);
    assert.equal(cabinet.status, 200);
    const text = textOf(cabinet.body);
    assert.match(text, /Показники не прийнято/);
    assert.ok(text.includes(`Причина: ${reason}`), "the resident reads the reason");

    const again = await operator.post(`/console/reviews/${a!.id}/${pending[0]!.id}/accept`, {});
    assert.equal(again.status, 409);
    assert.match(textOf(again.body), /вже не чекають на перевірку: їх відхилено/);
    assert.equal((await readingsOf(a!.id)).find((x) => x.id === pending[0]!.id)!.status, "rejected");
  });

  test("accepted: it stays, counted as accepted, and a second decision is a conflict", async () => {
    const a = accounts[1]!;
    const readingId = await flag(await operatorActor(a.id), a);
    await operator.get("/console/reviews");
    const page = await operator.post(`/console/reviews/${a.id}/${readingId}/accept`, {});
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), /прийнято/);
    const r = (await readingsOf(a.id)).find((x) => x.id === readingId)!;
    assert.equal(r.status, "accepted");
    assert.equal(r.reviewed_by, operatorId);
    const again = await operator.post(`/console/reviews/${a.id}/${readingId}/reject`, { reason: "ні" });
    assert.equal(again.status, 409);
    assert.equal((await readingsOf(a.id)).find((x) => x.id === readingId)!.status, "accepted");
  });

  test("a month already billed with the reading cannot have it rejected; accepting is still allowed", async () => {
    const a = accounts[2]!;
    const closed = await sql<{ period: string }>`
      select r.id, r.period::text as period from readings r
      join closed_periods c on c.provider_id = r.provider_id and c.period = r.period
      where r.account_id = ${a.id} and r.kind = 'regular' and r.status = 'accepted'
      order by r.period desc, r.id limit 1`.execute(db());
    const row = closed.rows[0] as unknown as { id: number; period: string };
    assert.ok(row, "a reading of a billed month");
    await sql`update readings set status = 'pending_review', review_reason = 'above_own_average'
      where account_id = ${a.id} and id = ${row.id}`.execute(db());
    await operator.get("/console/reviews");
    const page = await operator.post(`/console/reviews/${a.id}/${row.id}/reject`, {
      reason: "Неправдоподібно",
    });
    assert.equal(page.status, 409);
    assert.match(textOf(page.body), /уже виставлено з цими показниками/);
    const still = (await readingsOf(a.id)).find((x) => x.id === row.id)!;
    assert.equal(still.status, "pending_review");
    assert.equal(still.review_note, null);
    const ok = await operator.post(`/console/reviews/${a.id}/${row.id}/accept`, {});
    assert.equal(ok.status, 200);
    assert.equal((await readingsOf(a.id)).find((x) => x.id === row.id)!.status, "accepted");
  });

  test("a rejected correction brings back the reading it replaced", async () => {
    const a = accounts[3]!;
    const staff = await operatorActor(a.id);
    await flag(staff, a, 20);
    const first = (await readingsOf(a.id)).filter(
      (r) => r.status === "accepted" && r.period.startsWith("2026-11"),
    );
    assert.equal(first.length, a.zones, "a plausible November reading, accepted");
    const correction = await flag(staff, a, 4000);
    assert.ok(
      (await readingsOf(a.id))
        .filter((r) => first.some((f) => f.id === r.id))
        .every((r) => r.status === "superseded"),
    );
    await operator.get("/console/reviews");
    const page = await operator.post(`/console/reviews/${a.id}/${correction}/reject`, { reason: "Помилка" });
    assert.equal(page.status, 200);
    const now = await readingsOf(a.id);
    for (const f of first)
      assert.equal(now.find((r) => r.id === f.id)!.status, "accepted", "the earlier figure stands");
  });

  test("the queue over the API: staff get it, a resident is told not found, nobody must sign in", async () => {
    const a = accounts[1]!;
    const readingId = await flag(await operatorActor(a.id), a, 5000);
    const staffToken = await signInAs(app, DEMO_PEOPLE.operator.email, DEMO_PASSWORD);
    const queue = await call(app, "GET", "/api/readings/review?limit=50", { token: staffToken });
    assert.equal(queue.status, 200);
    const item = queue.body.readings.find((r: { readingId: number }) => r.readingId === readingId);
    assert.equal(item?.accountNumber, a.number);
    assert.equal(item.zones.length, a.zones);
    assert.ok(item.zones[0].previous && item.zones[0].consumption, "the figures to judge by");
    const residentToken = await signInAs(app, DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
    assert.equal((await call(app, "GET", "/api/readings/review", { token: residentToken })).status, 404);
    assert.equal((await call(app, "GET", "/api/readings/review")).status, 401);
    const accepted = await call(app, "POST", `/api/accounts/${a.id}/readings/${readingId}/accept`, {
      token: staffToken,
      body: {},
    });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.status, "accepted");
    assert.equal(accepted.body.readingIds.length, a.zones);
  });
});
