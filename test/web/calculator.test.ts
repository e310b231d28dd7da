// The calculator as a resident uses it: a GET form that works without signing in or a token, whose answer is the
// charge the billing run itself makes for the same household and month (an unmetered flat billed by the run
// here, then asked about on the page), shown line by line; a meter's expected use priced as the domain prices
// it; and bad input shown at its field, in the summary and beside the field.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { priceProrated } from "../../src/domain/billing/proration.ts";
import { formatUah, kop } from "../../src/domain/money.ts";
import { parsePeriod } from "../../src/domain/period.ts";
import { hashPassword } from "../../src/services/auth/password.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import { loadTariffs } from "../../src/services/billing/run/tariff-parts.ts";
import { BillingFixture } from "../support/billing-fixture.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp } from "../support/http.ts";

const EMAIL = "calc@cabinet.test";
const PASSWORD = "warm radiators in november";

let ids: { f: BillingFixture; heat: number; flat: number; town: number };

/** The calculator's address for a question, as the form sends it. */
function ask(fields: Record<string, string>): string {
  return `/calculator?${new URLSearchParams({ what: "heat:heating", settlement: "test-town", month: "2019-11", basis: "norm", ...fields })}`;
}

/** The total the page shows. */
function totalOf(body: string): string | undefined {
  return /<span class="amount" id="calc-total">([^<]+)<\/span>/.exec(body)?.[1];
}

forEachDatabase(
  "cabinet: the heating and hot-water calculator",
  (get) => {
    let app: FastifyInstance;
    before(async () => {
      app = await quietApp(get().deps);
    });

    test("the form: GET, no token, a label for every field, the live providers and months to choose from", async () => {
      const page = await new CabinetClient(app).get("/calculator");
      assert.equal(page.status, 200);
      assert.match(page.body, /<form method="get" action="\/calculator" novalidate/);
      const form = /<form method="get" action="\/calculator"[\s\S]*?<\/form>/.exec(page.body)?.[0] ?? "";
      assert.doesNotMatch(form, /_csrf/, "a computation needs no token");
      for (const id of ["what", "settlement", "month", "area", "residents", "used"]) {
        assert.match(page.body, new RegExp(`<label for="${id}">`), id);
      }
      assert.match(page.body, /<option value="heat:heating"[^>]*>Опалення — heat<\/option>/);
      assert.match(page.body, /<option value="heat:hot_water"[^>]*>Гаряча вода — heat<\/option>/);
      assert.match(page.body, /<option value="power:heating"/);
      assert.doesNotMatch(page.body, /value="lights:/, "electricity only: not this calculator's");
      assert.match(page.body, /<option value="2019-12" selected>грудень 2019<\/option>/);
      assert.equal(totalOf(page.body), undefined, "no result before a question");
    });

    test("heating by area in October is what the billing run charged the same flat, shown line by line", async () => {
      const billed = await ids.f.billed(ids.flat, "2019-10");
      const page = await new CabinetClient(app).get(ask({ month: "2019-10", area: "52,5" }));
      assert.equal(page.status, 200);
      assert.equal(totalOf(page.body), formatUah(kop(billed["heating:charge"]!), "uk"));
      const text = textOf(page.body);
      // 52.5 × 0.0168 = 0.882 Gcal a month, on 17 of October's 31 days: 0.484; × 1654.41 = 800.73; + 21.50.
      assert.match(text, /52,5 м² × 0,0168 Гкал\/м² × 17\/31 днів місяця = 0,484 Гкал/);
      assert.match(text, /0,484 Гкал × 1 654,41 грн = 800,73 грн/);
      assert.match(text, /Абонентська плата за місяць: 21,50 грн/);
      assert.equal(billed["heating:charge"], 82223);
      assert.match(page.body, /<option value="2019-10" selected>/, "the month asked for stays chosen");
      assert.match(page.body, /value="52,5"/, "the typed area stays");
      assert.ok(Buffer.byteLength(page.body) < 60_000);
    });

    test("hot water by residents in November equals the run's charge; in Russian too", async () => {
      const billed = await ids.f.billed(ids.flat, "2019-11");
      const page = await new CabinetClient(app).get(
        `${ask({ what: "heat:hot_water", residents: "2" })}&lang=ru`,
      );
      assert.equal(page.status, 200);
      assert.equal(totalOf(page.body), formatUah(kop(billed["hot_water:charge"]!), "ru"));
      const text = textOf(page.body);
      assert.match(text, /2 человека × 2,5 м³\/чел\. = 5,000 м³/);
      assert.match(text, /5,000 м³ × 93,40 грн = 467,00 грн/);
      assert.match(text, /Итого к оплате/);
    });

    test("a meter's expected use is priced as the domain prices a month, plus the fee", async () => {
      const tariffs = (await loadTariffs(get().database.db, ids.heat))
        .filter((t) => t.service === "heating")
        .map((t) => t.tariff);
      const expected = priceProrated(parsePeriod("2019-11"), tariffs, [{ zone: 1, used: 1250n }], 1);
      const page = await new CabinetClient(app).get(ask({ basis: "meter", used: "1,25" }));
      assert.equal(totalOf(page.body), formatUah(kop(expected.totalKop), "uk"));
      assert.match(textOf(page.body), /1,250 Гкал × 1 654,41 грн = 2 068,01 грн/);
    });

    test("a signed-in resident gets the page in the cabinet's frame", async () => {
      // Today's clock, so the session cookie is not already expired for the client.
      get().setNow(new Date());
      try {
        const client = new CabinetClient(app);
        await client.signIn(EMAIL, PASSWORD);
        const page = await client.get(ask({ area: "40" }));
        assert.match(page.body, /aria-current="page">Калькулятор/);
        assert.ok(totalOf(page.body));
      } finally {
        get().setNow("2019-12-05T09:00:00Z");
      }
    });

    test("a negative area is an error at the area field and in the summary; nothing is calculated", async () => {
      const page = await new CabinetClient(app).get(ask({ area: "-5" }));
      assert.equal(page.status, 400);
      assert.match(page.body, /<title>Помилка: /);
      assert.match(page.body, /class="error-summary"[\s\S]*<a href="#area">Площа — це число більше нуля/);
      assert.match(page.body, /<p class="error-message" id="area-error">Площа — це число більше нуля/);
      assert.match(
        page.body,
        /<input id="area"[^>]*aria-describedby="area-hint area-error"[^>]*aria-invalid="true"/,
      );
      assert.equal(totalOf(page.body), undefined);
    });

    test("words where numbers belong: residents and the meter's use, each at its own field", async () => {
      const residents = await new CabinetClient(app).get(ask({ what: "heat:hot_water", residents: "два" }));
      assert.equal(residents.status, 400);
      assert.match(residents.body, /<a href="#residents">Кількість осіб — ціле число від 1 до 100/);
      assert.match(residents.body, /id="residents-error"/);
      const used = await new CabinetClient(app).get(ask({ basis: "meter", used: "багато" }));
      assert.equal(used.status, 400);
      assert.match(used.body, /<a href="#used">Споживання — число не менше нуля/);
      assert.doesNotMatch(used.body, /id="area-error"/, "the area is not asked for on a meter");
      const empty = await new CabinetClient(app).get(ask({ area: "" }));
      assert.match(empty.body, /<a href="#area">Введіть опалювану площу/);
    });

    test("a settlement the provider does not serve is refused at the settlement field", async () => {
      const page = await new CabinetClient(app).get(ask({ settlement: "elsewhere", area: "40" }));
      assert.equal(page.status, 422);
      assert.match(
        page.body,
        /<a href="#settlement">heat не постачає послугу «Опалення» у населеному пункті Деінде/,
      );
      assert.match(page.body, /id="settlement-error"/);
    });

    test("the calculator over the API, with no token: the same total as the page", async () => {
      const res = await call(
        app,
        "GET",
        "/api/calculator?provider=heat&service=heating&settlement=test-town&period=2019-10&basis=norm&areaM2=52.5",
      );
      assert.equal(res.status, 200);
      assert.equal(res.body.totalKop, 82223);
      assert.equal(res.body.quantity, "0.484");
      assert.deepEqual(res.body.normSteps, [
        { normPerResident: null, normPerM2: "0.01680", normDays: 17, monthDays: 31 },
      ]);
      const refused = await call(
        app,
        "GET",
        "/api/calculator?provider=heat&service=heating&settlement=test-town&basis=norm&areaM2=-1",
      );
      assert.equal(refused.status, 400);
    });
  },
  async ({ database, deps, setNow }) => {
    const f = await BillingFixture.create(database);
    const heat = await f.provider("heat", [
      {
        service: "heating",
        from: "2019-01-01",
        feeKop: 2150,
        normPerM2: "0.01680",
        blocks: [[null, "1654.41"]],
      },
      { service: "hot_water", from: "2019-01-01", normPerResident: "2.500", blocks: [[null, "93.40"]] },
    ]);
    const elsewhere = await database.db
      .insertInto("settlements")
      .values({ code: "elsewhere", name_uk: "Деінде", name_ru: "Где-то", name_en: "Elsewhere" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto("provider_services")
      .values([
        { provider_id: heat, service_code: "heating", settlement_id: f.town },
        { provider_id: heat, service_code: "hot_water", settlement_id: f.town },
      ])
      .execute();
    // Another provider's heating in the other town, so that town is offered at all; and one of electricity only.
    const power = await f.provider("power", [
      { service: "heating", from: "2019-01-01", normPerM2: "0.02", blocks: [[null, "1000"]] },
    ]);
    const lights = await f.provider("lights", [
      { service: "electricity", from: "2019-01-01", blocks: [[null, "1.68"]] },
    ]);
    await database.db
      .insertInto("provider_services")
      .values([
        { provider_id: power, service_code: "heating", settlement_id: elsewhere.id },
        { provider_id: lights, service_code: "electricity", settlement_id: f.town },
      ])
      .execute();
    const flat = await f.account(heat, { areaM2: "52.50", residents: 2 });
    setNow("2019-12-05T09:00:00Z");
    for (const period of ["2019-10", "2019-11"]) {
      await billPeriod(deps, { providerId: heat, period: parsePeriod(period), startedBy: "test" });
    }
    await database.db
      .insertInto("users")
      .values({
        email: EMAIL,
        phone: null,
        full_name: "Калькулятор",
        password_hash: await hashPassword(PASSWORD),
      })
      .execute();
    ids = { f, heat, flat, town: f.town };
  },
);
