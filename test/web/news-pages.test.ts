// The news and contacts pages as a resident uses them: the news of their own providers only, newest first, with
// provider, date and kind, in Ukrainian and in Russian; everyone's news for a resident with no account yet; a
// filter by kind; the contact centre's phones as tel: links and its hours as a table. Then the demo's own news and
// phones, as `npm start` loads them, and the same news over the API.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../src/db/database.ts";
import { loadReference } from "../../src/demo/load-reference.ts";
import { hashPassword } from "../../src/services/auth/password.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { forEachDatabase } from "../support/databases.ts";
import { buildDocumentsRegion, type DocumentsRegion } from "../support/documents-region.ts";
import { call, quietApp, signInAs } from "../support/http.ts";
import { addMoneyPeople, PEOPLE, PEOPLE_PASSWORD } from "../support/money-people.ts";

let region: DocumentsRegion;

async function addNews(
  database: Database,
  providerId: number,
  items: { kind: "tariff" | "payment" | "schedule" | "energy_saving" | "general"; at: string; tag: string }[],
) {
  await database.db
    .insertInto("provider_news")
    .values(
      items.map((n) => ({
        provider_id: providerId,
        kind: n.kind,
        published_at: new Date(n.at),
        title_uk: `Новина ${n.tag}`,
        title_ru: `Новость ${n.tag}`,
        title_en: `News ${n.tag}`,
        body_uk: `Текст ${n.tag} українською.`,
        body_ru: `Текст ${n.tag} по-русски.`,
        body_en: `Text ${n.tag} in English.`,
      })),
    )
    .execute();
}

forEachDatabase(
  "cabinet: news and contacts",
  (get) => {
    let app: FastifyInstance;
    before(async () => {
      app = await quietApp(get().deps);
    });

    const signedIn = async (email: string) => {
      const client = new CabinetClient(app);
      await client.signIn(email, PASSWORD);
      return client;
    };
    const PASSWORD = PEOPLE_PASSWORD;

    test("a visitor is sent to sign in first", async () => {
      const res = await new CabinetClient(app).get("/news", { follow: false });
      assert.equal(res.status, 303);
      assert.equal(res.location, "/?next=%2Fnews");
    });

    test("a resident reads their own provider's news only, newest first, with provider, date and kind", async () => {
      const page = await (await signedIn(PEOPLE.taras)).get("/news");
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      const order = ["P-new", "P-mid", "P-old"].map((tag) => text.indexOf(`Новина ${tag}`));
      assert.ok(
        order.every((i) => i >= 0),
        "every item of the provider is shown",
      );
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
        "newest first",
      );
      assert.doesNotMatch(text, /Новина H-|Новина W-/, "other providers' news is not shown");
      assert.doesNotMatch(text, /P-future/, "an item not yet published is not shown");
      assert.match(page.body, /<time datetime="2019-07-29">29 липня 2019<\/time>/);
      assert.match(text, /Тарифи ТОВ «Донецькі енергетичні послуги»/);
      assert.match(page.body, /aria-current="page">Новини й контакти/);
      assert.doesNotMatch(text, /не додали жодного особового рахунку/);
      assert.ok(Buffer.byteLength(page.body) < 60_000);
    });

    test("in Russian: the same items with their Russian titles, kinds and dates", async () => {
      const client = await signedIn(PEOPLE.taras);
      const page = await client.post("/language", { locale: "ru", back: "/news" });
      assert.equal(page.url, "/news");
      const text = textOf(page.body);
      assert.match(text, /Новость P-new/);
      assert.match(text, /Текст P-new по-русски\./);
      assert.doesNotMatch(text, /Новина P-new/);
      assert.match(text, /Тарифы ООО «Донецкие энергетические услуги»/);
      assert.match(page.body, /<time datetime="2019-07-29">29 июля 2019<\/time>/);
      assert.match(page.body, /<html lang="ru">/);
      // The choice is stored with the person: back to Ukrainian for the tests after this one.
      await client.post("/language", { locale: "uk", back: "/news" });
    });

    test("a resident with no account yet reads every provider's news, and is told why", async () => {
      const text = textOf((await (await signedIn(PEOPLE.oksana)).get("/news")).body);
      for (const tag of ["P-new", "H-one", "W-one"]) assert.match(text, new RegExp(`Новина ${tag}`));
      assert.match(text, /не додали жодного особового рахунку/);
    });

    test("the kind filter is a plain link, and shows that kind only", async () => {
      const client = await signedIn(PEOPLE.oksana);
      const page = await client.get("/news?kind=schedule");
      const text = textOf(page.body);
      assert.match(text, /Новина H-one/);
      assert.doesNotMatch(text, /Новина P-new|Новина W-one/);
      assert.match(page.body, /<a href="\/news\?kind=schedule" aria-current="page">Графік роботи<\/a>/);
      const taras = await signedIn(PEOPLE.taras);
      const nothing = textOf((await taras.get("/news?kind=schedule")).body);
      assert.match(nothing, /Новин цього виду немає/);
    });

    test("staff read their own provider's news", async () => {
      const text = textOf((await (await signedIn(PEOPLE.heatOperator)).get("/news")).body);
      assert.match(text, /Новина H-one/);
      assert.doesNotMatch(text, /Новина P-new|Новина W-one/);
    });

    test("contacts: the provider's phones as tel: links, its hours as a table, the voice bot's hours", async () => {
      const page = await (await signedIn(PEOPLE.taras)).get("/contacts");
      assert.equal(page.status, 200);
      assert.match(page.body, /<a class="phone" href="tel:\+380676526000"[^>]*>\(067\) 652 60 00<\/a>/);
      assert.match(page.body, /<a class="phone" href="tel:\+380629526000"[^>]*>\(0629\) 52 60 00<\/a>/);
      assert.match(page.body, /<caption>Графік роботи контакт-центру/);
      const text = textOf(page.body);
      assert.match(text, /Понеділок – Пʼятниця з 08:00 до 20:00/);
      assert.match(text, /Субота з 09:00 до 18:00/);
      assert.match(text, /Неділя Вихідний/);
      assert.match(text, /Голосовий бот для передачі показників: щодня з 07:00 до 21:00/);
      assert.match(page.body, /<th scope="row">/);
      assert.doesNotMatch(text, /\(062\) 000/, "the other provider's phone is not shown");
      assert.match(page.body, /href="\/news"/);
    });

    test("the news over the API: the resident's provider's items in three languages", async () => {
      const token = await signInAs(app, PEOPLE.taras, PASSWORD);
      const res = await call(app, "GET", "/api/news", { token });
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.map((n: { title: { en: string } }) => n.title.en),
        ["News P-new", "News P-mid", "News P-old"],
      );
      assert.equal(res.body[0].provider.id, region.power);
      assert.equal(res.body[0].kind, "tariff");
      const contacts = await call(app, "GET", "/api/providers/contacts", { token });
      assert.deepEqual(contacts.body[0].phones, ["+380676526000", "+380629526000"]);
      assert.equal((await call(app, "GET", "/api/news")).status, 401);
    });
  },
  async ({ database }) => {
    region = await buildDocumentsRegion(database);
    await addMoneyPeople(database, region);
    await addNews(database, region.power, [
      { kind: "payment", at: "2019-07-01T07:00:00Z", tag: "P-old" },
      { kind: "tariff", at: "2019-07-29T07:00:00Z", tag: "P-new" },
      { kind: "energy_saving", at: "2019-07-15T07:00:00Z", tag: "P-mid" },
      { kind: "general", at: "2099-01-01T07:00:00Z", tag: "P-future" },
    ]);
    await addNews(database, region.heat, [{ kind: "schedule", at: "2019-07-20T07:00:00Z", tag: "H-one" }]);
    await addNews(database, region.water, [{ kind: "payment", at: "2019-07-10T07:00:00Z", tag: "W-one" }]);
    const { db } = database;
    await db
      .updateTable("providers")
      .set({
        contact_phones: ["+380676526000", "+380629526000"],
        channels: ["web", "voice", "facebook", "import"],
      })
      .where("id", "=", region.power)
      .execute();
    await db
      .updateTable("providers")
      .set({ contact_phones: ["+380620000000"] })
      .where("id", "=", region.heat)
      .execute();
    await db
      .insertInto("provider_hours")
      .values([
        ...[1, 2, 3, 4, 5].map((weekday) => ({
          provider_id: region.power,
          line: "contact_centre" as const,
          weekday,
          opens: "08:00",
          closes: "20:00",
        })),
        {
          provider_id: region.power,
          line: "contact_centre" as const,
          weekday: 6,
          opens: "09:00",
          closes: "18:00",
        },
        ...[1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          provider_id: region.power,
          line: "voice" as const,
          weekday,
          opens: "07:00",
          closes: "21:00",
        })),
      ])
      .execute();
  },
);

const RESIDENT = "new.resident@demo.test";
const RESIDENT_PASSWORD = "a long enough demo password";

forEachDatabase(
  "cabinet: the demo's news and contacts, as npm start loads them",
  (get) => {
    let app: FastifyInstance;
    before(async () => {
      app = await quietApp(get().deps);
    });

    test("every demo provider has news of several kinds in three languages, dated before the region's day", async () => {
      const rows = await get()
        .database.db.selectFrom("provider_news as n")
        .innerJoin("providers as p", "p.id", "n.provider_id")
        .select(["p.code", "n.kind", "n.published_at", "n.title_uk", "n.title_ru", "n.title_en", "n.body_ru"])
        .execute();
      const providers = await get().database.db.selectFrom("providers").select("code").execute();
      for (const { code } of providers) {
        const own = rows.filter((r) => r.code === code);
        assert.ok(own.length >= 4, `${code} has ${own.length} items`);
        assert.ok(new Set(own.map((r) => r.kind)).size >= 4, `${code}: several kinds`);
        for (const r of own) {
          assert.ok(r.title_uk && r.title_ru && r.title_en && r.title_uk !== r.title_en);
          assert.ok(r.published_at < new Date("2026-11-25T00:00:00Z"));
        }
      }
    });

    test("a new resident reads the demo's news and the seeded contact-centre phones", async () => {
      const client = new CabinetClient(app);
      await client.signIn(RESIDENT, RESIDENT_PASSWORD);
      const news = textOf((await client.get("/news")).body);
      assert.match(news, /Показники — голосом, без очікування оператора/);
      assert.match(news, /Калькулятор вартості опалення/);
      const contacts = await client.get("/contacts");
      assert.match(contacts.body, /href="tel:\+380676526000"[^>]*>\(067\) 652 60 00</);
      assert.match(contacts.body, /href="tel:\+380956526000"[^>]*>\(095\) 652 60 00</);
      assert.match(contacts.body, /href="tel:\+380629526000"[^>]*>\(0629\) 52 60 00</);
      assert.match(textOf(contacts.body), /КП «Донецьктеплокомуненерго»/);
      assert.ok(Buffer.byteLength(contacts.body) < 60_000);
    });
  },
  async ({ database }) => {
    await database.db.transaction().execute((trx) => loadReference(trx, "2026-11-25"));
    await database.db
      .insertInto("users")
      .values({
        email: RESIDENT,
        phone: null,
        full_name: "Нова",
        password_hash: await hashPassword(RESIDENT_PASSWORD),
      })
      .execute();
  },
);
