// The administrator's submission windows over HTTP: the rules table, a preview that saves nothing, a change that
// takes effect from its date (the preview, the cabinet's window status and the readings' refusal follow it), days
// the calendar cannot hold and dates in the past refused with nothing written; an operator is refused, and another
// provider's administrator neither sees nor changes this provider's rules.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { DEMO_PEOPLE } from "../../src/demo/region.ts";
import type { Actor } from "../../src/services/actor.ts";
import { AppError } from "../../src/services/errors.ts";
import { callUseCase, type InputOf, type UseCaseName } from "../../src/services/registry.ts";
import { textOf } from "../support/cabinet-client.ts";
import { addStaff, seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

const NOW = "2026-11-26T09:00:00Z";
/** Water's 10th–25th, counted on the day sent, refused outside. */
const WATER_LIKE = {
  service: "electricity",
  settlement: "all",
  opensDay: "10",
  closesDay: "25",
  deemedDateRule: "submission_day",
  latePolicy: "refuse",
  ruleSource: "Рішення постачальника № 7",
  effectiveFrom: "2026-12-01",
};

forEachDatabase("console: submission windows", (get) => {
  let app: FastifyInstance;
  let deuId: number;
  let operator: Actor;
  let otherAdmin: Actor;
  let otherAdminEmail: string;
  let account: { id: number; meterId: number; zones: number };

  const db = () => get().database.db;
  const call = <N extends UseCaseName>(name: N, actor: Actor, input: InputOf<N>) =>
    callUseCase(get().deps, name, { actor, channel: "api", locale: "en" }, input);
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof AppError) return e.code;
      throw e;
    }
    return "no refusal";
  };
  const rules = async () =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from submission_windows`.execute(db())).rows[0]!.n,
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
      role: row.role,
      providerId: row.provider_id!,
      locale: "en",
    } as Actor;
  };

  before(async () => {
    await seedConsoleRegion(get().database, get().deps);
    get().setNow(NOW);
    app = await quietApp(get().deps);
    deuId = (
      await db().selectFrom("providers").select("id").where("code", "=", "deu").executeTakeFirstOrThrow()
    ).id;
    operator = await staffActor(DEMO_PEOPLE.operator.email);
    otherAdminEmail = await addStaff(get().database, {
      providerCode: "dtke",
      role: "administrator",
      email: "admin@dtke.windows.test",
    });
    otherAdmin = await staffActor(otherAdminEmail);
    // An active DEU meter whose verification is not overdue, so only the window decides a submission.
    const meter = await db()
      .selectFrom("meters as m")
      .select(["m.account_id", "m.id", "m.zones"])
      .where("m.provider_id", "=", deuId)
      .where("m.removed_on", "is", null)
      .where((eb) =>
        eb.or([eb("m.verification_due", "is", null), eb("m.verification_due", ">", "2027-12-31")]),
      )
      .orderBy("m.id")
      .limit(1)
      .executeTakeFirstOrThrow();
    account = { id: meter.account_id, meterId: meter.id, zones: meter.zones };
  });
  after(async () => {
    await app?.close();
  });

  test("the page lists the provider's rule in force with its days, deemed date, source and date", async () => {
    const client = await signedInStaff(app, "administrator");
    const page = await client.get("/console/windows");
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /Вікна подачі показань/);
    assert.match(text, /3-й день з кінця по 2 \(наступного місяця\)/);
    assert.match(text, /NEURC resolution No\. 311/);
    assert.match(text, /Діє/);
    assert.match(page.body, /<caption>Правила вікон подачі<\/caption>/);
    // The form starts from the rule in force, offered from the next month.
    assert.match(page.body, /id="opensDay" name="opensDay" type="text" class="short" value="-3"/);
    assert.match(page.body, /name="effectiveFrom" type="date" class="short" value="2026-12-01"/);
  });

  test("Preview shows the next 12 windows from the date and saves nothing", async () => {
    const client = await signedInStaff(app, "administrator");
    const before = await rules();
    const page = await client.get(`/console/windows?${new URLSearchParams({ ...WATER_LIKE, preview: "1" })}`);
    assert.equal(page.status, 200);
    const table = page.body.slice(page.body.indexOf('id="preview"'));
    assert.equal((table.match(/<th scope="row">20\d\d-\d\d<\/th>/g) ?? []).length, 12);
    assert.match(textOf(table), /2026-12 10 грудня 2026 25 грудня 2026/);
    assert.match(textOf(table), /2027-11 10 листопада 2027 25 листопада 2027/);
    assert.match(textOf(table), /ще не збережено/);
    assert.equal(await rules(), before);
  });

  test("days the calendar cannot hold are refused beside their field, and nothing is written", async () => {
    const client = await signedInStaff(app, "administrator");
    const before = await rules();
    const zero = await client.get(
      `/console/windows?${new URLSearchParams({ ...WATER_LIKE, opensDay: "0", preview: "1" })}`,
    );
    assert.equal(zero.status, 422);
    assert.match(zero.body, /<a href="#opensDay">День 0 не підходить/);
    assert.match(zero.body, /id="opensDay-error"/);
    await client.get("/console/windows");
    const wide = await client.post("/console/windows", { ...WATER_LIKE, closesDay: "40" });
    assert.equal(wide.status, 422);
    assert.match(textOf(wide.body), /День 40 не підходить/);
    const wraps = await client.post("/console/windows", {
      ...WATER_LIKE,
      opensDay: "20",
      closesDay: "25",
      deemedDateRule: "first_of_month",
    });
    assert.equal(wraps.status, 422);
    assert.match(textOf(wraps.body), /потребують вікна, що містить 1-ше число/);
    const words = await client.post("/console/windows", { ...WATER_LIKE, opensDay: "десять" });
    assert.equal(words.status, 422);
    assert.match(textOf(words.body), /Вкажіть день цілим числом/);
    const past = await client.post("/console/windows", { ...WATER_LIKE, effectiveFrom: "2026-11-01" });
    assert.equal(past.status, 422);
    assert.match(textOf(past.body), /не може діяти з минулої дати \(1 листопада 2026\)/);
    assert.match(past.body, /id="effectiveFrom-error"/);
    assert.equal(await rules(), before);
  });

  test("a change takes effect from its date: the preview after saving, the window status and the readings follow", async () => {
    const { setNow } = get();
    const meters = () => call("listAccountMeters", operator, { accountId: account.id });
    const electricity = async () => (await meters()).find((m) => m.id === account.meterId)!;
    // Before: the article's -3..2 with late readings taken for the next window.
    assert.equal((await electricity()).window.next.opensOn, "2026-11-28");

    const client = await signedInStaff(app, "administrator");
    await client.get("/console/windows");
    const saved = await client.post("/console/windows", WATER_LIKE, { follow: false });
    assert.equal(saved.status, 303);
    assert.match(saved.location ?? "", /saved=1/);
    const page = await client.get(saved.location!);
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /Правило збережено: діє з 1 грудня 2026/);
    assert.match(text, /2026-12 10 грудня 2026 25 грудня 2026/);
    assert.match(text, /Заплановано/);
    const audit = await db()
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "saveSubmissionWindow")
      .execute();
    assert.equal(audit.length, 1);

    // Still November: the old rule governs.
    assert.equal((await electricity()).window.next.opensOn, "2026-11-28");
    // From 1 December the new one: on the 5th the window is closed and a reading is refused, not taken late.
    setNow("2026-12-05T09:00:00Z");
    try {
      const status = (await electricity()).window;
      assert.equal(status.open, false);
      assert.equal(status.next.opensOn, "2026-12-10");
      assert.equal(status.opensDay, 10);
      const values = Array.from({ length: account.zones }, (_, i) => ({ zone: i + 1, value: "1" }));
      const code = await refusal(
        call("submitReading", operator, { accountId: account.id, meterId: account.meterId, values }),
      );
      assert.equal(code, "window_closed");
      setNow("2026-12-12T09:00:00Z");
      const open = (await electricity()).window;
      assert.equal(open.open, true);
      assert.equal(open.daysLeft, 14);
      // The rule now in force; the old one stays in the history as superseded.
      const list = await call(
        "listSubmissionWindows",
        operator.kind === "staff" ? { ...operator, role: "administrator" } : operator,
        {
          provider: "deu",
        },
      );
      assert.deepEqual(
        list.rules.filter((r) => r.service === "electricity").map((r) => [r.opensDay, r.standing]),
        [
          [10, "in_force"],
          [-3, "superseded"],
        ],
      );
    } finally {
      setNow(NOW);
    }
  });

  test("a settlement the provider does not serve is refused, and nothing is written", async () => {
    const before = await rules();
    const mariupolOnly = await db()
      .selectFrom("settlements")
      .select("id")
      .where(
        "id",
        "not in",
        db().selectFrom("provider_services").select("settlement_id").where("provider_id", "=", deuId),
      )
      .executeTakeFirst();
    const admin = { ...operator, role: "administrator" } as Actor;
    if (mariupolOnly) {
      const code = await refusal(
        call("saveSubmissionWindow", admin, {
          provider: "deu",
          service: "electricity",
          settlementId: mariupolOnly.id,
          opensDay: 1,
          closesDay: 5,
          deemedDateRule: "first_of_month",
          latePolicy: "refuse",
          ruleSource: "",
          effectiveFrom: "2027-01-01",
        }),
      );
      assert.equal(code, "service_not_served");
    }
    const gas = await refusal(
      call("saveSubmissionWindow", admin, {
        provider: "deu",
        service: "gas",
        settlementId: null,
        opensDay: 1,
        closesDay: 5,
        deemedDateRule: "first_of_month",
        latePolicy: "refuse",
        ruleSource: "",
        effectiveFrom: "2027-01-01",
      }),
    );
    assert.equal(gas, "service_not_served");
    assert.equal(await rules(), before);
  });

  test("an operator is refused the page, the form and the use cases", async () => {
    const client = await signedInStaff(app, "operator");
    assert.equal((await client.get("/console/windows")).status, 403);
    const before = await rules();
    assert.equal((await client.post("/console/windows", WATER_LIKE)).status, 403);
    assert.equal(await refusal(call("listSubmissionWindows", operator, { provider: "deu" })), "forbidden");
    assert.equal(await rules(), before);
  });

  test("another provider's administrator sees only their own rules and cannot change this provider's", async () => {
    const client = await signedInStaff(app, { email: otherAdminEmail });
    const page = await client.get("/console/windows?provider=deu");
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, /NEURC resolution No\. 311/);
    assert.match(textOf(page.body), /Опалення|Гаряча вода/);
    const before = await rules();
    const input = {
      provider: "deu",
      service: "electricity" as const,
      settlementId: null,
      opensDay: 1,
      closesDay: 5,
      deemedDateRule: "first_of_month" as const,
      latePolicy: "refuse" as const,
      ruleSource: "",
      effectiveFrom: "2027-02-01",
    };
    assert.equal(await refusal(call("saveSubmissionWindow", otherAdmin, input)), "not_found");
    assert.equal(await refusal(call("listSubmissionWindows", otherAdmin, { provider: "deu" })), "not_found");
    // Their own form, aimed at this provider's service: refused as not supplied by them.
    await client.post("/console/windows", { ...WATER_LIKE });
    assert.equal(await rules(), before);
    const anonymous = await app.inject({ method: "GET", url: "/api/windows?provider=deu" });
    assert.equal(anonymous.statusCode, 401);
  });
});
