// Identities over HTTP, as a resident meets them: signing up by e-mail or phone with a code read from the
// outbox, the same answers for taken and unknown logins, codes that expire and die after 5 tries, limits, signing
// in by code, resetting a password, signing out everywhere, the language messages go out in, and /dev/outbox.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { errorMessage } from "../../src/services/errors.ts";
import { confirmChatLink, requestChatLink } from "../../src/services/identity/link-chat.ts";
import { resolveIdentity } from "../../src/services/identity/resolve-identity.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

const T0 = new Date("2026-11-25T09:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const GOOD = "calm river under old bridge";

forEachDatabase("identities and sign-up over HTTP", (get) => {
  let app: FastifyInstance;
  before(async () => {
    app = await quietApp(get().deps);
  });
  after(async () => {
    await app?.close();
  });

  // Each request from its own address unless a test says otherwise: the per-client limit has its own test.
  let address = 0;
  const nextAddress = () => `10.9.${Math.floor(++address / 250)}.${(address % 250) + 1}`;
  let seq = 0;
  const freshEmail = () => `person${++seq}-${Date.now()}@test.abonent.ua`;
  const freshPhone = () => `+38067${String(7_000_000 + ++seq).padStart(7, "0")}`;

  const send = async (
    method: "POST" | "PUT" | "DELETE" | "GET",
    url: string,
    o: { body?: object; lang?: string; token?: string; ip?: string } = {},
  ) => {
    const res = await app.inject({
      method,
      url,
      ...(o.body ? { payload: o.body } : {}),
      remoteAddress: o.ip ?? nextAddress(),
      headers: {
        ...(o.lang ? { "accept-language": o.lang } : {}),
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      },
    });
    return {
      status: res.statusCode,
      body: String(res.headers["content-type"]).includes("json") ? res.json() : res.body,
    };
  };
  const messagesTo = (to: string) =>
    get().database.db.selectFrom("outbox").selectAll().where("address", "=", to).orderBy("id").execute();
  const lastCode = async (to: string) => {
    const messages = await messagesTo(to);
    const m = /\b(\d{6})\b/.exec(messages.at(-1)?.body ?? "");
    assert.ok(m, `a code was sent to ${to}`);
    return m[1]!;
  };
  const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  /** A resident signed up through the API; returns their login and session token. */
  const signUp = async (login = freshEmail(), lang = "uk") => {
    assert.equal(
      (
        await send("POST", "/api/sign-up", {
          body: { login, password: GOOD, fullName: "Олена Ткаченко" },
          lang,
        })
      ).status,
      200,
    );
    const confirmed = await send("POST", "/api/sign-up/confirm", {
      body: { login, code: await lastCode(login) },
    });
    assert.equal(confirmed.status, 201, JSON.stringify(confirmed.body));
    return { login, token: confirmed.body.token as string, userId: confirmed.body.user.id as number };
  };

  test("signs up by e-mail: a code in the outbox, then a resident with a verified identity and a session", async () => {
    get().setNow(T0);
    const login = freshEmail();
    const started = await send("POST", "/api/sign-up", {
      body: { login: `  ${login.toUpperCase()} `, password: GOOD, fullName: " Олена  Ткаченко " },
    });
    assert.equal(started.status, 200);
    assert.deepEqual(started.body, { delivery: "email", expiresInSeconds: 600 });
    const [message, ...more] = await messagesTo(login);
    assert.equal(more.length, 0);
    assert.equal(message!.channel, "email");
    assert.equal(message!.locale, "uk");
    assert.equal(message!.template, "sign_up_code");
    assert.match(message!.subject!, /Код для реєстрації в Abonent: \d{6}/);
    assert.equal(message!.sent_at, null);
    // The code is kept only as a hash.
    const code = await lastCode(login);
    const row = await get()
      .database.db.selectFrom("one_time_codes")
      .selectAll()
      .where("external_id", "=", login)
      .executeTakeFirstOrThrow();
    assert.notEqual(row.code_hash, code);
    assert.ok(!JSON.stringify(row).includes(code));

    const confirmed = await send("POST", "/api/sign-up/confirm", { body: { login, code } });
    assert.equal(confirmed.status, 201, JSON.stringify(confirmed.body));
    assert.match(confirmed.body.token, /^ses_/);
    assert.equal(confirmed.body.user.fullName, "Олена Ткаченко");
    assert.deepEqual(confirmed.body.actor, {
      kind: "resident",
      userId: confirmed.body.user.id,
      locale: "uk",
    });
    const me = await send("GET", "/api/me", { token: confirmed.body.token });
    assert.equal(me.body.user.email, login);
    // Never staff, and the address is a verified identity the password signs in with.
    const roles = await get()
      .database.db.selectFrom("staff_roles")
      .selectAll()
      .where("user_id", "=", confirmed.body.user.id)
      .execute();
    assert.deepEqual(roles, []);
    const identities = await get()
      .database.db.selectFrom("identities")
      .selectAll()
      .where("user_id", "=", confirmed.body.user.id)
      .execute();
    assert.deepEqual(
      identities.map((i) => [i.kind, i.external_id, i.verified_at?.toISOString()]),
      [["email", login, T0.toISOString()]],
    );
    assert.equal((await send("POST", "/api/session", { body: { login, password: GOOD } })).status, 200);
    // A code works once.
    const again = await send("POST", "/api/sign-up/confirm", { body: { login, code } });
    assert.equal(again.body.error.code, "code_invalid");
  });

  test("signs up by phone in any spelling; the SMS and the account are in the request's language", async () => {
    get().setNow(T0);
    const phone = freshPhone();
    const spoken = `0${phone.slice(4, 6)} ${phone.slice(6, 9)} ${phone.slice(9)}`;
    const started = await send("POST", "/api/sign-up", {
      body: { login: spoken, password: GOOD, fullName: "Иван Петренко" },
      lang: "ru",
    });
    assert.deepEqual(started.body, { delivery: "sms", expiresInSeconds: 600 });
    const [sms] = await messagesTo(phone);
    assert.equal(sms!.channel, "sms");
    assert.equal(sms!.subject, null);
    assert.equal(sms!.locale, "ru");
    assert.match(sms!.body, /^\d{6} — ваш код для регистрации в Abonent\. Действует 10 мин\./);
    const confirmed = await send("POST", "/api/sign-up/confirm", {
      body: { login: `+38 (${phone.slice(3, 6)}) ${phone.slice(6)}`, code: await lastCode(phone) },
    });
    assert.equal(confirmed.status, 201, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.user.locale, "ru");
    assert.equal(
      (await send("POST", "/api/session", { body: { login: phone, password: GOOD } })).status,
      200,
    );
    assert.deepEqual(await resolveIdentity(get().deps, "phone", spoken), {
      kind: "resident",
      userId: confirmed.body.user.id,
      locale: "ru",
    });
    assert.deepEqual(await resolveIdentity(get().deps, "telegram", "123456789"), { unknown: true });
  });

  test("a taken login gets the same answer; its owner is told someone tried, and no code is sent", async () => {
    get().setNow(T0);
    const { login } = await signUp(freshEmail(), "en");
    const free = await send("POST", "/api/sign-up", {
      body: { login: freshEmail(), password: GOOD, fullName: "A B" },
    });
    const taken = await send("POST", "/api/sign-up", {
      body: { login, password: "another long passphrase", fullName: "A B" },
      lang: "uk",
    });
    assert.equal(taken.status, free.status);
    assert.deepEqual(taken.body, free.body);
    const warning = (await messagesTo(login)).at(-1)!;
    assert.equal(warning.template, "sign_up_taken");
    // In the owner's stored language, not the stranger's.
    assert.equal(warning.locale, "en");
    assert.match(warning.body, /Someone tried to sign up to Abonent with .*sign in or reset your password/);
    assert.doesNotMatch(warning.body, /\b\d{6}\b/);
    for (const code of ["000000", "123456"]) {
      const res = await send("POST", "/api/sign-up/confirm", { body: { login, code } });
      assert.equal(res.body.error.code, "code_invalid");
    }
    // The owner's password still works; the stranger's does not.
    assert.equal((await send("POST", "/api/session", { body: { login, password: GOOD } })).status, 200);
    assert.equal(
      (await send("POST", "/api/session", { body: { login, password: "another long passphrase" } })).status,
      401,
    );
  });

  test("a wrong code costs a try; after 5 the code is dead, even the right one", async () => {
    get().setNow(T0);
    const login = freshEmail();
    await send("POST", "/api/sign-up", { body: { login, password: GOOD, fullName: "A B" } });
    const code = await lastCode(login);
    for (let left = 4; left >= 1; left--) {
      const res = await send("POST", "/api/sign-up/confirm", {
        body: { login, code: otherCode(code) },
        lang: "en",
      });
      assert.equal(res.status, 422);
      assert.deepEqual(res.body.error, {
        code: "code_invalid",
        message: errorMessage("code_invalid", "en"),
        details: { triesLeft: left },
      });
    }
    const fifth = await send("POST", "/api/sign-up/confirm", { body: { login, code: otherCode(code) } });
    assert.equal(fifth.body.error.code, "code_exhausted");
    const right = await send("POST", "/api/sign-up/confirm", { body: { login, code } });
    assert.equal(right.status, 422);
    assert.equal(right.body.error.code, "code_exhausted");
    // A new code starts afresh.
    await send("POST", "/api/sign-up", { body: { login, password: GOOD, fullName: "A B" } });
    assert.equal(
      (await send("POST", "/api/sign-up/confirm", { body: { login, code: await lastCode(login) } })).status,
      201,
    );
  });

  test("a code is refused after 10 minutes, and a new code replaces the old one", async () => {
    get().setNow(T0);
    const login = freshEmail();
    await send("POST", "/api/sign-up", { body: { login, password: GOOD, fullName: "A B" } });
    const first = await lastCode(login);
    get().setNow(at(600));
    const expired = await send("POST", "/api/sign-up/confirm", { body: { login, code: first }, lang: "ru" });
    assert.equal(expired.status, 422);
    assert.equal(expired.body.error.message, errorMessage("code_expired", "ru", { minutes: 10 }));
    await send("POST", "/api/sign-up", { body: { login, password: GOOD, fullName: "A B" } });
    const second = await lastCode(login);
    if (second !== first) {
      const old = await send("POST", "/api/sign-up/confirm", { body: { login, code: first } });
      assert.equal(old.body.error.code, "code_invalid");
    }
    get().setNow(at(600 + 599));
    assert.equal((await send("POST", "/api/sign-up/confirm", { body: { login, code: second } })).status, 201);
  });

  test("codes are limited per address (known or not) and per client address", async () => {
    get().setNow(at(3 * 3600));
    const { login } = await signUp();
    // Every purpose counts against the address: the sign-up's code was the known login's first of 5.
    for (const [target, allowed] of [
      [login, 4],
      [freshEmail(), 5],
    ] as const) {
      for (let i = 0; i < allowed; i++)
        assert.equal((await send("POST", "/api/sign-in-code", { body: { login: target } })).status, 200);
      const sixth = await send("POST", "/api/sign-in-code", { body: { login: target }, lang: "en" });
      assert.equal(sixth.status, 429);
      assert.equal(sixth.body.error.code, "too_many_attempts");
      assert.ok(sixth.body.error.details.retryAfterSeconds > 0);
    }
    const ip = "203.0.113.9";
    for (let i = 0; i < 30; i++)
      assert.equal(
        (await send("POST", "/api/sign-in-code", { body: { login: freshEmail() }, ip })).status,
        200,
      );
    assert.equal(
      (await send("POST", "/api/sign-in-code", { body: { login: freshEmail() }, ip })).status,
      429,
    );
    // An hour later both are open again.
    get().setNow(at(4 * 3600 + 1));
    assert.equal((await send("POST", "/api/sign-in-code", { body: { login }, ip })).status, 200);
  });

  test("signs in by code; an unknown address gets the same answers and no message", async () => {
    get().setNow(at(6 * 3600));
    const { login, userId } = await signUp(freshPhone(), "ru");
    const unknown = freshPhone();
    const known = await send("POST", "/api/sign-in-code", { body: { login } });
    const stranger = await send("POST", "/api/sign-in-code", { body: { login: unknown } });
    assert.deepEqual(stranger, known);
    assert.deepEqual(await messagesTo(unknown), []);
    const sms = (await messagesTo(login)).at(-1)!;
    assert.equal(sms.template, "sign_in_code");
    assert.equal(sms.locale, "ru");
    for (const to of [login, unknown]) {
      const wrong = await send("POST", "/api/session/code", { body: { login: to, code: "999999" } });
      assert.deepEqual(wrong.body.error.details, { triesLeft: 4 });
    }
    const signedIn = await send("POST", "/api/session/code", {
      body: { login, code: await lastCode(login) },
    });
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
    assert.equal(signedIn.body.user.id, userId);
    assert.equal((await send("GET", "/api/me", { token: signedIn.body.token })).status, 200);
  });

  test("a password reset by code: old sessions and tokens are dead, the new password works", async () => {
    get().setNow(at(8 * 3600));
    const { login, token } = await signUp();
    const second = (await send("POST", "/api/session", { body: { login, password: GOOD } })).body
      .token as string;
    const apiToken = (await send("POST", "/api/tokens", { body: { name: "Home" }, token })).body
      .token as string;
    const unknown = await send("POST", "/api/password-reset", { body: { login: freshEmail() } });
    const known = await send("POST", "/api/password-reset", { body: { login } });
    assert.deepEqual(known, unknown);
    const code = await lastCode(login);
    // A refused password does not use up the code.
    const short = await send("POST", "/api/password-reset/confirm", {
      body: { login, code, password: "short" },
      lang: "en",
    });
    assert.equal(short.status, 422);
    assert.equal(short.body.error.message, errorMessage("password_too_short", "en", { min: 10 }));
    const NEW = "new green lantern at dusk";
    const reset = await send("POST", "/api/password-reset/confirm", { body: { login, code, password: NEW } });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    assert.deepEqual(reset.body, { sessionsEnded: 2, apiTokensRevoked: 1 });
    for (const old of [token, second, apiToken])
      assert.equal((await send("GET", "/api/me", { token: old })).status, 401);
    assert.equal((await send("POST", "/api/session", { body: { login, password: GOOD } })).status, 401);
    assert.equal((await send("POST", "/api/session", { body: { login, password: NEW } })).status, 200);
  });

  test("signing out everywhere ends all my sessions and nobody else's", async () => {
    get().setNow(at(9 * 3600));
    const me = await signUp();
    const other = await signUp();
    const laptop = (await send("POST", "/api/session", { body: { login: me.login, password: GOOD } })).body
      .token as string;
    const res = await send("DELETE", "/api/sessions", { token: laptop });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { sessionsEnded: 2 });
    for (const t of [me.token, laptop])
      assert.equal((await send("GET", "/api/me", { token: t })).status, 401);
    assert.equal((await send("GET", "/api/me", { token: other.token })).status, 200);
    assert.equal((await send("DELETE", "/api/sessions")).status, 401);
  });

  test("short, common and guessable passwords are refused with a code and a message; nothing is sent", async () => {
    get().setNow(at(10 * 3600));
    const login = "ivan.petrenko@test.abonent.ua";
    const cases: [string, string][] = [
      ["qwerty", "password_too_short"],
      ["password123456", "password_too_common"],
      ["qwertyuiop", "password_too_common"],
      ["йцукенгшщз", "password_too_common"],
      ["Пароль12345!", "password_too_common"],
      ["1234567890", "password_too_common"],
      ["aaaaaaaaaaaa", "password_too_common"],
      ["abcabcabcabc", "password_too_common"],
      ["ivan.petrenko1985", "password_too_common"],
    ];
    for (const [password, code] of cases) {
      const res = await send("POST", "/api/sign-up", {
        body: { login, password, fullName: "Іван Петренко" },
        lang: "uk",
      });
      assert.equal(res.status, 422, password);
      assert.equal(res.body.error.code, code, password);
      assert.equal(res.body.error.message, errorMessage(code as "password_too_common", "uk", { min: 10 }));
    }
    assert.deepEqual(await messagesTo(login), []);
    const badLogin = await send("POST", "/api/sign-up", {
      body: { login: "not a login", password: GOOD, fullName: "A" },
      lang: "en",
    });
    assert.equal(badLogin.status, 400);
    assert.equal(badLogin.body.error.code, "login_invalid");
    assert.equal(badLogin.body.error.message, errorMessage("login_invalid", "en"));
    const badCode = await send("POST", "/api/sign-up/confirm", { body: { login, code: "12ab56" } });
    assert.equal(badCode.status, 400);
    assert.equal(badCode.body.error.code, "validation_failed");
  });

  test("setting my language changes the language my codes go out in", async () => {
    get().setNow(at(11 * 3600));
    const { login, token } = await signUp();
    await send("POST", "/api/sign-in-code", { body: { login } });
    assert.equal((await messagesTo(login)).at(-1)!.locale, "uk");
    const set = await send("PUT", "/api/me/language", { body: { locale: "en" }, token });
    assert.deepEqual(set, { status: 200, body: { locale: "en" } });
    assert.equal((await send("GET", "/api/me", { token })).body.user.locale, "en");
    await send("POST", "/api/sign-in-code", { body: { login }, lang: "ru" });
    const message = (await messagesTo(login)).at(-1)!;
    assert.equal(message.locale, "en");
    assert.match(message.subject!, /^Your Abonent sign-in code: \d{6}$/);
    const refused = await send("PUT", "/api/me/language", { body: { locale: "de" }, token });
    assert.equal(refused.status, 400);
  });

  test("a bot chat is linked by a code sent to the person's known address, and then resolves to them", async () => {
    get().setNow(at(11.5 * 3600));
    const { login, userId } = await signUp(freshEmail(), "ru");
    const chat = { kind: "telegram" as const, id: `tg-${++seq}` };
    const answer = await requestChatLink(get().deps, { chat, login });
    assert.deepEqual(
      answer,
      await requestChatLink(get().deps, { chat: { kind: "telegram", id: "x" }, login: freshEmail() }),
    );
    const message = (await messagesTo(login)).at(-1)!;
    assert.equal(message.template, "link_chat_code");
    assert.equal(message.locale, "ru");
    const code = await lastCode(login);
    await assert.rejects(
      confirmChatLink(get().deps, { chat: { kind: "telegram", id: "another" }, code }),
      /code_invalid/,
    );
    assert.deepEqual(await resolveIdentity(get().deps, "telegram", chat.id), { unknown: true });
    const actor = await confirmChatLink(get().deps, { chat, code });
    assert.deepEqual(actor, { kind: "resident", userId, locale: "ru" });
    assert.deepEqual(await resolveIdentity(get().deps, "telegram", chat.id), actor);
  });

  test("/dev/outbox shows the latest messages only when the demo region is loaded, escaped, in the page's language", async () => {
    get().setNow(at(12 * 3600));
    const login = `<i>x${++seq}@test.abonent.ua`;
    await send("POST", "/api/sign-up", { body: { login, password: GOOD, fullName: "A B" } });
    const code = await lastCode(login.toLowerCase());
    const hidden = await send("GET", "/dev/outbox");
    assert.equal(hidden.status, 404);
    await get()
      .database.db.insertInto("demo_region")
      .values({ seed: 1, accounts: 10, as_of: "2026-11-01" })
      .execute();
    try {
      const res = await app.inject({
        method: "GET",
        url: "/dev/outbox",
        headers: { "accept-language": "ru" },
      });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers["content-type"] as string, /text\/html/);
      assert.equal(res.headers["cache-control"], "no-store");
      assert.match(res.body, /<html lang="ru">/);
      assert.match(res.body, /Исходящие сообщения/);
      assert.ok(res.body.includes(code));
      assert.ok(res.body.includes("&lt;i&gt;x"));
      assert.ok(!res.body.includes("<i>x"));
      assert.match(res.body, /<th scope="col">/);
      const en = await app.inject({ method: "GET", url: "/dev/outbox?lang=en" });
      assert.match(en.body, /Outgoing messages/);
      const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      assert.ok(!Object.keys(doc.paths).some((p) => p.startsWith("/dev")));
      assert.ok(doc.paths["/api/sign-up"].post);
    } finally {
      await get().database.db.deleteFrom("demo_region").execute();
    }
  });
});
