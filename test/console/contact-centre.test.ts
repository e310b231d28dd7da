// The contact centre's settings over HTTP: the page says whether each line answers now; the administrator saves
// phones and weekly hours, adds and removes a holiday, and residents' contacts (page and API) show the holiday and
// "open now?" in Kyiv time; refusals come back beside their field with nothing written; another provider's
// administrator reaches only their own provider's schedule; an operator is forbidden.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { addStaff, seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp, signInAs } from "../support/http.ts";

// Wednesday 25 November 2026, 12:00 Kyiv (UTC+2).
const NOON = "2026-11-25T10:00:00Z";

forEachDatabase("console: the contact centre's phones, hours and holidays", (get) => {
  let app: FastifyInstance;
  let admin: CabinetClient;
  let deuId: number;

  const db = () => get().database.db;
  const snapshot = async (providerId: number) => ({
    phones: (
      await db()
        .selectFrom("providers")
        .select("contact_phones")
        .where("id", "=", providerId)
        .executeTakeFirstOrThrow()
    ).contact_phones,
    hours: await db()
      .selectFrom("provider_hours")
      .selectAll()
      .where("provider_id", "=", providerId)
      .orderBy("line")
      .orderBy("weekday")
      .execute(),
    exceptions: await db()
      .selectFrom("provider_hours_exceptions")
      .selectAll()
      .where("provider_id", "=", providerId)
      .orderBy("day")
      .execute(),
  });
  /** The hours form as the page fills it, with some fields changed. */
  const hoursForm = async (client: CabinetClient, changes: Record<string, string>) => {
    const page = await client.get("/console/contact-centre");
    const fields: Record<string, string> = {};
    for (const m of page.body.matchAll(/<input id="((?:contact_centre|voice)-\d-(?:opens|closes))"([^>]*)>/g))
      fields[m[1]!] = / value="([^"]*)"/.exec(m[2]!)?.[1] ?? "";
    const phones = /<textarea id="phones"[^>]*>([^<]*)<\/textarea>/.exec(page.body)?.[1] ?? "";
    return { phones, ...fields, ...changes };
  };

  before(async () => {
    get().setNow(NOON);
    await seedConsoleRegion(get().database, get().deps);
    app = await quietApp(get().deps);
    admin = await signedInStaff(app, "administrator");
    deuId = (
      await db().selectFrom("providers").select("id").where("code", "=", "deu").executeTakeFirstOrThrow()
    ).id;
  });
  after(async () => {
    get().setNow(new Date());
    await app?.close();
  });

  test("the page says whether each line answers now and fills the form from the schedule", async () => {
    const page = await admin.get("/console/contact-centre");
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /Контакт-центр зараз працює, до 20:00/);
    assert.match(text, /Голосовий бот зараз працює, до 21:00/);
    assert.match(text, /\(067\) 652 60 00/);
    assert.match(
      page.body,
      /<input id="contact_centre-1-opens" name="contact_centre-1-opens" type="time" value="08:00"/,
    );
    assert.match(
      page.body,
      /<label for="contact_centre-7-opens" class="visually-hidden">Неділя: відкривається<\/label>/,
    );
    assert.match(page.body, /<caption>Контакт-центр: години за днями тижня<\/caption>/);
  });

  test("saving phones and hours replaces them; a day left empty is closed", async () => {
    const fields = await hoursForm(admin, {
      phones: "067 652 60 00\n+38 (095) 652-60-00\n067 652 60 00",
      "contact_centre-1-closes": "19:00",
      "contact_centre-6-opens": "",
      "contact_centre-6-closes": "",
    });
    const page = await admin.post("/console/contact-centre", fields);
    assert.equal(page.location, "/console/contact-centre?done=saved");
    assert.match(textOf(page.body), /Графік збережено/);
    const s = await snapshot(deuId);
    assert.deepEqual(s.phones, ["+380676526000", "+380956526000"]);
    const cc = s.hours.filter((h) => h.line === "contact_centre");
    assert.deepEqual(
      cc.map((h) => h.weekday),
      [1, 2, 3, 4, 5],
    );
    assert.equal(String(cc[0]!.closes).slice(0, 5), "19:00");
    assert.equal(s.hours.filter((h) => h.line === "voice").length, 7);
  });

  test("a holiday added shows to residents with its note, and the contact centre is closed on it", async () => {
    const page = await admin.post("/console/contact-centre/exceptions", {
      date: "2026-11-26",
      line: "contact_centre",
      opens: "",
      closes: "",
      "note-uk": "День памʼяті",
      "note-ru": "",
      "note-en": "Day of remembrance",
    });
    assert.equal(page.location, "/console/contact-centre?done=added");
    assert.match(textOf(page.body), /26 листопада 2026 Контакт-центр не працює День памʼяті/);
    const [row] = (await snapshot(deuId)).exceptions;
    assert.equal(row?.day, "2026-11-26");
    assert.equal(row?.opens, null);
    assert.equal(row?.note_ru, "День памʼяті");

    const resident = new CabinetClient(app);
    await resident.signIn(DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
    const contacts = textOf((await resident.get("/contacts")).body);
    assert.match(contacts, /Контакт-центр зараз працює, до 20:00/);
    assert.match(contacts, /26 листопада 2026 Контакт-центр не працює — День памʼяті/);

    // On the holiday itself (Thursday 12:00 Kyiv) the API says closed, opening on Friday at 08:00 Kyiv.
    get().setNow("2026-11-26T10:00:00Z");
    try {
      const token = await signInAs(app, DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
      const res = await call(app, "GET", "/api/providers/contacts", { token, lang: "en" });
      assert.equal(res.status, 200);
      const deu = (
        res.body as { code: string; now: { contactCentre: unknown }; exceptions: unknown[] }[]
      ).find((p) => p.code === "deu");
      assert.deepEqual(deu?.now.contactCentre, {
        open: false,
        closesAt: null,
        nextOpensAt: "2026-11-27T06:00:00.000Z",
      });
      assert.equal(deu?.exceptions.length, 1);
    } finally {
      get().setNow(NOON);
    }
  });

  test("shortened hours on a day: both times given", async () => {
    const page = await admin.post("/console/contact-centre/exceptions", {
      date: "2026-12-31",
      line: "voice",
      opens: "09:00",
      closes: "15:00",
      "note-uk": "Новорічний вечір",
    });
    assert.equal(page.location, "/console/contact-centre?done=added");
    assert.match(textOf(page.body), /31 грудня 2026 Голосовий бот з 09:00 до 15:00 Новорічний вечір/);
  });

  test("refusals come back beside their field and nothing is written", async () => {
    const before = await snapshot(deuId);
    const badPhone = await admin.post("/console/contact-centre", await hoursForm(admin, { phones: "12345" }));
    assert.equal(badPhone.status, 422);
    assert.match(badPhone.body, /href="#phones">«12345» не схоже на український номер телефону/);
    assert.match(badPhone.body, /<textarea id="phones"[^>]*aria-invalid="true"[^>]*>12345<\/textarea>/);

    const backwards = await admin.post(
      "/console/contact-centre",
      await hoursForm(admin, { "contact_centre-2-opens": "18:00", "contact_centre-2-closes": "09:00" }),
    );
    assert.equal(backwards.status, 422);
    assert.match(backwards.body, /href="#contact_centre-2-opens">Години роботи \(контакт-центр, вівторок\)/);

    const half = await admin.post(
      "/console/contact-centre",
      await hoursForm(admin, { "voice-3-opens": "", "voice-3-closes": "21:00" }),
    );
    assert.equal(half.status, 422);
    assert.match(half.body, /href="#voice-3-opens"/);

    const past = await admin.post("/console/contact-centre/exceptions", {
      date: "2026-11-20",
      line: "contact_centre",
      opens: "",
      closes: "",
    });
    assert.equal(past.status, 422);
    assert.match(past.body, /href="#exc-date">Дата 20 листопада 2026 уже минула/);

    const repeated = await admin.post("/console/contact-centre/exceptions", {
      date: "2026-11-26",
      line: "contact_centre",
      opens: "10:00",
      closes: "12:00",
    });
    assert.equal(repeated.status, 422);
    assert.match(repeated.body, /href="#exc-date">Особливий графік на 26 листопада 2026/);
    assert.deepEqual(await snapshot(deuId), before);
  });

  test("removing a holiday; another provider's administrator reaches only their own schedule", async () => {
    const email = await addStaff(get().database, {
      providerCode: "mariupol-vkg",
      role: "administrator",
      email: "admin@mariupol-vkg.cc.test",
    });
    const other = await signedInStaff(app, { email });
    const page = await other.get("/console/contact-centre");
    assert.equal(page.status, 200);
    assert.match(page.body, /<textarea id="phones"[^>]*>\(0629\) 40 04 00<\/textarea>/);
    assert.doesNotMatch(page.body, /День памʼяті/);
    const before = await snapshot(deuId);
    // DEU's holiday is no holiday of theirs: nothing to remove.
    const remove = await other.post("/console/contact-centre/exceptions/remove", {
      date: "2026-11-26",
      line: "contact_centre",
    });
    assert.equal(remove.status, 404);
    assert.deepEqual(await snapshot(deuId), before);

    const removed = await admin.post("/console/contact-centre/exceptions/remove", {
      date: "2026-11-26",
      line: "contact_centre",
    });
    assert.equal(removed.location, "/console/contact-centre?done=removed");
    assert.deepEqual(
      (await snapshot(deuId)).exceptions.map((e) => e.day),
      ["2026-12-31"],
    );
  });

  test("an operator may not change the schedule; the API refuses another provider's", async () => {
    const operator = await signedInStaff(app, "operator");
    assert.equal((await operator.get("/console/contact-centre")).status, 403);
    const before = await snapshot(deuId);
    assert.equal((await operator.post("/console/contact-centre", { phones: "" })).status, 403);
    assert.deepEqual(await snapshot(deuId), before);
    const token = await signInAs(app, DEMO_PEOPLE.administrator.email, DEMO_PASSWORD);
    assert.equal((await call(app, "GET", "/api/providers/deu/contact-centre", { token })).status, 200);
    const foreign = await call(app, "PUT", "/api/providers/mariupol-vkg/contact-centre", {
      token,
      body: { phones: [], hours: [], exceptions: [] },
    });
    assert.equal(foreign.status, 404);
  });
});
