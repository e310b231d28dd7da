// The cabinet's frame over HTTP: a visitor gets the sign-in form at "/", signs in through it (the session cookie
// is httpOnly and SameSite=Lax), a form without its CSRF token is refused and changes nothing, the language
// switch is remembered, a wrong password is an error tied to its field, and signing out ends the session.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { hashPassword } from "../../src/services/auth/password.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

const EMAIL = "olena@cabinet.test";
const PASSWORD = "quiet morning by the river";

forEachDatabase("cabinet: sign-in, CSRF, language", (get) => {
  let app: FastifyInstance;
  before(async () => {
    await get()
      .database.db.insertInto("users")
      .values({ email: EMAIL, phone: null, full_name: "Олена", password_hash: await hashPassword(PASSWORD) })
      .execute();
    app = await quietApp(get().deps);
  });
  after(async () => {
    await app?.close();
  });

  test("a visitor at / gets the sign-in form, with the fields a password manager expects", async () => {
    const page = await new CabinetClient(app).get("/");
    assert.equal(page.status, 200);
    assert.match(page.body, /<html lang="uk">/);
    assert.match(page.body, /<input id="login" name="login" type="text"[^>]*autocomplete="username"/);
    assert.match(
      page.body,
      /<input id="password" name="password" type="password"[^>]*autocomplete="current-password"/,
    );
    assert.match(page.body, /href="\/sign-up"/);
    assert.match(page.body, /href="\/sign-in\/code"/);
    assert.doesNotMatch(page.body, /<script>/, "no inline script");
    const csp = String(page.headers["content-security-policy"]);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /default-src 'none'/);
  });

  test("signing in sets an httpOnly, SameSite=Lax session cookie and shows the home page", async () => {
    const client = new CabinetClient(app);
    await client.get("/");
    const res = await client.post(
      "/sign-in",
      { login: EMAIL.toUpperCase(), password: PASSWORD },
      { follow: false },
    );
    assert.equal(res.status, 303);
    assert.equal(res.location, "/");
    const setCookie = ([] as string[]).concat(res.headers["set-cookie"] as string[]).join("\n");
    assert.match(setCookie, /abonent_session=ses_[^;]+;[^\n]*HttpOnly/);
    assert.match(setCookie, /abonent_session=[^\n]*SameSite=Lax/);
    const home = await client.get("/");
    assert.match(home.body, /aria-current="page">Головна/);
    assert.match(home.body, /action="\/sign-out"/);
  });

  test("a wrong password is an error tied to the login field, and the typed login stays", async () => {
    const client = new CabinetClient(app, { ip: "10.20.0.1" });
    await client.get("/");
    const res = await client.post("/sign-in", { login: EMAIL, password: "not the password at all" });
    assert.equal(res.status, 401);
    assert.match(res.body, /<title>Помилка: /);
    assert.match(res.body, /class="error-summary"[\s\S]*href="#login"/);
    assert.match(res.body, /id="login-error"/);
    assert.match(res.body, /aria-invalid="true"/);
    assert.match(res.body, new RegExp(`value="${EMAIL}"`));
    assert.equal(client.cookie("abonent_session"), undefined);
  });

  test("an empty form names both fields", async () => {
    const client = new CabinetClient(app);
    await client.get("/");
    const res = await client.post("/sign-in", { login: " ", password: "" });
    assert.equal(res.status, 400);
    assert.match(res.body, /href="#login"/);
    assert.match(res.body, /href="#password"/);
  });

  test("a form without its CSRF token is refused and signs nobody in", async () => {
    const client = new CabinetClient(app);
    await client.get("/");
    const res = await client.post("/sign-in", { _csrf: "forged", login: EMAIL, password: PASSWORD });
    assert.equal(res.status, 403);
    assert.match(textOf(res.body), /Форма застаріла/);
    assert.equal(client.cookie("abonent_session"), undefined);
  });

  test("the language switch is remembered, and stored for a signed-in person", async () => {
    const client = new CabinetClient(app);
    await client.get("/");
    const switched = await client.post("/language", { locale: "ru", back: "/?lang=uk" });
    assert.equal(switched.location, "/");
    assert.match(switched.body, /<html lang="ru">/);
    assert.match(textOf(switched.body), /Вход в кабинет/);
    assert.match((await client.get("/")).body, /<html lang="ru">/, "remembered on the next visit");
    await client.post("/sign-in", { login: EMAIL, password: PASSWORD });
    await client.post("/language", { locale: "en", back: "/" });
    const stored = await get()
      .database.db.selectFrom("users")
      .select("locale")
      .where("email", "=", EMAIL)
      .executeTakeFirstOrThrow();
    assert.equal(stored.locale, "en");
    // An outside address to go back to is not followed.
    const away = await client.post("/language", { locale: "uk", back: "//evil.example/" }, { follow: false });
    assert.equal(away.location, "/");
  });

  test("signing out ends the session: the old cookie no longer opens the home page", async () => {
    const client = new CabinetClient(app);
    await client.signIn(EMAIL, PASSWORD);
    const token = client.cookie("abonent_session");
    assert.ok(token);
    const out = await client.post("/sign-out", {});
    assert.match(textOf(out.body), /Ви вийшли з кабінету/);
    const replay = await app.inject({
      method: "GET",
      url: "/",
      headers: { cookie: `abonent_session=${token}` },
    });
    assert.match(replay.body, /id="login"/, "the sign-in form again");
  });

  test("a page that needs a signed-in person sends a visitor to sign in, and back after", async () => {
    const client = new CabinetClient(app);
    const res = await client.get("/settings", { follow: false });
    assert.equal(res.status, 303);
    assert.equal(res.location, "/?next=%2Fsettings");
  });
});
