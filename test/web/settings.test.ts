// Settings through the cabinet's pages, as a resident uses them: the language, adding and confirming a phone,
// where reminders go, a personal API token shown once and revoked, and signing out on every device.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { hashPassword } from "../../src/services/auth/password.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp } from "../support/http.ts";
import { codeSentTo } from "../support/outbox-codes.ts";

const PASSWORD = "quiet morning by the river";

forEachDatabase("cabinet: settings", (get) => {
  let app: FastifyInstance;
  before(async () => {
    const hash = await hashPassword(PASSWORD);
    await get()
      .database.db.insertInto("users")
      .values(
        ["maria", "taras", "oksana", "yurii", "vira", "ihor"].map((name) => ({
          email: `${name}@settings.test`,
          phone: null,
          full_name: name,
          password_hash: hash,
        })),
      )
      .execute();
    await get()
      .database.db.insertInto("users")
      .values({ email: null, phone: "+380931234567", full_name: "Owner", password_hash: hash })
      .execute();
    app = await quietApp(get().deps);
  });
  after(async () => {
    await app?.close();
  });

  async function signedIn(name: string, ip: string, acceptLanguage?: string) {
    const client = new CabinetClient(app, { ip, ...(acceptLanguage ? { acceptLanguage } : {}) });
    await client.signIn(`${name}@settings.test`, PASSWORD);
    assert.ok(client.cookie("abonent_session"), `${name} signed in`);
    return client;
  }

  const reminderOf = async (email: string) =>
    (
      await get()
        .database.db.selectFrom("users")
        .select("reminder_channel")
        .where("email", "=", email)
        .executeTakeFirstOrThrow()
    ).reminder_channel;

  test("the overview shows my address, where reminders go, and links to each task", async () => {
    const client = await signedIn("maria", "10.40.0.1");
    const page = await client.get("/settings");
    assert.equal(page.status, 200);
    assert.match(page.body, /aria-current="page">Налаштування/);
    const text = textOf(page.body);
    assert.match(text, /Електронна пошта maria@settings\.test Підтверджено/);
    assert.match(text, /Нагадування про показники й оплату приходять на пошту/);
    for (const href of [
      "/settings/language",
      "/settings/identities/add",
      "/settings/reminders",
      "/settings/tokens/new",
    ])
      assert.match(page.body, new RegExp(`href="${href}"`));
    assert.match(page.body, /action="\/settings\/sign-out-everywhere"/);
  });

  test("adding a phone: a wrong code is refused at its field, the right one confirms it, and it signs in", async () => {
    const client = await signedIn("taras", "10.40.0.2");
    const form = await client.get("/settings/identities/add");
    assert.match(form.body, /<input id="login" name="login"/);
    const codePage = await client.post("/settings/identities/add", { login: "+38 (067) 765-43-21" });
    assert.equal(codePage.status, 200);
    assert.match(textOf(codePage.body), /Ми надіслали 6-значний код у SMS на номер \+38 \(067\) 765-43-21/);
    const code = await codeSentTo(get(), "+380677654321", "add_identity_code");
    const wrong = code === "999999" ? "888888" : "999999";
    const refused = await client.post("/settings/identities/confirm", {
      login: "+38 (067) 765-43-21",
      code: wrong,
    });
    assert.equal(refused.status, 422);
    assert.match(refused.body, /id="code-error">Код не підходить/);
    const done = await client.post("/settings/identities/confirm", { login: "+38 (067) 765-43-21", code });
    assert.equal(done.location, "/settings?done=identity-added");
    const text = textOf(done.body);
    assert.match(text, /Адресу додано й підтверджено/);
    assert.match(text, /Телефон \+380677654321 Підтверджено/);
    const byPhone = new CabinetClient(app, { ip: "10.40.0.3" });
    await byPhone.signIn("067 765 43 21", PASSWORD);
    assert.ok(byPhone.cookie("abonent_session"), "the new phone signs in");
    // Added again: it is already mine.
    const again = await client.post("/settings/identities/add", { login: "0677654321" });
    assert.equal(again.status, 409);
    assert.match(again.body, /id="login-error">Ця адреса вже є у вашому кабінеті/);
  });

  test("someone else's phone gets the same code page, its owner a note, and no code confirms it", async () => {
    const client = await signedIn("oksana", "10.40.0.4");
    await client.get("/settings/identities/add");
    const page = await client.post("/settings/identities/add", { login: "093 123 45 67" });
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), /Ми надіслали 6-значний код у SMS на номер 093 123 45 67/);
    const note = await get()
      .database.db.selectFrom("outbox")
      .select(["template", "body"])
      .where("address", "=", "+380931234567")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    assert.equal(note.template, "add_identity_taken");
    assert.doesNotMatch(note.body, /\b\d{6}\b/, "no code in the note");
    const refused = await client.post("/settings/identities/confirm", {
      login: "093 123 45 67",
      code: "123456",
    });
    assert.equal(refused.status, 422);
    const owner = await get()
      .database.db.selectFrom("identities")
      .select("user_id")
      .where("external_id", "=", "+380931234567")
      .execute();
    assert.equal(owner.length, 1, "still only its owner's");
  });

  test("reminders: SMS is offered only with a confirmed phone, and the choice is saved", async () => {
    const client = await signedIn("yurii", "10.40.0.5");
    const before = await client.get("/settings/reminders");
    assert.match(before.body, /value="email" checked/);
    assert.doesNotMatch(before.body, /value="sms"/, "no phone yet");
    const refused = await client.post("/settings/reminders", { channel: "sms" });
    assert.equal(refused.status, 422);
    assert.match(refused.body, /id="channel-error">Щоб отримувати нагадування так/);
    assert.equal(await reminderOf("yurii@settings.test"), null);

    await client.post("/settings/identities/add", { login: "066 000 11 22" });
    await client.post("/settings/identities/confirm", {
      login: "066 000 11 22",
      code: await codeSentTo(get(), "+380660001122", "add_identity_code"),
    });
    const page = await client.get("/settings/reminders");
    assert.match(textOf(page.body), /У SMS на \+380660001122/);
    const saved = await client.post("/settings/reminders", { channel: "sms" });
    assert.equal(saved.location, "/settings?done=reminders");
    assert.match(textOf(saved.body), /Нагадування про показники й оплату приходять у SMS/);
    assert.equal(await reminderOf("yurii@settings.test"), "sms");
    await client.post("/settings/reminders", { channel: "none" });
    assert.equal(await reminderOf("yurii@settings.test"), "none");
  });

  test("an API token is shown once, in the answer to the form, works, and once revoked the API refuses it", async () => {
    const client = await signedIn("vira", "10.40.0.6");
    const form = await client.get("/settings/tokens/new");
    assert.match(form.body, /<input id="name" name="name"/);
    const empty = await client.post("/settings/tokens", { name: " " });
    assert.equal(empty.status, 400);
    assert.match(empty.body, /href="#name"/);
    const created = await client.post("/settings/tokens", { name: "Розумний дім" });
    assert.equal(created.status, 201);
    assert.equal(created.headers["cache-control"], "no-store");
    assert.equal(created.location, undefined, "not a redirect");
    const token = /value="(abt_[^"]+)"/.exec(created.body)?.[1];
    assert.ok(token, "the token is on the page");
    assert.match(textOf(created.body), /більше ми його не покажемо/);
    assert.equal((await call(app, "GET", "/api/me", { token })).status, 200, "the token works");

    const overview = await client.get("/settings");
    assert.match(textOf(overview.body), /Розумний дім/);
    assert.ok(!overview.body.includes(token), "never shown again");
    const id = /action="\/settings\/tokens\/(\d+)\/revoke"/.exec(overview.body)?.[1];
    assert.ok(id);
    const revoked = await client.post(`/settings/tokens/${id}/revoke`, {});
    assert.equal(revoked.location, "/settings?done=token-revoked");
    assert.match(textOf(revoked.body), /Ключ відкликано/);
    assert.doesNotMatch(textOf(revoked.body), /Розумний дім/);
    assert.equal((await call(app, "GET", "/api/me", { token })).status, 401);
  });

  test("the language is saved with the person and in a cookie, in Russian", async () => {
    const client = await signedIn("ihor", "10.40.0.7");
    const form = await client.get("/settings/language");
    assert.match(form.body, /value="uk" checked/);
    const saved = await client.post("/settings/language", { locale: "ru" });
    assert.equal(saved.location, "/settings?done=language");
    assert.match(saved.body, /<html lang="ru">/);
    assert.match(textOf(saved.body), /Язык сохранён\. Настройки/);
    assert.equal(client.cookie("abonent_lang"), "ru");
    const stored = await get()
      .database.db.selectFrom("users")
      .select("locale")
      .where("email", "=", "ihor@settings.test")
      .executeTakeFirstOrThrow();
    assert.equal(stored.locale, "ru");
    // Russian throughout the settings' tasks.
    const tokens = await client.get("/settings/tokens/new");
    assert.match(textOf(tokens.body), /Новый ключ доступа/);
  });

  test("signing out on every device ends every session of the person", async () => {
    const here = await signedIn("maria", "10.40.0.8");
    const there = await signedIn("maria", "10.40.0.9");
    await here.get("/settings");
    const out = await here.post("/settings/sign-out-everywhere", {});
    assert.equal(out.location, "/sign-in?done=signed-out-everywhere");
    assert.match(textOf(out.body), /Ви вийшли з кабінету на всіх пристроях/);
    const elsewhere = await there.get("/settings", { follow: false });
    assert.equal(elsewhere.status, 303, "the other device is signed out too");
  });
});
