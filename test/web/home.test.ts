// The signed-in resident's home page: each account's provider, address, debt and the amount due of its last bill,
// the reading window (closed: when it opens; open: until when), and the one next action — pay while the window is
// closed, send the reading while it is open and none is in — in Ukrainian and in Russian.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { forEachDatabase } from "../support/databases.ts";
import {
  buildDocumentsRegion,
  type DocumentsRegion,
  POWER,
  SINGLE_NUMBER,
} from "../support/documents-region.ts";
import { quietApp } from "../support/http.ts";
import { addMoneyPeople, PEOPLE, PEOPLE_PASSWORD } from "../support/money-people.ts";

let region: DocumentsRegion;
const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

forEachDatabase(
  "cabinet: home page",
  (get) => {
    let app: FastifyInstance;
    let client: CabinetClient;
    before(async () => {
      app = await quietApp(get().deps);
      client = new CabinetClient(app);
      get().setNow(new Date());
      await client.signIn(PEOPLE.taras, PEOPLE_PASSWORD);
    });
    after(async () => {
      await app?.close();
    });

    test("between windows: the account's money, when the window opens, and paying as the next action", async () => {
      get().setNow("2019-08-10T10:00:00Z");
      const started = performance.now();
      const home = await client.get("/");
      const took = performance.now() - started;
      assert.equal(home.status, 200);
      const text = nbsp(textOf(home.body));
      assert.match(home.body, new RegExp(`<h2 id="account-${region.single}">${POWER.name.uk}</h2>`));
      assert.match(text, new RegExp(`Особовий рахунок ${SINGLE_NUMBER}`));
      // July's bill: 342.00 − 404.00 + 63.00 = 1.00 due, and nothing paid since.
      assert.match(text, /Стан рахунку Борг 1,00 грн/);
      assert.match(text, /До сплати за рахунком 1,00 грн \(рахунок за липень 2019\)/);
      assert.match(text, /Електроенергія: Закрито\. Наступний: з 29 серпня 2019 по 2 вересня 2019/);
      assert.match(home.body, new RegExp(`<a class="button" href="/pay/${region.single}">Оплатити 1,00`));
      assert.doesNotMatch(home.body, /href="\/readings\/\d+">Передати/);
      assert.match(
        home.body,
        new RegExp(`<a href="/money/${region.single}">Нарахування й оплати за рахунком ${SINGLE_NUMBER}</a>`),
      );
      assert.ok(Buffer.byteLength(home.body) < 60_000, "well under 60 KB");
      assert.ok(took < 2_000, `rendered in ${took.toFixed(0)} ms`);
    });

    test("in the window with no reading yet: the next action is to send it, with the days left", async () => {
      get().setNow("2019-08-30T09:00:00Z"); // 12:00 on 30 August in Kyiv
      const home = await client.get("/");
      const text = nbsp(textOf(home.body));
      assert.match(text, /Електроенергія: Відкрито до 2 вересня 2019 включно \(4 дні\)/);
      assert.match(
        home.body,
        new RegExp(
          `<a class="button" href="/readings/${region.single}">Передати показники \\(${POWER.name.uk}\\)</a>`,
        ),
      );
      // The readings page says what an estimate would cost.
      const readings = await client.get(`/readings/${region.single}`);
      assert.match(
        nbsp(textOf(readings.body)),
        /Якщо не передасте показники, вам нарахують приблизно \d[\d ]*,\d\d грн/,
      );
    });

    test("in Russian", async () => {
      get().setNow("2019-08-10T10:00:00Z");
      const home = await client.get("/?lang=ru");
      const text = nbsp(textOf(home.body));
      assert.match(home.body, /<html lang="ru">/);
      assert.match(home.body, new RegExp(`<h2 id="account-${region.single}">${POWER.name.ru}</h2>`));
      assert.match(text, /Состояние счёта Долг 1,00 грн/);
      assert.match(text, /К оплате по счёту 1,00 грн \(счёт за июль 2019\)/);
      assert.match(text, /Электроэнергия: Закрыт\. Следующий: с 29 августа 2019 по 2 сентября 2019/);
      assert.match(text, /Оплатить 1,00 грн/);
    });
  },
  async (f) => {
    region = await buildDocumentsRegion(f.database);
    await addMoneyPeople(f.database, region);
    // The electricity window of NEURC No. 311: the last 3 days of the month and the 1st–2nd of the next.
    await f.database.db
      .insertInto("submission_windows")
      .values({
        provider_id: region.power,
        service_code: "electricity",
        settlement_id: null,
        opens_day: -3,
        closes_day: 2,
        deemed_date_rule: "first_of_month",
        late_policy: "refuse",
        rule_source: "NEURC No. 311",
      })
      .execute();
  },
);
