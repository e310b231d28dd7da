// Every error a person can meet has one shape, { error: { code, message, details } } with a code from the code
// table (or a page, on the pages), in the caller's language: validation, unreadable bodies, unsupported media
// types, oversized bodies, malformed URLs and headers the HTTP parser refuses.
import assert from "node:assert/strict";
import net from "node:net";
import { after, before, test } from "node:test";
import type { FastifyInstance, InjectOptions } from "fastify";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import { ERROR_CODES } from "../../src/services/error-codes.ts";
import { type DbFixture, forEachDatabase } from "../support/databases.ts";
import { quietApp, signInAs } from "../support/http.ts";

const CYRILLIC = /[А-Яа-яІіЇїЄєЁё]/;
/** Words of ajv's and Fastify's English messages that must not leak into a Ukrainian or Russian one. */
const ENGLISH = /\b(must|should|NOT|Body|Unsupported|Client Error|valid|FST_)\b/;

forEachDatabase(
  "one error shape and one language",
  (get) => {
    let app: FastifyInstance;
    let token: string;
    let accountId: number;
    let port: number;
    before(async () => {
      app = await quietApp(get().deps);
      token = await signInAs(app, DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
      accountId = (
        await app.inject({
          method: "GET",
          url: "/api/accounts",
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()[0].id;
      await app.listen({ host: "127.0.0.1", port: 0 });
      port = (app.server.address() as net.AddressInfo).port;
    });
    after(async () => {
      await app?.close();
    });

    function assertShape(body: unknown, locale: Locale, what: string) {
      const error = (body as { error: { code: string; message: string; details: unknown } }).error;
      assert.deepEqual(Object.keys(body as object), ["error"], what);
      assert.ok(error.code in ERROR_CODES, `${what}: ${error.code} is a code of the table`);
      assert.equal(typeof error.message, "string");
      assert.equal(typeof error.details, "object", what);
      if (locale === "en") assert.doesNotMatch(error.message, CYRILLIC, `${what}: ${error.message}`);
      else {
        assert.match(error.message, CYRILLIC, `${what}: ${error.message}`);
        assert.doesNotMatch(error.message, ENGLISH, `${what}: ${error.message}`);
      }
      return error;
    }

    async function errorIn(locale: Locale, options: InjectOptions, status: number, what: string) {
      // A signed-in caller's stored language beats Accept-Language, so the language is asked for with ?lang= too
      // (unless the URL names one itself; a bad ?lang= is refused by validation, before the caller is known).
      const url = String(options.url);
      const res = await app.inject({
        ...options,
        url: /[?&]lang=/.test(url) ? url : `${url}${url.includes("?") ? "&" : "?"}lang=${locale}`,
        headers: { authorization: `Bearer ${token}`, "accept-language": locale, ...(options.headers ?? {}) },
      });
      assert.equal(res.statusCode, status, `${what}: ${res.body}`);
      return assertShape(res.json(), locale, `${what} [${locale}]`);
    }

    const readings = () => `/api/accounts/${accountId}/readings`;

    test("schema validation: the field and what is wrong with it, in each language", async () => {
      const cases: [string, InjectOptions, string, string][] = [
        [
          "a boolean",
          { method: "POST", url: readings(), payload: { value: "1", confirmed: "yes" } },
          "confirmed",
          "type",
        ],
        [
          "a required field",
          { method: "POST", url: "/api/session", payload: { login: "x" } },
          "password",
          "required",
        ],
        [
          "an unknown field",
          { method: "POST", url: "/api/session", payload: { login: "x", password: "y", extra: 1 } },
          "extra",
          "additionalProperties",
        ],
        [
          "too long",
          { method: "POST", url: "/api/tokens", payload: { name: "x".repeat(61) } },
          "name",
          "maxLength",
        ],
        [
          "one of two fields",
          { method: "POST", url: readings(), payload: { meterId: 1 } },
          "value, values",
          "oneOf",
        ],
        [
          "both of two fields",
          { method: "POST", url: readings(), payload: { value: "1", values: [{ zone: 1, value: "1" }] } },
          "value, values",
          "oneOf",
        ],
        [
          "over a maximum",
          { method: "GET", url: `/api/accounts/${accountId}/meters/1/readings?limit=5000` },
          "limit",
          "maximum",
        ],
        [
          "not in a list",
          { method: "GET", url: `/api/accounts/${accountId}/bills/2026-10.pdf?lang=de` },
          "lang",
          "enum",
        ],
        ["a whole number", { method: "GET", url: "/api/accounts/abc/meters" }, "accountId", "type"],
        [
          "a date",
          { method: "GET", url: `/api/accounts/${accountId}/statement.csv?from=2026-02-30&to=2026-03-01` },
          "from",
          "format",
        ],
        [
          "an amount",
          { method: "POST", url: `/api/accounts/${accountId}/payments`, payload: { amount: "12.345" } },
          "amount",
          "amount",
        ],
        [
          "a range",
          { method: "GET", url: `/api/accounts/${accountId}/statement.pdf?from=2026-03-01&to=2026-02-01` },
          "from",
          "formatMaximum",
        ],
      ];
      for (const [what, options, field, rule] of cases) {
        const messages = new Set<string>();
        for (const locale of ["uk", "ru", "en"] as const) {
          const error = await errorIn(locale, options, 400, what);
          assert.equal(error.code, "validation_failed", what);
          assert.deepEqual(
            {
              field: (error.details as { field?: unknown }).field,
              rule: (error.details as { rule?: unknown }).rule,
            },
            { field, rule },
            what,
          );
          assert.ok(
            error.message.includes(field.split(", ")[0]!),
            `${what}: names the field: ${error.message}`,
          );
          messages.add(error.message);
        }
        assert.equal(messages.size, 3, what);
      }
      const en = await errorIn("en", cases[0]![1], 400, "a boolean");
      assert.equal(en.message, "Please check the input: confirmed must be true or false.");
    });

    test("a body that is not JSON, an empty one, a media type the route does not take, a body too large", async () => {
      for (const locale of ["uk", "ru", "en"] as const) {
        const broken = await errorIn(
          locale,
          {
            method: "POST",
            url: "/api/session",
            headers: { "content-type": "application/json" },
            payload: "{login:",
          },
          400,
          "broken JSON",
        );
        assert.equal(broken.code, "request_malformed");
        const empty = await errorIn(
          locale,
          {
            method: "POST",
            url: "/api/session",
            headers: { "content-type": "application/json" },
            payload: "",
          },
          400,
          "empty JSON",
        );
        assert.equal(empty.code, "request_malformed");
        const media = await errorIn(
          locale,
          { method: "POST", url: "/api/session", headers: { "content-type": "text/xml" }, payload: "<x/>" },
          415,
          "text/xml",
        );
        assert.equal(media.code, "unsupported_media_type");
        const large = await errorIn(
          locale,
          {
            method: "POST",
            url: "/api/session",
            headers: { "content-type": "application/json" },
            payload: JSON.stringify({ login: "x".repeat(2_000_000), password: "y" }),
          },
          413,
          "too large",
        );
        assert.equal(large.code, "payload_too_large");
      }
    });

    /** A raw request over a socket, as a hostile or broken client sends it. */
    function raw(request: string): Promise<{ status: number; headers: string; body: string }> {
      return new Promise((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1", () => socket.write(request));
        let out = "";
        socket.on("data", (d) => (out += d));
        socket.on("error", reject);
        socket.on("close", () => {
          const [head = "", body = ""] = out.split("\r\n\r\n");
          resolve({ status: Number(head.split(" ")[1]), headers: head, body });
        });
      });
    }

    test("a malformed URL, a control character in a header, headers too large: the same shape", async () => {
      for (const locale of ["uk", "en"] as const) {
        const url = await raw(
          `GET /api/accounts/%E0%A4%A HTTP/1.1\r\nHost: x\r\nAccept-Language: ${locale}\r\nConnection: close\r\n\r\n`,
        );
        assert.equal(url.status, 400, url.body);
        assert.equal(assertShape(JSON.parse(url.body), locale, "bad URL").code, "request_malformed");

        const header = await raw(
          `GET /health HTTP/1.1\r\nHost: x\r\nAccept-Language: ${locale}\r\nX-Note: a\u0001b\r\nConnection: close\r\n\r\n`,
        );
        assert.equal(header.status, 400, header.body);
        assert.match(header.headers, /content-type: application\/json; charset=utf-8/i);
        assert.match(header.headers, /x-content-type-options: nosniff/i);
        assert.equal(
          assertShape(JSON.parse(header.body), locale, "control character").code,
          "request_malformed",
        );

        const big = await raw(
          `GET /health HTTP/1.1\r\nHost: x\r\nAccept-Language: ${locale}\r\nX-Big: ${"a".repeat(20_000)}\r\nConnection: close\r\n\r\n`,
        );
        assert.equal(big.status, 431, big.body);
        assert.equal(
          assertShape(JSON.parse(big.body), locale, "headers too large").code,
          "headers_too_large",
        );
      }
    });

    test("the demo card page answers a bad field with a page in the page's language, not JSON", async () => {
      for (const [locale, words] of [
        ["uk", /Перевірте введені дані/],
        ["en", /Please check the input/],
      ] as const) {
        const res = await app.inject({
          method: "POST",
          url: `/demo-gateway/pay?lang=${locale}`,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: new URLSearchParams({ data: "x", signature: "y", card_number: "4".repeat(60) }).toString(),
        });
        assert.equal(res.statusCode, 400);
        assert.match(String(res.headers["content-type"]), /^text\/html/);
        assert.match(res.body, new RegExp(`<html lang="${locale}">`));
        assert.match(res.body, words);
        assert.doesNotMatch(res.body, /"error"/);
      }
    });
  },
  async (fixture: DbFixture) => {
    await seedRegion(fixture.database, { accounts: 20, seed: 3, asOf: "2026-11-25" });
  },
);
