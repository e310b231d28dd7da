// Sign-in limits count failures, never successes: per user (whichever login, e-mail or phone, names them) and
// per address (everyone behind one NAT shares it), so guessing stays slow while people who know their password
// always get in.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { hashPassword } from "../../src/services/auth/password.ts";
import { CLIENT_ATTEMPTS, LOGIN_ATTEMPTS } from "../../src/services/auth/sign-in.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

const T0 = "2026-11-25T09:00:00.000Z";

forEachDatabase("sign-in limits", (get) => {
  let app: FastifyInstance;
  before(async () => {
    app = await quietApp(get().deps);
  });
  after(async () => {
    await app?.close();
  });

  let seq = 0;
  let address = 0;
  const nextAddress = () => `10.1.${Math.floor(++address / 250)}.${(address % 250) + 1}`;
  const PASSWORD = "correct horse battery";
  const addUser = async () => {
    const n = ++seq;
    const email = `limits${n}@test.abonent.ua`;
    const phone = `+38067${String(5_000_000 + n).padStart(7, "0")}`;
    await get()
      .database.db.insertInto("users")
      .values({
        email,
        phone,
        full_name: `Limits ${n}`,
        password_hash: await hashPassword(PASSWORD),
        locale: "uk",
      })
      .execute();
    return { email, phone, spokenPhone: `0${phone.slice(4, 6)} ${phone.slice(6, 9)} ${phone.slice(9)}` };
  };
  const signIn = (login: string, password: string, ip = nextAddress()) =>
    app.inject({ method: "POST", url: "/api/session", payload: { login, password }, remoteAddress: ip });

  test("an address's successes are not counted: a household behind one NAT signs in as often as it needs", async () => {
    get().setNow(T0);
    const ip = "198.51.100.20";
    const people = [await addUser(), await addUser(), await addUser()];
    // The case: 6 failures and 14 successes, then a correct password — and many more successes.
    for (let i = 0; i < 6; i++)
      assert.equal((await signIn(people[i % 3]!.email, "wrong", ip)).statusCode, 401);
    for (let i = 0; i < 3 * CLIENT_ATTEMPTS.limit; i++) {
      const res = await signIn(people[i % 3]!.email, PASSWORD, ip);
      assert.equal(res.statusCode, 200, `success ${i + 1}: ${res.body}`);
    }
  });

  test("an address's failures are counted: the 21st attempt after 20 failures is refused, even with the right password", async () => {
    get().setNow(T0);
    const ip = "198.51.100.21";
    const person = await addUser();
    // Failures spread over unknown logins, so no user is locked: only the address is.
    for (let i = 0; i < CLIENT_ATTEMPTS.limit; i++) {
      assert.equal((await signIn(`nobody${i}@example.com`, "x", ip)).statusCode, 401, `failure ${i + 1}`);
    }
    const refused = await signIn(person.email, PASSWORD, ip);
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.json().error.code, "too_many_attempts");
    assert.equal(refused.headers["retry-after"], "900");
    // The person is not locked: from another address they sign in.
    assert.equal((await signIn(person.email, PASSWORD)).statusCode, 200);
  });

  test("failures are counted per user: wrong passwords by e-mail lock the phone number too, and the other way round", async () => {
    get().setNow(T0);
    const a = await addUser();
    for (let i = 0; i < LOGIN_ATTEMPTS.limit; i++)
      assert.equal((await signIn(a.email, "wrong")).statusCode, 401);
    for (const login of [a.phone, a.spokenPhone, a.email.toUpperCase()]) {
      const res = await signIn(login, PASSWORD);
      assert.equal(res.statusCode, 429, login);
      assert.equal(res.json().error.code, "too_many_attempts");
    }

    // Mixed spellings add up to one count.
    const b = await addUser();
    assert.equal((await signIn(b.email, "wrong")).statusCode, 401);
    assert.equal((await signIn(b.phone, "wrong")).statusCode, 401);
    assert.equal((await signIn(b.spokenPhone, "wrong")).statusCode, 401);
    assert.equal((await signIn(b.email.toUpperCase(), "wrong")).statusCode, 401);
    assert.equal((await signIn(b.phone, "wrong")).statusCode, 401);
    assert.equal((await signIn(b.email, PASSWORD)).statusCode, 429);

    // Fifteen minutes later the user signs in again.
    get().setNow(new Date(new Date(T0).getTime() + LOGIN_ATTEMPTS.windowSeconds * 1000));
    assert.equal((await signIn(b.phone, PASSWORD)).statusCode, 200);
  });

  test("parallel guesses cannot slip past the per-user limit", async () => {
    get().setNow(T0);
    const c = await addUser();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(c.email, `guess-${i}`)));
    const statuses = answers.map((r) => r.statusCode).sort();
    assert.equal(statuses.filter((s) => s === 401).length, LOGIN_ATTEMPTS.limit, statuses.join(","));
    assert.equal(statuses.filter((s) => s === 429).length, 12 - LOGIN_ATTEMPTS.limit);
  });
});
