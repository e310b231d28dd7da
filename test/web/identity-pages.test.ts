// Signing up, signing in with a one-time code and resetting a password through the cabinet's pages, as a
// resident does: the code is read from the outbox, as it would arrive by e-mail or SMS.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { hashPassword } from "../../src/services/auth/password.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";
import { codeSentTo } from "../support/outbox-codes.ts";

const PASSWORD = "quiet morning by the river";

forEachDatabase("cabinet: sign-up, sign-in by code, password reset", (get) => {
  let app: FastifyInstance;
  before(async () => {
    await get()
      .database.db.insertInto("users")
      .values([
        {
          email: "petro@cabinet.test",
          phone: null,
          full_name: "Петро",
          password_hash: await hashPassword(PASSWORD),
        },
        {
          email: null,
          phone: "+380501112233",
          full_name: "Галина",
          password_hash: await hashPassword(PASSWORD),
          locale: "ru",
        },
      ])
      .execute();
    app = await quietApp(get().deps);
  });
  after(async () => {
    await app?.close();
  });

  test("signing up: the code page says where it went, a wrong code is an error at the code field, the right one signs in", async () => {
    const client = new CabinetClient(app, { ip: "10.30.0.1" });
    const form = await client.get("/sign-up");
    assert.equal(form.status, 200);
    assert.match(form.body, /<input id="fullName" name="fullName" type="text"[^>]*autocomplete="name"/);
    assert.match(form.body, /<input id="login" name="login" type="text"[^>]*autocomplete="username"/);
    assert.match(
      form.body,
      /<input id="password" name="password" type="password"[^>]*autocomplete="new-password"/,
    );
    assert.match(textOf(form.body), /Щонайменше 10 символів/, "the password rules as a hint");

    const codePage = await client.post("/sign-up", {
      fullName: "Олена Коваль",
      login: "Olena@Cabinet.test",
      password: PASSWORD,
    });
    assert.equal(codePage.status, 200);
    assert.match(textOf(codePage.body), /Ми надіслали 6-значний код на Olena@Cabinet\.test/);
    assert.match(codePage.body, /<input type="hidden" name="login" value="Olena@Cabinet.test">/);
    assert.match(
      codePage.body,
      /<input id="code" name="code" type="text"[^>]*autocomplete="one-time-code"[^>]*inputmode="numeric"/,
    );
    assert.match(codePage.body, /action="\/sign-up\/again"/, "a way to a new code");

    const code = await codeSentTo(get(), "olena@cabinet.test", "sign_up_code");
    const wrong = code === "000000" ? "111111" : "000000";
    const refused = await client.post("/sign-up/confirm", { login: "Olena@Cabinet.test", code: wrong });
    assert.equal(refused.status, 422);
    assert.match(refused.body, /<title>Помилка: /);
    assert.match(refused.body, /class="error-summary"[\s\S]*href="#code"/);
    assert.match(
      refused.body,
      /<p class="error-message" id="code-error">Код не підходить[^<]*Залишилося 4 спроби/,
    );
    assert.match(refused.body, /id="code"[^>]*aria-invalid="true"/);
    assert.equal(client.cookie("abonent_session"), undefined);

    const done = await client.post(
      "/sign-up/confirm",
      { login: "Olena@Cabinet.test", code: code.replace(/(\d{3})/, "$1 ") },
      { follow: false },
    );
    assert.equal(done.status, 303);
    assert.equal(done.location, "/");
    assert.ok(client.cookie("abonent_session"), "signed in");
    const home = await client.get("/");
    assert.match(home.body, /action="\/sign-out"/);
    const user = await get()
      .database.db.selectFrom("users")
      .select(["full_name", "locale"])
      .where("email", "=", "olena@cabinet.test")
      .executeTakeFirstOrThrow();
    assert.deepEqual(user, { full_name: "Олена Коваль", locale: "uk" });
  });

  test("signing up names each empty field, and refuses a weak password at its field", async () => {
    const client = new CabinetClient(app, { ip: "10.30.0.2" });
    await client.get("/sign-up");
    const empty = await client.post("/sign-up", { fullName: " ", login: "", password: "" });
    assert.equal(empty.status, 400);
    for (const field of ["fullName", "login", "password"])
      assert.match(empty.body, new RegExp(`href="#${field}"`));
    const weak = await client.post("/sign-up", {
      fullName: "Іван",
      login: "ivan@cabinet.test",
      password: "short",
    });
    assert.equal(weak.status, 422);
    assert.match(weak.body, /id="password-error">Пароль має містити щонайменше 10 символів/);
    assert.match(weak.body, /value="ivan@cabinet.test"/, "the typed address stays");
  });

  test("a taken address gets the same code page, and its owner a note instead of a code", async () => {
    const client = new CabinetClient(app, { ip: "10.30.0.3" });
    await client.get("/sign-up");
    const page = await client.post("/sign-up", {
      fullName: "Хтось",
      login: "petro@cabinet.test",
      password: PASSWORD,
    });
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), /Ми надіслали 6-значний код на petro@cabinet\.test/);
    const note = await get()
      .database.db.selectFrom("outbox")
      .select("template")
      .where("address", "=", "petro@cabinet.test")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    assert.equal(note.template, "sign_up_taken");
  });

  test("signing in with a code sent by SMS, in Russian, and back where the visitor was heading", async () => {
    const client = new CabinetClient(app, { ip: "10.30.0.4", acceptLanguage: "ru" });
    const form = await client.get("/sign-in/code?next=%2Fsettings");
    assert.match(form.body, /<html lang="ru">/);
    assert.match(textOf(form.body), /Вход по одноразовому коду/);
    const codePage = await client.post("/sign-in/code", { login: "050 111 22 33", next: "/settings" });
    assert.equal(codePage.status, 200);
    assert.match(
      textOf(codePage.body),
      /Если с номером 050 111 22 33 есть кабинет, мы отправили на него 6-значный код в SMS/,
    );
    const code = await codeSentTo(get(), "+380501112233", "sign_in_code");
    const done = await client.post(
      "/sign-in/code/confirm",
      { login: "050 111 22 33", code, next: "/settings" },
      { follow: false },
    );
    assert.equal(done.status, 303);
    assert.equal(done.location, "/settings");
    const settings = await client.get("/settings");
    assert.equal(settings.status, 200);
    assert.match(textOf(settings.body), /Настройки/);
  });

  test("an unknown address is answered as a known one, and its code never works", async () => {
    const client = new CabinetClient(app, { ip: "10.30.0.5" });
    await client.get("/sign-in/code");
    const page = await client.post("/sign-in/code", { login: "nobody@cabinet.test" });
    assert.equal(page.status, 200);
    assert.match(
      textOf(page.body),
      /Якщо з адресою nobody@cabinet\.test є кабінет, ми надіслали на неї 6-значний код/,
    );
    const refused = await client.post("/sign-in/code/confirm", {
      login: "nobody@cabinet.test",
      code: "123456",
    });
    assert.equal(refused.status, 422);
    assert.match(refused.body, /id="code-error"/);
    assert.equal(client.cookie("abonent_session"), undefined);
  });

  test("asking for codes too often is refused with the use case's message, at the address field", async () => {
    const client = new CabinetClient(app, { ip: "10.30.0.6" });
    await client.get("/sign-in/code");
    let last = await client.post("/sign-in/code", { login: "often@cabinet.test" });
    for (let i = 0; i < 5; i++)
      last = await client.post("/sign-in/code", { login: "often@cabinet.test", again: "1" });
    assert.equal(last.status, 429);
    assert.ok(last.headers["retry-after"]);
    assert.match(last.body, /id="login-error">Забагато спроб поспіль/);
  });

  test("a new code, asked for from the code page, says so and replaces the old one", async () => {
    const client = new CabinetClient(app, { ip: "10.30.0.7" });
    await client.get("/password-reset");
    await client.post("/password-reset", { login: "petro@cabinet.test" });
    const first = await codeSentTo(get(), "petro@cabinet.test", "reset_password_code");
    const again = await client.post("/password-reset", { login: "petro@cabinet.test", again: "1" });
    assert.match(textOf(again.body), /Ми надіслали новий код/);
    const second = await codeSentTo(get(), "petro@cabinet.test", "reset_password_code");
    if (first !== second) {
      const stale = await client.post("/password-reset/confirm", {
        login: "petro@cabinet.test",
        code: first,
        password: "a brand new long phrase",
      });
      assert.equal(stale.status, 422, "the first code no longer works");
    }
  });

  test("resetting a password: the code and a new one, then the sign-in form with a banner, and only the new one works", async () => {
    const client = new CabinetClient(app, { ip: "10.30.0.8" });
    const form = await client.get("/password-reset");
    assert.match(textOf(form.body), /Відновлення пароля/);
    const codePage = await client.post("/password-reset", { login: "petro@cabinet.test" });
    assert.match(
      codePage.body,
      /<input id="password" name="password" type="password"[^>]*autocomplete="new-password"/,
    );
    const code = await codeSentTo(get(), "petro@cabinet.test", "reset_password_code");
    const weak = await client.post("/password-reset/confirm", {
      login: "petro@cabinet.test",
      code,
      password: "qwerty",
    });
    assert.equal(weak.status, 422);
    assert.match(weak.body, /id="password-error"/);
    const NEW = "snow over the steppe at dawn";
    const done = await client.post("/password-reset/confirm", {
      login: "petro@cabinet.test",
      code,
      password: NEW,
    });
    assert.equal(done.location, "/sign-in?done=password-reset");
    assert.match(textOf(done.body), /Пароль змінено\. Увійдіть з новим паролем/);
    const old = await new CabinetClient(app, { ip: "10.30.0.9" }).signIn("petro@cabinet.test", PASSWORD);
    assert.equal(old.status, 401);
    const fresh = new CabinetClient(app, { ip: "10.30.0.10" });
    await fresh.signIn("petro@cabinet.test", NEW);
    assert.ok(fresh.cookie("abonent_session"));
  });
});
