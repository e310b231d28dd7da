// A signed-in person's answers follow the language they chose (users.locale), not their browser's
// Accept-Language; ?lang= still wins, and a guest is answered by Accept-Language.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp, signInAs } from "../support/http.ts";
import { createReadingsFixture, PASSWORD, type ReadingsFixture } from "../support/readings-fixture.ts";

const IN_WINDOW = "2019-07-30T09:00:00Z";

forEachDatabase("the stored language over HTTP", (get) => {
  let app: FastifyInstance;
  let f: ReadingsFixture;
  let olena: string;
  let petro: string;

  before(async () => {
    f = await createReadingsFixture(get().database);
    await get()
      .database.db.updateTable("users")
      .set({ locale: "ru" })
      .where("email", "=", f.users.olena)
      .execute();
    app = await quietApp(get().deps);
    olena = await signInAs(app, f.users.olena, PASSWORD);
    petro = await signInAs(app, f.users.petro, PASSWORD);
  });

  /** An empty reading: refused by the service (after the actor is known) with reading_empty. */
  const emptyReading = async (token: string | null, acceptLanguage: string, query = "") => {
    const res = await app.inject({
      method: "POST",
      url: `/api/accounts/${f.accounts.olena}/readings${query}`,
      headers: { "accept-language": acceptLanguage, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: { meterId: f.meters.single, value: "" },
    });
    return { status: res.statusCode, error: res.json().error as { code: string; message: string } };
  };

  test("a user who chose Russian gets Russian errors although the browser asks for Ukrainian", async () => {
    get().setNow(IN_WINDOW);
    const res = await emptyReading(olena, "uk-UA,uk;q=0.9");
    assert.equal(res.status, 422);
    assert.equal(res.error.code, "reading_empty");
    assert.equal(res.error.message, "Введите показания.");
  });

  test("?lang= in the request overrides the stored language", async () => {
    get().setNow(IN_WINDOW);
    const en = await emptyReading(olena, "uk", "?lang=en");
    assert.equal(en.error.message, "Please enter the reading.");
    const uk = await emptyReading(olena, "ru", "?lang=uk");
    assert.equal(uk.error.message, "Введіть показання.");
  });

  test("a user who kept Ukrainian is answered in Ukrainian whatever the browser says", async () => {
    get().setNow(IN_WINDOW);
    const res = await notHis(petro);
    assert.equal(res.message, "Не знайдено.");
  });

  test("a guest is answered in the language of Accept-Language", async () => {
    const res = await emptyReading(null, "ru");
    assert.equal(res.status, 401);
    assert.equal(res.error.code, "unauthenticated");
    assert.equal(res.error.message, "Пожалуйста, войдите в свой кабинет, чтобы продолжить.");
  });

  /** Petro asks for Olena's account in English: refused, in his stored Ukrainian. */
  async function notHis(token: string) {
    const res = await app.inject({
      method: "GET",
      url: `/api/accounts/${f.accounts.olena}/meters/${f.meters.single}/readings`,
      headers: { "accept-language": "en", authorization: `Bearer ${token}` },
    });
    assert.equal(res.statusCode, 404);
    return res.json().error as { code: string; message: string };
  }
});
