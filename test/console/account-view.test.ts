// The operator's account page over HTTP: every section of an account of the operator's provider (card, meters,
// readings, money, documents, people, channels, notes), a reading entered for a caller (recorded as the contact
// centre's, with its receipt; an unusually high one confirmed first), notes (added and shown; empty or too long
// refused), linking the account to a caller by phone. Staff of another provider get 404 on every route of the
// page, GET and POST, and write nothing.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { DEMO_PASSWORD } from "../../src/demo/region.ts";
import { type CabinetClient, textOf } from "../support/cabinet-client.ts";
import { addStaff, seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp, signInAs } from "../support/http.ts";
import { databaseDigest } from "../support/isolation-region.ts";

// 29 November 2026, 12:00 in Kyiv: the electricity window (the last days of the month to the 2nd) is open.
const IN_WINDOW = "2026-11-29T10:00:00Z";
const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** The hidden fields of a page's reading form for a meter: the first step's, or the "yes, confirm" one's. */
function meterForm(body: string, meterId: number, o: { confirm?: boolean } = {}): Record<string, string> {
  const forms = body.match(/<form method="post"[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find(
    (f) => f.includes(`name="meterId" value="${meterId}"`) && f.includes('name="confirmed"') === !!o.confirm,
  );
  assert.ok(form, `a form for meter ${meterId}`);
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[m[1]!] = m[2]!;
  return fields;
}

forEachDatabase("console: the operator's account page", (get) => {
  let app: FastifyInstance;
  let operator: CabinetClient;
  let outsider: CabinetClient;
  let account: { id: number; number: string; holder_name: string };
  let meter: { id: number; serial: string; digits: number };
  let lastValue: number;

  before(async () => {
    const { database, deps } = get();
    await seedConsoleRegion(database, deps);
    await addStaff(database, { providerCode: "mariupol-vkg", role: "operator", email: "op@mariupol.test" });
    app = await quietApp(deps);
    get().setNow(new Date());
    operator = await signedInStaff(app, "operator");
    outsider = await signedInStaff(app, { email: "op@mariupol.test" });
    get().setNow(IN_WINDOW);
    const { db } = database;
    // A DEU account with one single-zone meter and a reading, billed, with someone linked to it.
    const row = await db
      .selectFrom("accounts as a")
      .innerJoin("providers as p", "p.id", "a.provider_id")
      .innerJoin("meters as m", "m.account_id", "a.id")
      .select(["a.id", "a.number", "a.holder_name", "m.id as meter_id", "m.serial", "m.digits"])
      .where("p.code", "=", "deu")
      .where("m.zones", "=", 1)
      .where("m.removed_on", "is", null)
      .where((eb) =>
        eb.exists(
          eb.selectFrom("user_accounts as ua").select("ua.user_id").whereRef("ua.account_id", "=", "a.id"),
        ),
      )
      .where((eb) =>
        eb.exists(eb.selectFrom("readings as r").select("r.id").whereRef("r.meter_id", "=", "m.id")),
      )
      .orderBy("a.id")
      .executeTakeFirstOrThrow();
    account = { id: row.id, number: row.number, holder_name: row.holder_name };
    meter = { id: row.meter_id, serial: row.serial, digits: row.digits };
    const last = await db
      .selectFrom("readings")
      .select("value")
      .where("meter_id", "=", meter.id)
      .where("status", "=", "accepted")
      .orderBy("deemed_on", "desc")
      .executeTakeFirstOrThrow();
    lastValue = Math.floor(Number(last.value));
    assert.ok(lastValue + 6000 < 10 ** meter.digits, "room on the dial for the test's readings");
  });
  after(async () => {
    await app?.close();
  });

  const readingsOf = () =>
    get()
      .database.db.selectFrom("readings")
      .select(["value", "receipt", "status", "channel", "actor_user_id"])
      .where("meter_id", "=", meter.id)
      .orderBy("id")
      .execute();

  test("the operator sees every section of their provider's account", async () => {
    get().setNow(IN_WINDOW);
    const page = await operator.get(`/console/accounts/${account.id}`);
    assert.equal(page.status, 200);
    const text = nbsp(textOf(page.body));
    assert.match(page.body, new RegExp(`<h1>Рахунок ${account.number.replace(/[/.]/g, "\\$&")}</h1>`));
    for (const heading of [
      "Рахунок",
      "Лічильники",
      "Історія показників",
      "Нарахування й оплати",
      "Документи",
      "Повʼязані люди",
      "Звернення за каналами",
      "Нотатки",
    ])
      assert.match(page.body, new RegExp(`<h2 id="[a-z-]+">${heading}</h2>`), heading);
    assert.equal((page.body.match(/<h1>/g) ?? []).length, 1);
    assert.match(text, new RegExp(`Власник ${account.holder_name}`));
    assert.match(text, /Постачальник .*Донецькі енергетичні послуги/);
    assert.match(text, /Баланс зараз (До сплати|Переплата|Боргу немає)/);
    // Tables with captions and header cells.
    assert.match(page.body, /<caption>Лічильники рахунку, останні показники й період передачі<\/caption>/);
    assert.match(page.body, new RegExp(`<caption>Показники лічильника Електроенергія, № ${meter.serial}`));
    assert.match(page.body, /<caption>Нарахування й оплати з /);
    assert.match(page.body, /<caption>Хто привʼязав цей рахунок до свого кабінету<\/caption>/);
    assert.match(page.body, /<caption>Що надходило за рахунком і яким каналом/);
    assert.match(page.body, /<th scope="col">Канал<\/th>/);
    // The people linked, their contacts partly hidden.
    assert.match(text, /(E-mail: \S{1,2}\*\*\*@|Телефон: \+380 \d\d \*\*\* \*\* \d\d)/);
    assert.doesNotMatch(page.body, /resident@demo\.abonent\.ua/);
    // Documents: a bill per billed month, and the statement's form.
    const bill = /href="(\/console\/accounts\/\d+\/bills\/\d{4}-\d{2}\.pdf)"/.exec(page.body);
    assert.ok(bill, "a bill link");
    const pdf = await operator.get(bill[1]!);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.match(
      page.body,
      new RegExp(`<form method="get" action="/console/accounts/${account.id}/statement"`),
    );
    const csv = await operator.get(
      `/console/accounts/${account.id}/statement?from=2026-09-01&to=2026-11-25&format=csv`,
    );
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers["content-type"]), /text\/csv/);
    const badRange = await operator.get(
      `/console/accounts/${account.id}/statement?from=2026-11-25&to=2026-09-01`,
    );
    assert.equal(badRange.status, 400);
    assert.match(badRange.body, /class="error-summary"/);
    // The channel history names the doors in words; the link to enter a reading is there.
    assert.match(text, /(Сайт \(особистий кабінет\)|Банк|Імпорт|Телефон, контакт-центр)/);
    assert.match(page.body, new RegExp(`href="/console/accounts/${account.id}/readings"`));
    assert.doesNotMatch(page.body, /style=|<script>/);
  });

  test("a reading entered for a caller lands as the contact centre's, with a receipt shown", async () => {
    get().setNow(IN_WINDOW);
    const page = await operator.get(`/console/accounts/${account.id}/readings`);
    assert.equal(page.status, 200);
    assert.match(page.body, new RegExp(`<label for="m${meter.id}-z1">`));
    const form = meterForm(page.body, meter.id);
    assert.ok(form["idempotencyKey"], "a hidden idempotency key");
    const value = String(lastValue + 10);
    const done = await operator.post(`/console/accounts/${account.id}/readings`, { ...form, zone1: value });
    assert.equal(done.location, `/console/accounts/${account.id}/readings?done=accepted&meter=${meter.id}`);
    const stored = (await readingsOf()).filter((r) => Math.floor(Number(r.value)) === lastValue + 10);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.channel, "contact_centre");
    assert.equal(stored[0]!.status, "accepted");
    assert.match(textOf(done.body), new RegExp(`прийнято\\. Номер квитанції: ${stored[0]!.receipt}`));
    // The same form sent again (a double click) is the same one reading.
    const again = await operator.post(`/console/accounts/${account.id}/readings`, { ...form, zone1: value });
    assert.equal(again.status, 200);
    assert.equal(
      (await readingsOf()).filter((r) => Math.floor(Number(r.value)) === lastValue + 10).length,
      1,
    );
    // The account page's channel history shows it came by phone.
    const view = nbsp(textOf((await operator.get(`/console/accounts/${account.id}`)).body));
    assert.match(view, new RegExp(`Телефон, контакт-центр Показники ${meter.serial}: ${lastValue + 10}`));
  });

  test("a refused reading is answered beside its field, and nothing is written", async () => {
    get().setNow(IN_WINDOW);
    const page = await operator.get(`/console/accounts/${account.id}/readings`);
    const before = (await readingsOf()).length;
    const res = await operator.post(`/console/accounts/${account.id}/readings`, {
      ...meterForm(page.body, meter.id),
      zone1: "abc",
    });
    assert.equal(res.status, 422);
    assert.match(res.body, new RegExp(`<a href="#m${meter.id}-z1">`));
    assert.match(res.body, new RegExp(`<p class="error-message" id="m${meter.id}-z1-error">`));
    assert.equal((await readingsOf()).length, before);
  });

  test("an unusually high reading asks the operator to confirm it first", async () => {
    get().setNow(IN_WINDOW);
    const page = await operator.get(`/console/accounts/${account.id}/readings`);
    const high = String(lastValue + 5000);
    const ask = await operator.post(`/console/accounts/${account.id}/readings`, {
      ...meterForm(page.body, meter.id),
      zone1: high,
    });
    assert.equal(ask.status, 200);
    assert.match(textOf(ask.body), /Будь ласка, підтвердьте незвично високі показники/);
    assert.equal(
      (await readingsOf()).filter((r) => Math.floor(Number(r.value)) === lastValue + 5000).length,
      0,
    );
    const confirm = meterForm(ask.body, meter.id, { confirm: true });
    assert.deepEqual([confirm["confirmed"], confirm["zone1"]], ["true", high]);
    const done = await operator.post(`/console/accounts/${account.id}/readings`, confirm);
    assert.equal(done.location, `/console/accounts/${account.id}/readings?done=accepted&meter=${meter.id}`);
    const stored = (await readingsOf()).filter((r) => Math.floor(Number(r.value)) === lastValue + 5000);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.status, "pending_review");
    assert.equal(stored[0]!.channel, "contact_centre");
  });

  test("a note is added and shown; an empty or too long one is refused and nothing is written", async () => {
    const notes = () =>
      get()
        .database.db.selectFrom("account_notes")
        .selectAll()
        .where("account_id", "=", account.id)
        .execute();
    await operator.get(`/console/accounts/${account.id}`);
    for (const [body, message] of [
      ["   ", /Напишіть текст нотатки/],
      ["я".repeat(2001), /Нотатка задовга: не більше 2000 символів \(зараз 2001\)/],
    ] as const) {
      const res = await operator.post(`/console/accounts/${account.id}/notes`, { body });
      assert.equal(res.status, 422);
      assert.match(textOf(res.body), message);
      assert.match(res.body, /<a href="#note-body">/);
      assert.match(res.body, /<textarea id="note-body" name="body"[^>]*aria-invalid="true"/);
    }
    assert.equal((await notes()).length, 0);

    const added = await operator.post(`/console/accounts/${account.id}/notes`, {
      body: "Телефонував щодо високого рахунку <b>",
    });
    assert.equal(added.location, `/console/accounts/${account.id}?done=note#notes`);
    assert.match(textOf(added.body), /Нотатку додано/);
    assert.match(added.body, /Телефонував щодо високого рахунку &lt;b&gt;/);
    assert.match(textOf(added.body), /Ірина Оператор/);
    const stored = await notes();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.body, "Телефонував щодо високого рахунку <b>");
    // Staff changes are audited.
    const audit = await get()
      .database.db.selectFrom("audit_log")
      .select(["action", "channel"])
      .where("account_id", "=", account.id)
      .where("action", "=", "addAccountNote")
      .execute();
    assert.deepEqual(audit, [{ action: "addAccountNote", channel: "contact_centre" }]);
  });

  test("linking the account to a caller by phone: found, confirmed, linked; an unknown phone is said so", async () => {
    const { db } = get().database;
    const caller = await db
      .insertInto("users")
      .values({ email: null, phone: "+380671234599", full_name: "Марія Абонентка", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await operator.get(`/console/accounts/${account.id}`);
    const unknown = await operator.post(`/console/accounts/${account.id}/link`, { login: "050 000 00 01" });
    assert.equal(unknown.status, 422);
    assert.match(textOf(unknown.body), /Абонента з таким телефоном чи e-mail ще немає на платформі/);

    const found = await operator.post(`/console/accounts/${account.id}/link`, { login: "067 123 45 99" });
    assert.equal(found.status, 200);
    assert.match(textOf(found.body), /Знайдено: Марія Абонентка/);
    const links = () =>
      db.selectFrom("user_accounts").select("user_id").where("account_id", "=", account.id).execute();
    assert.ok(!(await links()).some((l) => l.user_id === caller.id), "not linked before confirming");
    const confirm = meterlessForm(found.body, `/console/accounts/${account.id}/link`, "userId");
    assert.equal(confirm["userId"], String(caller.id));
    const linked = await operator.post(`/console/accounts/${account.id}/link`, confirm);
    assert.match(String(linked.location), /done=linked/);
    assert.match(textOf(linked.body), /Рахунок привʼязано до кабінету: Марія Абонентка/);
    assert.ok((await links()).some((l) => l.user_id === caller.id));
    assert.match(nbsp(textOf(linked.body)), /Марія Абонентка Телефон: \+380 67 \*\*\* \*\* 99/);
    assert.match(textOf(linked.body), /Оператор привʼязав рахунок до абонента/);
  });

  test("staff of another provider get 404 on every route of the page, and nothing is written", async () => {
    get().setNow(IN_WINDOW);
    const before = await databaseDigest(get().database);
    const base = `/console/accounts/${account.id}`;
    for (const url of [
      base,
      `${base}/readings`,
      `${base}/bills/2026-10.pdf`,
      `${base}/statement?from=2026-09-01&to=2026-10-01`,
    ]) {
      const res = await outsider.get(url);
      assert.equal(res.status, 404, url);
      assert.doesNotMatch(res.body, new RegExp(account.holder_name), url);
    }
    await outsider.get("/console");
    for (const [url, fields] of [
      [
        `${base}/readings`,
        { meterId: String(meter.id), zone1: String(lastValue + 20), idempotencyKey: "x1" },
      ],
      [`${base}/notes`, { body: "Чужа нотатка" }],
      [`${base}/link`, { login: "067 123 45 99" }],
      [`${base}/link`, { login: "067 123 45 99", userId: "1" }],
    ] as const) {
      const res = await outsider.post(url, fields);
      assert.equal(res.status, 404, url);
    }
    assert.deepEqual(await databaseDigest(get().database), before);
  });

  test("the API: people, channel history and notes for staff of the provider; 404 for another's", async () => {
    get().setNow(new Date());
    const own = await signInAs(app, "operator@deu.demo.abonent.ua", DEMO_PASSWORD);
    const other = await signInAs(app, "op@mariupol.test", DEMO_PASSWORD);
    get().setNow(IN_WINDOW);
    const people = await call(app, "GET", `/api/accounts/${account.id}/people`, { token: own });
    assert.equal(people.status, 200);
    assert.ok(people.body.some((p: { fullName: string }) => p.fullName === "Марія Абонентка"));
    const history = await call(app, "GET", `/api/accounts/${account.id}/channel-history`, { token: own });
    assert.equal(history.status, 200);
    assert.ok(
      history.body.some(
        (e: { kind: string; channel: string }) => e.kind === "reading" && e.channel === "contact_centre",
      ),
    );
    const posted = await call(app, "POST", `/api/accounts/${account.id}/notes`, {
      token: own,
      body: { body: "Через API" },
    });
    assert.equal(posted.status, 201);
    assert.equal(posted.body.body, "Через API");
    const notes = await call(app, "GET", `/api/accounts/${account.id}/notes`, { token: own });
    assert.equal(notes.body[0].body, "Через API");
    for (const url of ["people", "channel-history", "notes"])
      assert.equal(
        (await call(app, "GET", `/api/accounts/${account.id}/${url}`, { token: other })).status,
        404,
      );
    const refused = await call(app, "POST", `/api/accounts/${account.id}/notes`, {
      token: other,
      body: { body: "x" },
    });
    assert.equal(refused.status, 404);
  });
});

/** The hidden fields of the form posting to `action` that carries `field`. */
function meterlessForm(body: string, action: string, field: string): Record<string, string> {
  const forms = body.match(/<form method="post"[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => f.includes(`action="${action}"`) && f.includes(`name="${field}"`));
  assert.ok(form, `a form with ${field}`);
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[m[1]!] = m[2]!;
  return fields;
}
