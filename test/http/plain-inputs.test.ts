// Plain inputs a person can type or a client can send by mistake — a NUL byte, a 20-digit id, a date far in the
// past or future — get a 4xx with the usual error body in the caller's language, never a 500.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance, InjectOptions } from "fastify";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { type DbFixture, forEachDatabase } from "../support/databases.ts";
import { quietApp, signInAs } from "../support/http.ts";

const T0 = "2026-11-25T09:00:00.000Z";

forEachDatabase(
  "plain inputs",
  (get) => {
    let app: FastifyInstance;
    let resident: string;
    let admin: string;
    let accountId: number;
    let meterId: number;
    before(async () => {
      get().setNow(T0);
      app = await quietApp(get().deps);
      resident = await signInAs(app, DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
      admin = await signInAs(app, DEMO_PEOPLE.administrator.email, DEMO_PASSWORD);
      const auth = { authorization: `Bearer ${resident}` };
      accountId = (await app.inject({ method: "GET", url: "/api/accounts", headers: auth })).json()[0].id;
      meterId = (
        await app.inject({ method: "GET", url: `/api/accounts/${accountId}/meters`, headers: auth })
      ).json()[0].id;
    });
    after(async () => {
      await app?.close();
    });

    /** A 4xx with { error: { code, message, details } }, the message in English as asked. */
    async function refused(name: string, options: InjectOptions, token?: string) {
      const res = await app.inject({
        ...options,
        headers: {
          "accept-language": "en",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(options.headers ?? {}),
        },
      });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${name}: ${res.statusCode} ${res.body}`);
      const body = res.json();
      assert.deepEqual(Object.keys(body), ["error"], name);
      assert.deepEqual(Object.keys(body.error).sort(), ["code", "details", "message"], name);
      assert.equal(typeof body.error.code, "string");
      assert.equal(typeof body.error.details, "object");
      assert.doesNotMatch(body.error.message, /[А-Яа-яІіЇїЄє]/, `${name}: in English: ${body.error.message}`);
      return body.error as { code: string; message: string; details: Record<string, unknown> };
    }

    test("a NUL byte in the sign-in login, a token name, a provider code and a registry source", async () => {
      const login = await refused("login", {
        method: "POST",
        url: "/api/session",
        payload: { login: "resident\u0000@demo.abonent.ua", password: "x" },
      });
      assert.equal(login.code, "validation_failed");
      assert.equal(login.details["field"], "login");
      const name = await refused(
        "token name",
        { method: "POST", url: "/api/tokens", payload: { name: "Home\u0000Assistant" } },
        resident,
      );
      assert.equal(name.details["field"], "name");
      const provider = await refused(
        "provider code",
        { method: "GET", url: "/api/providers/de%00u/billing-runs" },
        admin,
      );
      assert.equal(provider.details["field"], "provider");
      await refused(
        "provider code, POST",
        { method: "POST", url: "/api/providers/de%00u/billing-runs", payload: { period: "2026-10" } },
        admin,
      );
      const source = await refused(
        "registry source",
        {
          method: "POST",
          url: "/api/providers/deu/payment-registries?source=stan%00dard",
          headers: { "content-type": "text/csv" },
          payload: "reference,account,amount,date\n",
        },
        admin,
      );
      assert.equal(source.details["field"], "source");
    });

    test("20-digit ids in paths and bodies", async () => {
      for (const url of [
        "/api/accounts/99999999999999999999/meters",
        "/api/accounts/99999999999999999999/estimate",
        `/api/accounts/${accountId}/meters/99999999999999999999/readings`,
        "/api/accounts/99999999999999999999/statement.csv?from=2026-01-01&to=2026-02-01",
        "/api/accounts/99999999999999999999/bills/2026-10.pdf",
      ]) {
        const error = await refused(url, { method: "GET", url }, resident);
        assert.equal(error.code, "validation_failed", url);
      }
      const body = await refused(
        "meterId",
        {
          method: "POST",
          url: `/api/accounts/${accountId}/readings`,
          headers: { "content-type": "application/json" },
          payload: '{"meterId": 99999999999999999999, "value": "1"}',
        },
        resident,
      );
      assert.equal(body.details["field"], "meterId");
      await refused(
        "payment account",
        { method: "POST", url: "/api/accounts/99999999999999999999/payments", payload: { amount: "1.00" } },
        resident,
      );
      // The id of a real meter of the account still works.
      const ok = await app.inject({
        method: "GET",
        url: `/api/accounts/${accountId}/meters/${meterId}/readings`,
        headers: { authorization: `Bearer ${resident}` },
      });
      assert.equal(ok.statusCode, 200, ok.body);
    });

    test("statement dates from 0001-01-01 to 9999-12-31", async () => {
      for (const [from, to] of [
        ["0001-01-01", "9999-12-31"],
        ["0001-01-01", "2026-01-31"],
        ["2026-01-01", "9999-12-31"],
      ]) {
        for (const format of ["pdf", "csv"]) {
          const url = `/api/accounts/${accountId}/statement.${format}?from=${from}&to=${to}`;
          const error = await refused(url, { method: "GET", url }, resident);
          assert.equal(error.code, "validation_failed", url);
        }
      }
    });
  },
  async (fixture: DbFixture) => {
    await seedRegion(fixture.database, { accounts: 20, seed: 3, asOf: "2026-11-25" });
  },
);
