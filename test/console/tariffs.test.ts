// The administrator's tariffs over HTTP: the provider's tariffs with their blocks, zones, fee and dates; a new one
// that ends the current tariff the day before (when asked) and that the calculator prices with from its date; an
// overlapping one refused with tariff_overlap at the top and beside the dates, with nothing written, also when
// several arrive at once; bad blocks and zones refused beside their field; an operator refused, and another
// provider's administrator neither sees nor changes this provider's tariffs.
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
/** 2027's electricity: 1.20 UAH up to 100 kWh, 2.00 above, the 2019 zone coefficients. */
const NEW_TARIFF = {
  service: "electricity",
  settlement: "all",
  effectiveFrom: "2027-01-01",
  effectiveTo: "",
  fee: "0",
  "block-0-upTo": "100",
  "block-0-price": "1,20",
  "block-1-upTo": "",
  "block-1-price": "2.00",
  "block-2-upTo": "",
  "block-2-price": "",
  "zone-2-1": "1",
  "zone-2-2": "0,5",
  "zone-3-1": "1.5",
  "zone-3-2": "1",
  "zone-3-3": "0.4",
  normPerResident: "",
  normPerM2: "",
  source: "Постанова НКРЕКП № 1 від 01.12.2026",
};

forEachDatabase("console: tariffs", (get) => {
  let app: FastifyInstance;
  let admin: Actor;
  let operator: Actor;
  let otherAdmin: Actor;
  let otherAdminEmail: string;

  const db = () => get().database.db;
  const call = <N extends UseCaseName>(name: N, actor: Actor | null, input: InputOf<N>) =>
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
  /** Every tariff row with its blocks and zones, to prove a refusal wrote nothing. */
  const snapshot = async () =>
    (
      await sql<{ t: string }>`select (select count(*) from tariffs) || '/' ||
        (select count(*) from tariff_blocks) || '/' || (select count(*) from tariff_zones) || '/' ||
        coalesce((select string_agg(id || ':' || coalesce(effective_to::text, '-'), ',' order by id) from tariffs), '')
        as t`.execute(db())
    ).rows[0]!.t;
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
  const cost = async (period: string) =>
    (
      await call("calculateUtilityCost", null, {
        provider: "deu",
        service: "electricity",
        settlement: "kramatorsk",
        period,
        basis: "meter",
        used: "150",
      })
    ).consumptionKop;

  before(async () => {
    await seedConsoleRegion(get().database, get().deps);
    get().setNow(NOW);
    app = await quietApp(get().deps);
    admin = await staffActor(DEMO_PEOPLE.administrator.email);
    operator = await staffActor(DEMO_PEOPLE.operator.email);
    otherAdminEmail = await addStaff(get().database, {
      providerCode: "dtke",
      role: "administrator",
      email: "admin@dtke.tariffs.test",
    });
    otherAdmin = await staffActor(otherAdminEmail);
  });
  after(async () => {
    await app?.close();
  });

  test("the page shows the current tariff's blocks, zones, fee, dates and source", async () => {
    const client = await signedInStaff(app, "administrator");
    const page = await client.get("/console/tariffs");
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /Електроенергія: усі населені пункти/);
    assert.match(text, /з 1 березня 2017, безстроково Чинний/);
    assert.match(text, /до 100: 0,9 грн понад 100: 1,68 грн/);
    assert.match(text, /2-зонний, ніч: ×0,5/);
    assert.match(text, /3-зонний, напівпік: ×1/);
    assert.match(text, /Household electricity prices of 2019/);
    assert.match(page.body, /<caption>Тарифи: Електроенергія, усі населені пункти<\/caption>/);
    // The add form's repeating rows, without a script.
    assert.match(page.body, /id="block-2-price"/);
    assert.match(page.body, /id="zone-3-3"/);
    const heating = await client.get("/console/tariffs?service=heating");
    assert.match(textOf(heating.body), /Тарифів не знайдено/);
  });

  test("an overlapping tariff is refused with tariff_overlap at the top and beside the dates; nothing is written", async () => {
    const client = await signedInStaff(app, "administrator");
    await client.get("/console/tariffs");
    const before = await snapshot();
    const page = await client.post("/console/tariffs", NEW_TARIFF);
    assert.equal(page.status, 409);
    assert.match(
      page.body,
      /<a href="#effectiveFrom">Дати перетинаються з наявним тарифом цієї послуги \(з 1 березня 2017, безстроково\)/,
    );
    assert.match(page.body, /id="effectiveFrom-error"/);
    // What was typed comes back.
    assert.match(page.body, /id="block-0-price" name="block-0-price" type="text" class="short" value="1,20"/);
    const api = await refusal(
      call("addTariff", admin, {
        provider: "deu",
        service: "electricity",
        settlementId: null,
        effectiveFrom: "2020-01-01",
        effectiveTo: "2030-01-01",
        fixedFeeKop: 0,
        blocks: [{ upTo: null, priceUah: "1" }],
        zones: [],
        source: "x",
      }),
    );
    assert.equal(api, "tariff_effective_closed");
    assert.equal(await snapshot(), before);
  });

  test("blocks, zones, fees and dates that billing could not price with are refused beside their field", async () => {
    const client = await signedInStaff(app, "administrator");
    await client.get("/console/tariffs");
    const before = await snapshot();
    const cases: [Record<string, string>, number, RegExp, string][] = [
      [{ "block-1-upTo": "50" }, 422, /Остання ціна діє без межі/, "block-1-upTo"],
      [{ "block-1-upTo": "80", "block-2-price": "3" }, 422, /Межа в рядку 2/, "block-1-upTo"],
      [{ "block-0-price": "1.2345678" }, 422, /Ціна в рядку 1/, "block-0-price"],
      [{ "zone-3-2": "" }, 422, /Коефіцієнт зони «напівпік»/, "zone-3-2"],
      [{ "zone-2-2": "0" }, 422, /Коефіцієнт зони «ніч»/, "zone-2-2"],
      [{ "zone-2-1": "", "zone-2-2": "" }, 422, /має 2-зонні лічильники цієї послуги/, "zone-2-1"],
      [{ fee: "12,345" }, 422, /Вкажіть абонплату в гривнях/, "fee"],
      [{ effectiveTo: "2026-12-31" }, 422, /має закінчуватися пізніше/, "effectiveTo"],
      [{ effectiveFrom: "01.01.2027" }, 422, /у форматі РРРР-ММ-ДД/, "effectiveFrom"],
      [{ source: "  " }, 422, /Вкажіть джерело тарифу/, "source"],
      [{ service: "gas" }, 422, /не надає цю послугу/, "service"],
      [{ normPerResident: "-1" }, 422, /Норма: невідʼємне число/, "normPerResident"],
    ];
    for (const [change, status, message, field] of cases) {
      const page = await client.post("/console/tariffs", { ...NEW_TARIFF, endCurrent: "1", ...change });
      assert.equal(page.status, status, JSON.stringify(change));
      assert.match(textOf(page.body), message, JSON.stringify(change));
      assert.match(page.body, new RegExp(`id="${field}-error"`), JSON.stringify(change));
    }
    // A zone set given in part, through the API.
    const partial = await refusal(
      call("addTariff", admin, {
        provider: "deu",
        service: "electricity",
        settlementId: null,
        effectiveFrom: "2027-01-01",
        effectiveTo: null,
        fixedFeeKop: 0,
        blocks: [{ upTo: null, priceUah: "1" }],
        zones: [{ zones: 2, zone: 1, name: "day", coefficient: "1" }],
        source: "x",
        endCurrent: true,
      }),
    );
    assert.equal(partial, "tariff_zones_incomplete");
    assert.equal(await snapshot(), before);
  });

  test("a new tariff ends the current one the day before when asked, shows, and prices from its date", async () => {
    assert.equal(await cost("2026-12"), 17_400); // 100 × 0.90 + 50 × 1.68
    const client = await signedInStaff(app, "administrator");
    await client.get("/console/tariffs");
    const added = await client.post(
      "/console/tariffs",
      { ...NEW_TARIFF, endCurrent: "1" },
      { follow: false },
    );
    assert.equal(added.status, 303);
    const page = await client.get(added.location!);
    const text = textOf(page.body);
    assert.match(text, /Тариф додано: діє з 1 січня 2027\. Попередній тариф діє по 31 грудня 2026\./);
    assert.match(text, /з 1 січня 2027, безстроково Майбутній до 100: 1,2 грн понад 100: 2 грн/);
    assert.match(text, /з 1 березня 2017 по 31 грудня 2026 Чинний/);
    assert.equal(await cost("2026-12"), 17_400);
    assert.equal(await cost("2027-01"), 22_000); // 100 × 1.20 + 50 × 2.00
    const audit = await db()
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "addTariff")
      .execute();
    assert.equal(audit.length, 1);
    const listed = await call("listTariffs", admin, { provider: "deu", service: "electricity" });
    assert.deepEqual(
      listed.tariffs.map((t) => [t.effectiveFrom, t.effectiveTo, t.standing]),
      [
        ["2027-01-01", null, "future"],
        ["2017-03-01", "2027-01-01", "current"],
      ],
    );
  });

  test("several additions of one span at once: one is added, the others get tariff_overlap", async () => {
    const before = Number(
      (await sql<{ n: number }>`select count(*)::int as n from tariffs`.execute(db())).rows[0]!.n,
    );
    const input = {
      provider: "deu",
      service: "electricity" as const,
      settlementId: null,
      effectiveFrom: "2026-11-01",
      effectiveTo: "2026-12-01",
      fixedFeeKop: 0,
      blocks: [{ upTo: null, priceUah: "1" }],
      zones: [
        { zones: 2 as const, zone: 1, name: "day" as const, coefficient: "1" },
        { zones: 2 as const, zone: 2, name: "night" as const, coefficient: "0.5" },
        { zones: 3 as const, zone: 1, name: "peak" as const, coefficient: "1.5" },
        { zones: 3 as const, zone: 2, name: "half_peak" as const, coefficient: "1" },
        { zones: 3 as const, zone: 3, name: "night" as const, coefficient: "0.4" },
      ],
      source: "A settlement's own tariff for November",
    };
    const town = await db()
      .selectFrom("settlements")
      .select("id")
      .where("code", "=", "lyman")
      .executeTakeFirstOrThrow();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => refusal(call("addTariff", admin, { ...input, settlementId: town.id }))),
    );
    assert.deepEqual(results.sort(), ["no refusal", "tariff_overlap", "tariff_overlap", "tariff_overlap"]);
    const after = Number(
      (await sql<{ n: number }>`select count(*)::int as n from tariffs`.execute(db())).rows[0]!.n,
    );
    assert.equal(after, before + 1);
  });

  test("an operator is refused the page, the form and the use cases", async () => {
    const client = await signedInStaff(app, "operator");
    assert.equal((await client.get("/console/tariffs")).status, 403);
    const before = await snapshot();
    assert.equal((await client.post("/console/tariffs", NEW_TARIFF)).status, 403);
    assert.equal(await refusal(call("listTariffs", operator, { provider: "deu" })), "forbidden");
    assert.equal(await snapshot(), before);
  });

  test("another provider's administrator sees only their own tariffs and cannot add to this provider's", async () => {
    const client = await signedInStaff(app, { email: otherAdminEmail });
    const page = await client.get("/console/tariffs?provider=deu&service=electricity");
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, /Household electricity prices of 2019/);
    const own = await client.get("/console/tariffs");
    assert.match(textOf(own.body), /Опалення/);
    const before = await snapshot();
    assert.equal(await refusal(call("listTariffs", otherAdmin, { provider: "deu" })), "not_found");
    assert.equal(
      await refusal(
        call("addTariff", otherAdmin, {
          provider: "deu",
          service: "electricity",
          settlementId: null,
          effectiveFrom: "2099-01-01",
          effectiveTo: null,
          fixedFeeKop: 0,
          blocks: [{ upTo: null, priceUah: "1" }],
          zones: [],
          source: "x",
          endCurrent: true,
        }),
      ),
      "not_found",
    );
    // Their own form aimed at this provider's service: refused as not supplied by them.
    await client.post("/console/tariffs", { ...NEW_TARIFF, endCurrent: "1" });
    assert.equal(await snapshot(), before);
    const anonymous = await app.inject({ method: "GET", url: "/api/tariffs?provider=deu" });
    assert.equal(anonymous.statusCode, 401);
  });
});
