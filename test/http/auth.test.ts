// Signing in, sessions, personal API tokens and the actor behind a bearer token, over HTTP on both databases.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/channels/http/app.ts";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { hashPassword } from "../../src/services/auth/password.ts";
import { resolveToken } from "../../src/services/auth/resolve-token.ts";
import { errorMessage } from "../../src/services/errors.ts";
import { type DbFixture, forEachDatabase } from "../support/databases.ts";

const T0 = "2026-11-25T09:00:00.000Z";
const at = (base: string, seconds: number) => new Date(new Date(base).getTime() + seconds * 1000);

forEachDatabase(
  "authentication over HTTP",
  (get) => {
    let app: FastifyInstance;
    before(async () => {
      app = await buildApp({
        deps: get().deps,
        config: { logLevel: "silent", production: false },
        logger: false,
      });
    });
    after(async () => {
      await app?.close();
    });

    // Each sign-in comes from its own address unless a test says otherwise, so the per-client limit stays
    // out of the way of tests about the per-login one.
    let address = 0;
    const nextAddress = () => `10.0.${Math.floor(++address / 250)}.${(address % 250) + 1}`;
    const signIn = (login: string, password: string, options: { ip?: string; lang?: string } = {}) =>
      app.inject({
        method: "POST",
        url: "/api/session",
        payload: { login, password },
        remoteAddress: options.ip ?? nextAddress(),
        headers: { "user-agent": "auth-test", ...(options.lang ? { "accept-language": options.lang } : {}) },
      });
    const tokenOf = async (login: string, password = DEMO_PASSWORD) => {
      const res = await signIn(login, password);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().token as string;
    };
    const call = (method: "GET" | "POST" | "DELETE", url: string, token?: string, payload?: object) =>
      app.inject({
        method,
        url,
        ...(payload ? { payload } : {}),
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const me = (token: string) => call("GET", "/api/me", token);

    let seq = 0;
    /** A fresh user with a password, for tests that lock or fill an account. */
    const addUser = async (password = "correct horse battery", locale: Locale = "uk") => {
      const email = `user${++seq}-${Date.now()}@test.abonent.ua`;
      const row = await get()
        .database.db.insertInto("users")
        .values({ email, full_name: `Test User ${seq}`, password_hash: await hashPassword(password), locale })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id: row.id, email, password };
    };
    const providerId = async (code: string) =>
      (
        await get()
          .database.db.selectFrom("providers")
          .select("id")
          .where("code", "=", code)
          .executeTakeFirstOrThrow()
      ).id;

    test("signs in by e-mail in any case, with a 30-day session token", async () => {
      get().setNow(T0);
      const res = await signIn("  Resident@DEMO.abonent.UA ", DEMO_PASSWORD);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.match(body.token, /^ses_[A-Za-z0-9_-]{43}$/);
      assert.equal(body.expiresAt, at(T0, 30 * 86400).toISOString());
      assert.equal(body.user.fullName, DEMO_PEOPLE.resident.fullName);
      assert.equal(body.user.locale, "uk");
      assert.deepEqual(body.actor, { kind: "resident", userId: body.user.id, locale: "uk" });
      // Only the hash is stored, with the client's user agent.
      const row = await get()
        .database.db.selectFrom("sessions")
        .selectAll()
        .where("token_hash", "=", createHash("sha256").update(body.token).digest("hex"))
        .executeTakeFirstOrThrow();
      assert.equal(row.user_id, body.user.id);
      assert.equal(row.user_agent, "auth-test");
      assert.equal(row.expires_at.toISOString(), body.expiresAt);
    });

    test("signs in by phone in the spellings people use", async () => {
      get().setNow(T0);
      const ids = new Set<number>();
      for (const phone of [
        "+380671112233",
        "0671112233",
        "067 111 22 33",
        "+38 (067) 111-22-33",
        "380671112233",
      ]) {
        const res = await signIn(phone, DEMO_PASSWORD);
        assert.equal(res.statusCode, 200, `${phone}: ${res.body}`);
        ids.add(res.json().user.id);
      }
      assert.equal(ids.size, 1);
    });

    test("a wrong password and an unknown login get the same answer", async () => {
      get().setNow(T0);
      const answers = [
        await signIn(DEMO_PEOPLE.resident.email, "not-the-password"),
        await signIn("nobody@demo.abonent.ua", DEMO_PASSWORD),
        await signIn("+380509999999", DEMO_PASSWORD),
        await signIn("not a login at all", DEMO_PASSWORD),
      ];
      for (const res of answers) {
        assert.equal(res.statusCode, 401);
        assert.deepEqual(res.json(), {
          error: {
            code: "invalid_credentials",
            message: errorMessage("invalid_credentials", "uk"),
            details: {},
          },
        });
      }
    });

    test("the 6th failure in a row is 429 until the window passes; a success resets the count", async () => {
      const { email, password } = await addUser();
      get().setNow(T0);
      // From a different address each time: the limit is per login.
      for (let i = 1; i <= 5; i++) {
        assert.equal((await signIn(email, `wrong-${i}`)).statusCode, 401, `failure ${i}`);
      }
      const sixth = await signIn(email, "wrong-6");
      assert.equal(sixth.statusCode, 429);
      assert.equal(sixth.json().error.code, "too_many_attempts");
      assert.equal(sixth.json().error.details.retryAfterSeconds, 900);
      assert.equal(sixth.headers["retry-after"], "900");
      assert.equal(sixth.json().error.message, errorMessage("too_many_attempts", "uk", { minutes: 15 }));
      // Even the right password is refused while locked: otherwise guessing would go on.
      get().setNow(at(T0, 14 * 60));
      const locked = await signIn(email, password);
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.json().error.details.retryAfterSeconds, 60);
      assert.equal(locked.json().error.message, errorMessage("too_many_attempts", "uk", { minutes: 1 }));

      get().setNow(at(T0, 15 * 60));
      assert.equal((await signIn(email, password)).statusCode, 200);

      // 4 failures, a success, then 5 more failures are all 401: the success cleared the count.
      for (let i = 0; i < 4; i++) assert.equal((await signIn(email, "wrong")).statusCode, 401);
      assert.equal((await signIn(email, password)).statusCode, 200);
      for (let i = 0; i < 5; i++) assert.equal((await signIn(email, "wrong")).statusCode, 401);
      assert.equal((await signIn(email, "wrong")).statusCode, 429);
    });

    test("one address gets 20 attempts per 15 minutes, whatever the logins", async () => {
      get().setNow(T0);
      const ip = "192.0.2.77";
      for (let i = 0; i < 20; i++) {
        assert.equal(
          (await signIn(`probe${i}@example.com`, "x", { ip })).statusCode,
          401,
          `attempt ${i + 1}`,
        );
      }
      const refused = await signIn(DEMO_PEOPLE.resident.email, DEMO_PASSWORD, { ip });
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.json().error.code, "too_many_attempts");
      // Another address is not affected.
      assert.equal((await signIn(DEMO_PEOPLE.resident.email, DEMO_PASSWORD)).statusCode, 200);
      get().setNow(at(T0, 15 * 60));
      assert.equal((await signIn(DEMO_PEOPLE.resident.email, DEMO_PASSWORD, { ip })).statusCode, 200);
    });

    test("GET /api/me answers with the token's user, and 401 without a valid token", async () => {
      get().setNow(T0);
      const token = await tokenOf("0671112233");
      const res = await me(token);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.user.email, DEMO_PEOPLE.resident.email);
      assert.equal(body.user.phone, DEMO_PEOPLE.resident.phone);
      assert.equal(body.actor.kind, "resident");

      for (const authorization of [
        undefined,
        "Bearer",
        `Basic ${token}`,
        `Bearer ${token.slice(0, -1)}x`,
        "Bearer ses_short",
        `Bearer abt_${token.slice(4)}`,
      ]) {
        const refused = await app.inject({
          method: "GET",
          url: "/api/me",
          headers: authorization ? { authorization } : {},
        });
        assert.equal(refused.statusCode, 401, String(authorization));
        assert.equal(refused.json().error.code, "unauthenticated");
        assert.match(String(refused.headers["www-authenticate"]), /^Bearer/);
      }
      // The scheme is case-insensitive.
      assert.equal(
        (await app.inject({ method: "GET", url: "/api/me", headers: { authorization: `bearer ${token}` } }))
          .statusCode,
        200,
      );
    });

    test("signing out ends the session", async () => {
      get().setNow(T0);
      const token = await tokenOf(DEMO_PEOPLE.resident.email);
      const other = await tokenOf(DEMO_PEOPLE.resident.email);
      assert.equal((await call("DELETE", "/api/session", token)).statusCode, 204);
      assert.equal((await me(token)).statusCode, 401);
      assert.equal((await call("DELETE", "/api/session", token)).statusCode, 401);
      // Only that session: the other one still works.
      assert.equal((await me(other)).statusCode, 200);
    });

    test("an expired session is refused", async () => {
      get().setNow(T0);
      const token = await tokenOf(DEMO_PEOPLE.resident.email);
      get().setNow(at(T0, 30 * 86400 - 60));
      assert.equal((await me(token)).statusCode, 200);
      get().setNow(at(T0, 30 * 86400));
      const res = await me(token);
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, "unauthenticated");
    });

    test("last_seen_at is written at most once a minute", async () => {
      get().setNow(T0);
      const token = await tokenOf(DEMO_PEOPLE.resident.email);
      const seen = async () =>
        (
          await get()
            .database.db.selectFrom("sessions")
            .select("last_seen_at")
            .where("token_hash", "=", createHash("sha256").update(token).digest("hex"))
            .executeTakeFirstOrThrow()
        ).last_seen_at.toISOString();
      get().setNow(at(T0, 30));
      await me(token);
      assert.equal(await seen(), T0);
      get().setNow(at(T0, 61));
      await me(token);
      assert.equal(await seen(), at(T0, 61).toISOString());
      get().setNow(at(T0, 100));
      await me(token);
      assert.equal(await seen(), at(T0, 61).toISOString());
    });

    test("a personal API token: created once, used for the API, listed without the token, revoked", async () => {
      get().setNow(T0);
      const session = await tokenOf(DEMO_PEOPLE.resident.email);
      const created = await call("POST", "/api/tokens", session, { name: "  Home Assistant " });
      assert.equal(created.statusCode, 201, created.body);
      const token = created.json();
      assert.match(token.token, /^abt_[A-Za-z0-9_-]{43}$/);
      assert.equal(token.prefix, token.token.slice(0, 8));
      assert.equal(token.name, "Home Assistant");
      assert.equal(token.createdAt, T0);

      get().setNow(at(T0, 120));
      const viaToken = await me(token.token);
      assert.equal(viaToken.statusCode, 200, viaToken.body);
      assert.equal(viaToken.json().user.email, DEMO_PEOPLE.resident.email);
      assert.equal(viaToken.json().actor.kind, "resident");

      const list = await call("GET", "/api/tokens", session);
      assert.equal(list.statusCode, 200);
      assert.ok(!list.body.includes(token.token.slice(8)), "the list never shows the token");
      const listed = list.json().tokens.find((t: { id: number }) => t.id === token.id);
      assert.deepEqual(listed, {
        id: token.id,
        name: "Home Assistant",
        prefix: token.prefix,
        createdAt: T0,
        lastUsedAt: at(T0, 120).toISOString(),
      });
      // The database keeps only the hash.
      const row = await get()
        .database.db.selectFrom("api_tokens")
        .selectAll()
        .where("id", "=", token.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.token_hash, createHash("sha256").update(token.token).digest("hex"));
      assert.ok(!Object.values(row).includes(token.token));

      // A token cannot manage tokens or sessions: a leaked one cannot mint more.
      const minted = await call("POST", "/api/tokens", token.token, { name: "more" });
      assert.equal(minted.statusCode, 403);
      assert.equal(minted.json().error.code, "forbidden");
      assert.equal((await call("GET", "/api/tokens", token.token)).statusCode, 403);
      assert.equal((await call("DELETE", "/api/session", token.token)).statusCode, 403);

      assert.equal((await call("DELETE", `/api/tokens/${token.id}`, session)).statusCode, 204);
      assert.equal((await me(token.token)).statusCode, 401);
      const after = (await call("GET", "/api/tokens", session)).json().tokens;
      assert.ok(!after.some((t: { id: number }) => t.id === token.id));
      // Revoking again is harmless for the owner.
      assert.equal((await call("DELETE", `/api/tokens/${token.id}`, session)).statusCode, 204);
    });

    test("another user cannot revoke my token: 404, as for a token that does not exist", async () => {
      get().setNow(T0);
      const mine = await tokenOf(DEMO_PEOPLE.resident.email);
      const token = (await call("POST", "/api/tokens", mine, { name: "meter bot" })).json();
      const stranger = await addUser();
      const theirs = await tokenOf(stranger.email, stranger.password);
      const res = await call("DELETE", `/api/tokens/${token.id}`, theirs);
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, "not_found");
      assert.equal((await call("DELETE", "/api/tokens/999999999", theirs)).json().error.code, "not_found");
      assert.ok(!(await call("GET", "/api/tokens", theirs)).body.includes(token.prefix));
      assert.equal((await me(token.token)).statusCode, 200, "still valid");
      assert.equal((await call("DELETE", "/api/tokens/abc", theirs)).statusCode, 400);
    });

    test("at most 20 active tokens per user", async () => {
      get().setNow(T0);
      const user = await addUser();
      const session = await tokenOf(user.email, user.password);
      const ids: number[] = [];
      for (let i = 1; i <= 20; i++) {
        const res = await call("POST", "/api/tokens", session, { name: `token ${i}` });
        assert.equal(res.statusCode, 201, res.body);
        ids.push(res.json().id);
      }
      const refused = await call("POST", "/api/tokens", session, { name: "one too many" });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, "too_many_tokens");
      assert.equal(refused.json().error.message, errorMessage("too_many_tokens", "uk", { limit: 20 }));
      assert.equal((await call("DELETE", `/api/tokens/${ids[0]}`, session)).statusCode, 204);
      assert.equal((await call("POST", "/api/tokens", session, { name: "now it fits" })).statusCode, 201);
      // Names are 1..60 characters and not blank.
      for (const name of ["", "   ", "x".repeat(61)]) {
        assert.equal(
          (await call("POST", "/api/tokens", session, { name })).statusCode,
          400,
          JSON.stringify(name),
        );
      }
    });

    test("the actor: staff of «deu» for the demo operator and administrator, platform_admin for the platform", async () => {
      get().setNow(T0);
      const deu = await providerId("deu");
      const operator = await signIn(DEMO_PEOPLE.operator.email, DEMO_PASSWORD);
      assert.equal(operator.statusCode, 200);
      const userId = operator.json().user.id;
      const expected = { kind: "staff", role: "operator", providerId: deu, userId, locale: "uk" };
      assert.deepEqual(operator.json().actor, expected);
      assert.deepEqual((await me(operator.json().token)).json().actor, expected);

      const admin = (await signIn(DEMO_PEOPLE.administrator.email, DEMO_PASSWORD)).json();
      assert.deepEqual(admin.actor, {
        kind: "staff",
        role: "administrator",
        providerId: deu,
        userId: admin.user.id,
        locale: "uk",
      });
      const platform = (await signIn(DEMO_PEOPLE.platformAdmin.email, DEMO_PASSWORD)).json();
      assert.deepEqual((await me(platform.token)).json().actor, {
        kind: "platform_admin",
        userId: platform.user.id,
        locale: "uk",
      });
    });

    test("a user with several staff roles acts in the one of the lowest provider id; locale from the user", async () => {
      get().setNow(T0);
      const { database, deps } = get();
      const user = await addUser("pw-several-roles", "ru");
      const providers = await database.db
        .selectFrom("providers")
        .select("id")
        .orderBy("id")
        .limit(3)
        .execute();
      const [low, mid, high] = providers.map((p) => p.id);
      await database.db
        .insertInto("staff_roles")
        .values([
          { user_id: user.id, provider_id: high!, role: "administrator" },
          { user_id: user.id, provider_id: low!, role: "operator" },
          { user_id: user.id, provider_id: mid!, role: "administrator" },
        ])
        .execute();
      const token = await tokenOf(user.email, user.password);
      assert.deepEqual(await resolveToken(deps, token), {
        kind: "staff",
        role: "operator",
        providerId: low,
        userId: user.id,
        locale: "ru",
      });
      assert.equal(await resolveToken(deps, "ses_nothing"), null);
    });

    test("messages come in Ukrainian, Russian and English per Accept-Language", async () => {
      get().setNow(T0);
      const seen = new Set<string>();
      for (const lang of ["uk", "ru", "en"] as const) {
        const wrong = await signIn("nobody@example.com", "x", { lang: `${lang},en;q=0.5` });
        assert.equal(wrong.json().error.message, errorMessage("invalid_credentials", lang));
        const anonymous = await app.inject({
          method: "GET",
          url: "/api/me",
          headers: { "accept-language": lang },
        });
        assert.equal(anonymous.json().error.message, errorMessage("unauthenticated", lang));
        seen.add(wrong.json().error.message);
        seen.add(anonymous.json().error.message);
      }
      assert.equal(seen.size, 6);
      assert.match(errorMessage("unauthenticated", "uk"), /увійдіть/);
      assert.match(errorMessage("unauthenticated", "ru"), /войдите/);
      assert.match(errorMessage("too_many_attempts", "en", { minutes: 15 }), /in 15 minutes\./);
    });

    test("the OpenAPI document describes the operations, with bearer security where needed", async () => {
      const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      type Operation = { operationId?: string; security?: unknown };
      const operations = new Map<string, Operation>();
      for (const item of Object.values(doc.paths) as Record<string, Operation>[]) {
        for (const op of Object.values(item)) if (op.operationId) operations.set(op.operationId, op);
      }
      for (const id of ["signIn", "signOut", "getMe", "createApiToken", "listApiTokens", "revokeApiToken"]) {
        assert.ok(operations.has(id), id);
      }
      assert.equal(operations.get("signIn")!.security, undefined);
      for (const id of ["signOut", "getMe", "createApiToken", "listApiTokens", "revokeApiToken"]) {
        assert.deepEqual(operations.get(id)!.security, [{ bearer: [] }], id);
      }
    });
  },
  async (fixture: DbFixture) => {
    await seedRegion(fixture.database, { accounts: 30, seed: 1, asOf: "2026-11-25" });
  },
);
