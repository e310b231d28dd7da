// Linking a personal account in the cabinet as a resident does it from the paper bill: a resident with nothing
// linked is invited to link, a wrong amount is an error beside the number and in the summary (422), the right one
// links it and the home page shows it, guessing is stopped (429), and removing the link asks first.
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

const NOW = "2019-08-10T10:00:00Z";
let region: DocumentsRegion;

forEachDatabase(
  "cabinet: linking accounts",
  (get) => {
    let app: FastifyInstance;
    before(async () => {
      app = await quietApp(get().deps);
    });
    after(async () => {
      await app?.close();
    });

    // Signed in on today's clock (the cookie's expiry is a real date), then the region's day.
    const signedIn = async (who: keyof typeof PEOPLE, ip = "10.30.0.1") => {
      const client = new CabinetClient(app, { ip });
      get().setNow(new Date());
      await client.signIn(PEOPLE[who], PEOPLE_PASSWORD);
      get().setNow(NOW);
      return client;
    };

    test("a resident with no accounts is invited to link one, and the form lists the providers", async () => {
      const client = await signedIn("oksana");
      const home = await client.get("/");
      assert.equal(home.status, 200);
      assert.match(textOf(home.body), /Додайте свій перший особовий рахунок/);
      assert.match(home.body, /<a class="button" href="\/accounts\/link">Додати особовий рахунок<\/a>/);
      const form = await client.get("/accounts/link");
      assert.equal(form.status, 200);
      assert.match(form.body, new RegExp(`<option value="power">${POWER.name.uk}</option>`));
      assert.match(form.body, /<label for="number">Номер особового рахунку<\/label>/);
      assert.match(form.body, /id="number-hint">[^<]*10-000123\/4/);
      assert.match(form.body, /<input id="amountDue" name="amountDue"[^>]*inputmode="decimal"/);
    });

    test("a wrong amount is refused beside its field; the right one links the account and home shows it", async () => {
      const client = await signedIn("oksana");
      await client.get("/accounts/link");
      const wrong = await client.post("/accounts/link", {
        provider: "power",
        number: "10 000123 4",
        amountDue: "2,00",
      });
      assert.equal(wrong.status, 422);
      assert.match(wrong.body, /<title>Помилка: /);
      assert.match(
        wrong.body,
        /class="error-summary"[\s\S]*href="#number">Не вдалося підтвердити особовий рахунок/,
      );
      assert.match(wrong.body, /<p class="error-message" id="number-error">Не вдалося підтвердити/);
      assert.match(wrong.body, /value="10 000123 4"/, "what was typed stays");
      assert.match(wrong.body, /<option value="power" selected>/);

      // July's bill of the single account: 342.00 − 404.00 + 63.00 = 1.00 due.
      const right = await client.post(
        "/accounts/link",
        { provider: "power", number: "10 000123 4", amountDue: "1,00" },
        { follow: false },
      );
      assert.equal(right.status, 303);
      assert.equal(right.location, `/?done=linked&account=${region.single}`);
      const home = await client.get(right.location!);
      assert.match(textOf(home.body), new RegExp(`Рахунок ${SINGLE_NUMBER} додано`));
      assert.match(home.body, new RegExp(`<h2 id="account-${region.single}">${POWER.name.uk}</h2>`));

      const again = await client.post("/accounts/link", {
        provider: "power",
        number: SINGLE_NUMBER,
        amountDue: "1.00 грн",
      });
      assert.match(textOf(again.body), new RegExp(`Рахунок ${SINGLE_NUMBER} вже був у вашому кабінеті`));
    });

    test("an empty form names every field, in Russian when the page is Russian", async () => {
      const client = await signedIn("guesser3");
      await client.get("/accounts/link?lang=ru");
      const res = await client.post("/accounts/link?lang=ru", { provider: "", number: " ", amountDue: "" });
      assert.equal(res.status, 400);
      assert.match(res.body, /<html lang="ru">/);
      assert.match(res.body, /href="#provider">Выберите поставщика/);
      assert.match(res.body, /href="#number">Введите номер лицевого счёта/);
      assert.match(res.body, /href="#amountDue">Введите сумму к оплате/);
      const wrong = await client.post("/accounts/link?lang=ru", {
        provider: "power",
        number: SINGLE_NUMBER,
        amountDue: "7,00",
      });
      assert.equal(wrong.status, 422);
      assert.match(textOf(wrong.body), /Не удалось подтвердить лицевой счёт/);
    });

    test("guessing is stopped: after five wrong amounts the sixth is 429 and says how long to wait", async () => {
      const client = await signedIn("guesser", "10.30.0.9");
      await client.get("/accounts/link");
      for (let i = 1; i <= 5; i++) {
        const res = await client.post("/accounts/link", {
          provider: "power",
          number: SINGLE_NUMBER,
          amountDue: `${i}00,00`,
        });
        assert.equal(res.status, 422, `attempt ${i}`);
      }
      const stopped = await client.post("/accounts/link", {
        provider: "power",
        number: SINGLE_NUMBER,
        amountDue: "1,00",
      });
      assert.equal(stopped.status, 429);
      assert.ok(Number(stopped.headers["retry-after"]) > 0);
      assert.match(textOf(stopped.body), /Забагато спроб поспіль/);
      assert.match(stopped.body, /class="error-summary"/);
    });

    test("removing a link asks first, then the account is gone from home (and not someone else's)", async () => {
      const client = await signedIn("taras");
      const home = await client.get("/");
      assert.match(
        home.body,
        new RegExp(`href="/accounts/${region.single}/unlink">Прибрати рахунок ${SINGLE_NUMBER}`),
      );
      const ask = await client.get(`/accounts/${region.single}/unlink`);
      assert.equal(ask.status, 200);
      assert.match(ask.body, /<h1>Прибрати рахунок з кабінету\?<\/h1>/);
      assert.match(ask.body, new RegExp(`<form method="post" action="/accounts/${region.single}/unlink"`));
      assert.match(ask.body, /<a href="\/">Ні, залишити<\/a>/);

      const other = await client.get(`/accounts/${region.heating}/unlink`);
      assert.equal(other.status, 404, "an account not linked to me is not found");
      const forged = await client.post(`/accounts/${region.heating}/unlink`, {});
      assert.equal(forged.status, 404);

      const done = await client.post(`/accounts/${region.single}/unlink`, {});
      assert.equal(done.location, "/?done=unlinked");
      assert.match(textOf(done.body), /Рахунок прибрано з кабінету/);
      assert.match(textOf(done.body), /Додайте свій перший особовий рахунок/);
      const links = await get()
        .database.db.selectFrom("user_accounts")
        .select("user_id")
        .where("account_id", "=", region.single)
        .execute();
      assert.equal(links.length, 1, "Oksana's link of the household stays");
    });
  },
  async (f) => {
    region = await buildDocumentsRegion(f.database);
    await addMoneyPeople(f.database, region);
  },
);
