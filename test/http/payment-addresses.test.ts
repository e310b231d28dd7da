// The addresses a card gateway is given (its callback, the page the resident returns to, the demo checkout) come
// from the configuration, never from the request: a forged Host or X-Forwarded-Host cannot send a resident's
// payment, or its callback, anywhere else.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/channels/http/app.ts";
import { ConfigError } from "../../src/config.ts";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { type DbFixture, forEachDatabase } from "../support/databases.ts";
import { signInAs } from "../support/http.ts";
import { decodeLiqpayData, TEST_PRIVATE_KEY, TEST_PUBLIC_KEY } from "../support/liqpay.ts";

forEachDatabase(
  "payment addresses",
  (get) => {
    const apps: FastifyInstance[] = [];
    const app = async (config: { publicUrl?: string; port?: number; trustProxy?: boolean }) => {
      const built = await buildApp({
        deps: get().deps,
        config: { logLevel: "silent", production: false, demoGateway: "on", ...config },
        logger: false,
      });
      apps.push(built);
      return built;
    };
    let token: string;
    let accountId: number;
    before(async () => {
      const first = await app({});
      token = await signInAs(first, DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
      const accounts = await first.inject({
        method: "GET",
        url: "/api/accounts",
        headers: { authorization: `Bearer ${token}` },
      });
      accountId = accounts.json()[0].id;
    });
    after(async () => {
      for (const a of apps) await a.close();
    });

    const startPayment = async (target: FastifyInstance) => {
      const res = await target.inject({
        method: "POST",
        url: `/api/accounts/${accountId}/payments`,
        headers: {
          authorization: `Bearer ${token}`,
          host: "evil.example",
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "https",
        },
        payload: { amount: "10.00" },
      });
      assert.equal(res.statusCode, 201, res.body);
      const { checkout, orderId } = res.json();
      const data = decodeLiqpayData(checkout.fields.data);
      return { checkout, orderId, serverUrl: data["server_url"], resultUrl: data["result_url"] };
    };

    test("the demo gateway without PUBLIC_URL: the server's own localhost address and port, whatever the Host", async () => {
      for (const trustProxy of [false, true]) {
        const started = await startPayment(await app({ port: 8123, trustProxy }));
        assert.equal(started.checkout.url, "http://localhost:8123/demo-gateway/checkout");
        assert.equal(started.serverUrl, "http://localhost:8123/api/payments/demo/callback");
        assert.equal(started.resultUrl, `http://localhost:8123/payments/${started.orderId}`);
      }
    });

    test("with PUBLIC_URL: that address, whatever the Host", async () => {
      const started = await startPayment(
        await app({ publicUrl: "https://abonent.example.ua", port: 8123, trustProxy: true }),
      );
      assert.equal(started.checkout.url, "https://abonent.example.ua/demo-gateway/checkout");
      assert.equal(started.serverUrl, "https://abonent.example.ua/api/payments/demo/callback");
      assert.equal(started.resultUrl, `https://abonent.example.ua/payments/${started.orderId}`);
    });

    test("LiqPay without PUBLIC_URL: the app refuses to start, naming the variable", async () => {
      await assert.rejects(
        buildApp({
          deps: get().deps,
          config: {
            logLevel: "silent",
            production: false,
            liqpay: { publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY, sandbox: false },
            demoGateway: "off",
          },
          logger: false,
        }),
        (e: unknown) => e instanceof ConfigError && e.variable === "PUBLIC_URL",
      );
    });
  },
  async (fixture: DbFixture) => {
    await seedRegion(fixture.database, { accounts: 20, seed: 3, asOf: "2026-11-25" });
  },
);
