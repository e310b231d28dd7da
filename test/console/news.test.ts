// The administrator's news over HTTP: an item published now shows in the cabinet's /news for a resident of the
// provider, a scheduled one only from its time, an expired or withdrawn one no longer; Kyiv wall-clock times in
// the form are stored as instants; a refusal comes back beside its field with nothing written; another
// provider's administrator gets 404 for this provider's item and writes nothing; an operator is forbidden.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { addStaff, seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp, signInAs } from "../support/http.ts";

// 12:00 Kyiv (UTC+2) on the region's day.
const NOON = "2026-11-25T10:00:00Z";

forEachDatabase("console: news and announcements", (get) => {
  let app: FastifyInstance;
  let admin: CabinetClient;
  let resident: CabinetClient;
  let deuId: number;

  const newsRow = (title: string) =>
    get()
      .database.db.selectFrom("provider_news")
      .selectAll()
      .where("title_uk", "=", title)
      .executeTakeFirst();
  const residentSees = async (title: string) => textOf((await resident.get("/news")).body).includes(title);
  const form = (o: Record<string, string>) => ({
    kind: "schedule",
    publishedAt: "2026-11-25T11:00",
    expiresAt: "",
    "title-uk": "",
    "title-ru": "",
    "title-en": "",
    "body-uk": "Текст новини.",
    "body-ru": "",
    "body-en": "",
    ...o,
  });

  before(async () => {
    get().setNow(NOON);
    await seedConsoleRegion(get().database, get().deps);
    app = await quietApp(get().deps);
    admin = await signedInStaff(app, "administrator");
    resident = new CabinetClient(app);
    await resident.signIn(DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
    deuId = (
      await get()
        .database.db.selectFrom("providers")
        .select("id")
        .where("code", "=", "deu")
        .executeTakeFirstOrThrow()
    ).id;
  });
  after(async () => {
    get().setNow(new Date());
    await app?.close();
  });

  test("the page lists the provider's items with their state and offers the form", async () => {
    const page = await admin.get("/console/news");
    assert.equal(page.status, 200);
    assert.match(page.body, /<caption>Усі новини постачальника<\/caption>/);
    assert.match(page.body, /aria-current="page"[^>]*>|href="\/console\/news" aria-current="page"/);
    assert.match(page.body, /type="datetime-local"/);
    assert.match(textOf(page.body), /Опубліковано/);
  });

  test("published now: stored as the instant of the Kyiv time, shown to the provider's resident", async () => {
    const page = await admin.post(
      "/console/news",
      form({ "title-uk": "Графік на свята", "title-en": "Holiday hours", publishedAt: "2026-11-25T11:00" }),
    );
    assert.equal(page.location, "/console/news?done=saved");
    assert.match(textOf(page.body), /Новину збережено/);
    const row = await newsRow("Графік на свята");
    assert.ok(row);
    assert.equal(row.provider_id, deuId);
    // 11:00 in Kyiv's winter time is 09:00 UTC.
    assert.equal(row.published_at.toISOString(), "2026-11-25T09:00:00.000Z");
    assert.equal(row.expires_at, null);
    // Russian left empty reads as the Ukrainian; English as given.
    assert.equal(row.title_ru, "Графік на свята");
    assert.equal(row.title_en, "Holiday hours");
    assert.equal(await residentSees("Графік на свята"), true);
  });

  test("scheduled: not shown before its time, shown from it; the administrator sees it as scheduled", async () => {
    await admin.post(
      "/console/news",
      form({ "title-uk": "Новий тариф з грудня", publishedAt: "2026-11-26T09:00" }),
    );
    const list = textOf((await admin.get("/console/news")).body);
    assert.match(list, /Новий тариф з грудня Графік роботи 2026-11-26 09:00 без кінця Заплановано/);
    assert.equal(await residentSees("Новий тариф з грудня"), false);
    get().setNow("2026-11-26T07:30:00Z"); // 09:30 Kyiv
    try {
      assert.equal(await residentSees("Новий тариф з грудня"), true);
    } finally {
      get().setNow(NOON);
    }
  });

  test("expired: shown until its expiry, gone after it, listed as expired", async () => {
    await admin.post(
      "/console/news",
      form({
        "title-uk": "Перерва в роботі",
        publishedAt: "2026-11-25T08:00",
        expiresAt: "2026-11-25T13:00",
      }),
    );
    assert.equal(await residentSees("Перерва в роботі"), true);
    get().setNow("2026-11-25T11:00:00Z"); // 13:00 Kyiv: the expiry itself
    try {
      assert.equal(await residentSees("Перерва в роботі"), false);
      assert.match(textOf((await admin.get("/console/news")).body), /Перерва в роботі .* Показ завершено/);
    } finally {
      get().setNow(NOON);
    }
  });

  test("editing an item changes it in place", async () => {
    const row = (await newsRow("Графік на свята"))!;
    const page = await admin.get(`/console/news?edit=${row.id}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /name="id" value="\d+"/);
    assert.match(page.body, /value="2026-11-25T11:00"/);
    await admin.post(
      "/console/news",
      form({ id: String(row.id), "title-uk": "Графік на свята", "body-uk": "Оновлений текст." }),
    );
    const after = (await newsRow("Графік на свята"))!;
    assert.equal(after.id, row.id);
    assert.equal(after.body_uk, "Оновлений текст.");
    assert.ok(after.updated_at);
  });

  test("withdraw: a published item ends now and the resident no longer sees it; a scheduled one is deleted", async () => {
    const row = (await newsRow("Графік на свята"))!;
    const page = await admin.post(`/console/news/${row.id}/withdraw`, {});
    assert.equal(page.location, "/console/news?done=expired");
    assert.equal((await newsRow("Графік на свята"))!.expires_at?.toISOString(), new Date(NOON).toISOString());
    assert.equal(await residentSees("Графік на свята"), false);

    const scheduled = (await newsRow("Новий тариф з грудня"))!;
    const deleted = await admin.post(`/console/news/${scheduled.id}/withdraw`, {});
    assert.equal(deleted.location, "/console/news?done=deleted");
    assert.equal(await newsRow("Новий тариф з грудня"), undefined);
  });

  test("refusals come back beside their field, and nothing is written", async () => {
    const count = async () =>
      Number(
        (
          await get()
            .database.db.selectFrom("provider_news")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const noTitle = await admin.post("/console/news", form({ "title-uk": "  " }));
    assert.equal(noTitle.status, 422);
    assert.match(noTitle.body, /<title>Помилка: /);
    assert.match(noTitle.body, /href="#title-uk">Заповніть заголовок новини українською/);
    assert.match(noTitle.body, /id="title-uk"[^>]*aria-invalid="true"/);

    const backwards = await admin.post(
      "/console/news",
      form({ "title-uk": "Назад у часі", publishedAt: "2026-11-25T12:00", expiresAt: "2026-11-25T11:00" }),
    );
    assert.equal(backwards.status, 422);
    assert.match(backwards.body, /href="#expiresAt"/);
    assert.match(backwards.body, /value="Назад у часі"/);

    const badDate = await admin.post(
      "/console/news",
      form({ "title-uk": "Без дати", publishedAt: "завтра" }),
    );
    assert.equal(badDate.status, 422);
    assert.match(badDate.body, /href="#publishedAt"/);
    assert.equal(await count(), before);
  });

  test("another provider's administrator gets 404 for this provider's item and writes nothing", async () => {
    const email = await addStaff(get().database, {
      providerCode: "mariupol-vkg",
      role: "administrator",
      email: "admin@mariupol-vkg.test",
    });
    const other = await signedInStaff(app, { email });
    const row = (await newsRow("Перерва в роботі"))!;
    const mine = await other.get("/console/news");
    assert.equal(mine.status, 200);
    assert.doesNotMatch(mine.body, /Перерва в роботі/);
    assert.equal((await other.get(`/console/news?edit=${row.id}`)).status, 404);
    const edit = await other.post("/console/news", form({ id: String(row.id), "title-uk": "Чуже" }));
    assert.equal(edit.status, 404);
    assert.equal((await other.post(`/console/news/${row.id}/withdraw`, {})).status, 404);
    assert.deepEqual(await newsRow("Перерва в роботі"), row);
    assert.equal(await newsRow("Чуже"), undefined);
  });

  test("an operator may not manage news", async () => {
    const operator = await signedInStaff(app, "operator");
    assert.equal((await operator.get("/console/news")).status, 403);
    assert.equal((await operator.post("/console/news", form({ "title-uk": "Оператора" }))).status, 403);
    assert.equal(await newsRow("Оператора"), undefined);
  });

  test("the API lists the provider's items with their state; another provider's is 404", async () => {
    const token = await signInAs(app, DEMO_PEOPLE.administrator.email, DEMO_PASSWORD);
    const list = await call(app, "GET", "/api/providers/deu/news", { token });
    assert.equal(list.status, 200);
    const items = list.body as { title: { uk: string }; state: string; expiresAt: string | null }[];
    const item = items.find((n) => n.title.uk === "Перерва в роботі");
    assert.equal(item?.state, "published");
    assert.equal(item?.expiresAt, "2026-11-25T11:00:00.000Z");
    assert.ok(items.some((n) => n.state === "expired"));
    assert.equal((await call(app, "GET", "/api/providers/mariupol-vkg/news", { token })).status, 404);
  });
});
