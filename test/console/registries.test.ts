// The administrator's payment-registry pages over HTTP: a bank's file uploaded through the form (multipart, as a
// browser sends it) is imported and its report shown — counts and amounts by outcome, the lines not posted with
// their reasons; the same file twice is refused beside the form with nothing written, unless "import again" is
// ticked; an operator is refused and another provider's administrator finds no report of this provider; the
// registry sources are read by a provider's administrator and edited by the platform administrator only.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../src/db/database.ts";
import { DEMO_PASSWORD } from "../../src/demo/region.ts";
import { hashPassword } from "../../src/services/auth/password.ts";
import { textOf } from "../support/cabinet-client.ts";
import { seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

const NOW = "2026-11-26T10:00:00Z";
const OTHER_ADMIN = "vkg-admin@registries.test";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/registries/${name}`, import.meta.url)));

/** An administrator of another provider (its users' trigger keeps the e-mail as their identity). */
async function otherAdministrator(db: Db) {
  const provider = await db
    .selectFrom("providers")
    .select("id")
    .where("code", "=", "mariupol-vkg")
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto("users")
    .values({
      email: OTHER_ADMIN,
      phone: null,
      full_name: OTHER_ADMIN,
      password_hash: await hashPassword(DEMO_PASSWORD),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("staff_roles")
    .values({ user_id: user.id, provider_id: provider.id, role: "administrator" })
    .execute();
}

forEachDatabase("console: payment registries", (get) => {
  let app: FastifyInstance;
  let account: string;
  let file: Uint8Array;
  before(async () => {
    const { database, deps } = get();
    await seedConsoleRegion(database, deps);
    get().setNow(NOW);
    await otherAdministrator(database.db);
    const row = await database.db
      .selectFrom("accounts as a")
      .innerJoin("providers as p", "p.id", "a.provider_id")
      .select("a.number")
      .where("p.code", "=", "deu")
      .orderBy("a.id")
      .executeTakeFirstOrThrow();
    account = row.number;
    file = new TextEncoder().encode(
      "reference,account,amount,paid_on\n" +
        `CON-1,${account},150.00,2026-11-20\n` +
        "CON-2,NOPE-404,99.90,2026-11-20\n" +
        `CON-3,${account},сто,2026-11-20\n`,
    );
    app = await quietApp(deps);
  });
  after(async () => {
    await app?.close();
  });

  const registries = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from payment_registries`.execute(get().database.db))
      .rows[0]!.n;
  const conPayments = async () =>
    (
      await sql<{ n: number }>`
        select count(*)::int as n from ledger_entries where source = 'bank_registry' and source_ref like 'standard:CON-%'`.execute(
        get().database.db,
      )
    ).rows[0]!.n;

  test("the page offers an upload form with the provider's sources", async () => {
    const admin = await signedInStaff(app, "administrator");
    const page = await admin.get("/console/registries");
    assert.equal(page.status, 200);
    assert.match(
      page.body,
      /<form method="post" action="\/console\/registries" enctype="multipart\/form-data"/,
    );
    assert.match(page.body, /<label for="registry-file">Файл реєстру<\/label>/);
    assert.match(page.body, /<option value="standard" selected>/);
    assert.match(page.body, /href="\/console\/registries" aria-current="page"/);
  });

  test("a file uploaded through the form is imported and its report shown", async () => {
    const admin = await signedInStaff(app, "administrator");
    await admin.get("/console/registries");
    const sent = await admin.postMultipart(
      "/console/registries",
      { source: "standard" },
      { file: { name: "bank-2026-11-20.csv", bytes: file } },
      { follow: false },
    );
    assert.equal(sent.status, 303, sent.body);
    assert.match(sent.location ?? "", /^\/console\/registries\/\d+\?done=imported$/);
    const report = await admin.get(sent.location!);
    assert.equal(report.status, 200);
    const text = textOf(report.body);
    assert.match(text, /Звіт про імпорт: bank-2026-11-20\.csv/);
    assert.match(text, /Реєстр імпортовано: зараховано 1 з 3 рядків\./);
    assert.match(text, /Зараховано 1 150,00 грн/);
    assert.match(text, /Не знайдено отримувача чи рахунок 1 99,90 грн/);
    assert.match(text, /Помилкові рядки 1 0,00 грн/);
    assert.match(report.body, /<caption>Рядки, які не зараховано, у порядку файлу, з причиною<\/caption>/);
    assert.match(
      text,
      /3 Не знайдено отримувача чи рахунок Особового рахунку «NOPE-404» у постачальника deu немає/,
    );
    assert.match(text, /4 Помилкові рядки Сума «сто» не є числом/);
    assert.match(text, /CON-2,NOPE-404,99\.90,2026-11-20/);
    assert.equal(await conPayments(), 1);

    const list = await admin.get("/console/registries");
    assert.match(list.body, /<a href="\/console\/registries\/\d+">bank-2026-11-20\.csv<\/a>/);
  });

  test("the same file twice is refused beside the form and nothing is written; ticked, it is imported again", async () => {
    const admin = await signedInStaff(app, "administrator");
    await admin.get("/console/registries");
    const before = await registries();
    const again = await admin.postMultipart(
      "/console/registries",
      { source: "standard" },
      { file: { name: "bank-copy.csv", bytes: file } },
    );
    assert.equal(again.status, 409);
    assert.match(textOf(again.body), /Цей файл уже імпортовано з джерела «standard»/);
    assert.match(again.body, /<title>Помилка: /);
    assert.equal(await registries(), before);

    await admin.get("/console/registries");
    const forced = await admin.postMultipart(
      "/console/registries",
      { source: "standard", again: "1" },
      { file: { name: "bank-copy.csv", bytes: file } },
    );
    assert.equal(forced.status, 200);
    assert.match(textOf(forced.body), /зараховано 0 з 3 рядків/);
    assert.match(textOf(forced.body), /Дублікати 1 150,00 грн/);
    assert.equal(await registries(), before + 1);
    assert.equal(await conPayments(), 1);
  });

  test("a bank's fixture file comes through with each line's reason", async () => {
    const admin = await signedInStaff(app, "administrator");
    await admin.get("/console/registries");
    const page = await admin.postMultipart(
      "/console/registries",
      { source: "standard" },
      { file: { name: "standard-2026-11-03.csv", bytes: fixture("standard-2026-11-03.csv") } },
    );
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /Звіт про імпорт: standard-2026-11-03\.csv/);
    assert.match(text, /Не знайдено отримувача чи рахунок 7 2 694,46 грн/);
    assert.match(text, /Помилкові рядки 4 /);
    assert.match(text, /Усього 11 /);
    assert.match(text, /Платіж призначено постачальнику mariupol-vkg, а реєстр імпортується для deu/);
    assert.match(text, /Дата оплати «2026-02-30» не є реальною датою/);
  });

  test("a form without a file, or without its token, writes nothing", async () => {
    const admin = await signedInStaff(app, "administrator");
    await admin.get("/console/registries");
    const before = await registries();
    const noFile = await admin.postMultipart("/console/registries", { source: "standard" });
    assert.equal(noFile.status, 400);
    assert.match(noFile.body, /<a href="#registry-file">Оберіть файл реєстру\.<\/a>/);
    admin.csrf = "forged";
    const forged = await admin.postMultipart(
      "/console/registries",
      { source: "standard", again: "1" },
      { file: { name: "x.csv", bytes: file } },
    );
    assert.equal(forged.status, 403);
    assert.equal(await registries(), before);
  });

  test("an operator may not import, and another provider's administrator finds no report here", async () => {
    const operator = await signedInStaff(app, "operator");
    assert.equal((await operator.get("/console/registries")).status, 403);
    await operator.get("/console");
    const before = await registries();
    const posted = await operator.postMultipart(
      "/console/registries",
      { source: "standard", again: "1" },
      { file: { name: "x.csv", bytes: file } },
    );
    assert.equal(posted.status, 403);
    assert.equal(await registries(), before);

    const { rows } = await sql<{ id: number }>`
      select r.id from payment_registries r join providers p on p.id = r.provider_id
      where p.code = 'deu' order by r.id limit 1`.execute(get().database.db);
    const id = rows[0]!.id;
    assert.equal((await operator.get(`/console/registries/${id}`)).status, 403);
    const other = await signedInStaff(app, { email: OTHER_ADMIN });
    const page = await other.get(`/console/registries/${id}`);
    assert.equal(page.status, 404);
    assert.doesNotMatch(page.body, /bank-2026-11-20/);
    assert.doesNotMatch((await other.get("/console/registries")).body, /bank-2026-11-20/);
  });

  test("registry sources: a provider's administrator reads them, the platform administrator edits them", async () => {
    const admin = await signedInStaff(app, "administrator");
    const list = await admin.get("/console/registries/sources");
    assert.equal(list.status, 200);
    assert.match(list.body, /<caption>Джерела та формати їхніх файлів<\/caption>/);
    assert.match(list.body, /<th scope="row">standard<\/th>/);
    assert.doesNotMatch(list.body, /href="\/console\/registries\/sources\/standard"/);
    assert.equal((await admin.get("/console/registries/sources/standard")).status, 403);

    const platform = await signedInStaff(app, "platformAdmin");
    const all = await platform.get("/console/registries/sources");
    assert.match(all.body, /href="\/console\/registries\/sources\/standard"/);
    const form = await platform.get("/console/registries/sources/standard");
    assert.equal(form.status, 200);
    assert.match(form.body, /<label for="source-description">Опис<\/label>/);
    const fields = Object.fromEntries(
      [...form.body.matchAll(/<input id="source-[^"]+"[^>]*>/g)].map((m) => [
        /name="([^"]+)"/.exec(m[0])![1]!,
        (/ value="([^"]*)"/.exec(m[0])?.[1] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
      ]),
    );
    assert.equal(fields["maxAmount"], "100000");
    const saved = await platform.post("/console/registries/sources/standard", {
      ...fields,
      name: "standard",
      description: "Стандартний формат (перевірено)",
      encoding: "auto",
      delimiter: ",",
      decimal: ".",
      dateFormat: "YYYY-MM-DD",
      header: "1",
    });
    assert.equal(saved.status, 200, saved.body);
    assert.match(textOf(saved.body), /Джерело standard збережено\./);
    assert.match(textOf(saved.body), /Стандартний формат \(перевірено\)/);

    const bad = await platform.post("/console/registries/sources/standard", {
      ...fields,
      name: "standard",
      maxAmount: "багато",
      header: "1",
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /<a href="#source-maxAmount">Вкажіть суму в гривнях/);
  });
});
