// Security headers on every answer, as a browser meets them: a strict Content-Security-Policy that forbids
// framing and scripts (the demo card page included, which must keep working without JavaScript), nosniff, HSTS
// in production only, and no caching of API answers that hold personal data.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/channels/http/app.ts";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { type DbFixture, forEachDatabase } from "../support/databases.ts";
import { signInAs } from "../support/http.ts";

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  assert.equal(typeof header, "string", "a Content-Security-Policy header");
  const out = new Map<string, string[]>();
  for (const part of (header as string).split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

forEachDatabase(
  "security headers",
  (get) => {
    let app: FastifyInstance;
    let production: FastifyInstance;
    let token: string;
    let accountId: number;
    before(async () => {
      const config = { logLevel: "silent", demoGateway: "on", port: 3000 } as const;
      app = await buildApp({ deps: get().deps, config: { ...config, production: false }, logger: false });
      production = await buildApp({
        deps: get().deps,
        config: { ...config, production: true, publicUrl: "https://abonent.example.ua" },
        logger: false,
      });
      token = await signInAs(app, DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
      const accounts = await app.inject({
        method: "GET",
        url: "/api/accounts",
        headers: { authorization: `Bearer ${token}` },
      });
      accountId = accounts.json()[0].id;
    });
    after(async () => {
      await app?.close();
      await production?.close();
    });

    test("an API answer with personal data: strict CSP, no framing, nosniff, never cached", async () => {
      const res = await app.inject({
        method: "GET",
        url: "/api/accounts",
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.statusCode, 200);
      const csp = directives(res.headers["content-security-policy"]);
      assert.deepEqual(csp.get("default-src"), ["'none'"]);
      assert.deepEqual(csp.get("frame-ancestors"), ["'none'"]);
      assert.equal(res.headers["x-frame-options"], "DENY");
      assert.equal(res.headers["x-content-type-options"], "nosniff");
      assert.equal(res.headers["cache-control"], "no-store");
      assert.equal(res.headers["referrer-policy"], "no-referrer");
      // HSTS only where the app is served over HTTPS for real: a developer's localhost would remember it.
      assert.equal(res.headers["strict-transport-security"], undefined);
    });

    test("errors carry the same headers", async () => {
      for (const url of ["/api/accounts", "/no-such-page"]) {
        const res = await app.inject({ method: "GET", url });
        assert.ok(res.statusCode >= 400, url);
        assert.equal(res.headers["x-content-type-options"], "nosniff", url);
        assert.deepEqual(directives(res.headers["content-security-policy"]).get("frame-ancestors"), [
          "'none'",
        ]);
        assert.equal(res.headers["cache-control"], "no-store", url);
      }
    });

    test("in production: HSTS for a year, and plain-HTTP subresources upgraded", async () => {
      const res = await production.inject({ method: "GET", url: "/health" });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["strict-transport-security"]), /^max-age=31536000; includeSubDomains/);
      assert.ok(directives(res.headers["content-security-policy"]).has("upgrade-insecure-requests"));
    });

    test("the demo card page: cannot be framed, runs no script, its own style allowed by hash, forms post to itself", async () => {
      const started = await app.inject({
        method: "POST",
        url: `/api/accounts/${accountId}/payments`,
        headers: { authorization: `Bearer ${token}` },
        payload: { amount: "100.00" },
      });
      assert.equal(started.statusCode, 201, started.body);
      const { checkout } = started.json();
      const page = await app.inject({
        method: "POST",
        url: new URL(checkout.url).pathname,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams(checkout.fields).toString(),
      });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<form method="post" action="\/demo-gateway\/pay/);
      assert.doesNotMatch(page.body, /<script/i, "the page needs no JavaScript");
      const csp = directives(page.headers["content-security-policy"]);
      assert.deepEqual(csp.get("frame-ancestors"), ["'none'"]);
      assert.deepEqual(csp.get("default-src"), ["'none'"]);
      // Only the cabinet's own script file may run: no inline script, no other origin.
      assert.deepEqual(csp.get("script-src"), ["'self'"]);
      assert.deepEqual(csp.get("form-action"), ["'self'"]);
      assert.deepEqual(csp.get("base-uri"), ["'none'"]);
      // The inline <style> is allowed by its hash, nothing else inline is.
      const style = /<style>([\s\S]*?)<\/style>/.exec(page.body)?.[1];
      assert.ok(style !== undefined);
      const hash = `'sha256-${createHash("sha256").update(style).digest("base64")}'`;
      assert.deepEqual(csp.get("style-src"), ["'self'", hash]);
      assert.ok(!String(page.headers["content-security-policy"]).includes("unsafe-inline"));
      assert.equal(page.headers["x-frame-options"], "DENY");
      assert.equal(page.headers["cache-control"], "no-store");
    });
  },
  async (fixture: DbFixture) => {
    await seedRegion(fixture.database, { accounts: 20, seed: 3, asOf: "2026-11-25" });
  },
);
