// The built-in demo gateway end to end over real HTTP, as `npm start` shows it: the demo resident starts a
// payment, the browser posts the checkout form to the demo gateway's page, pays with a test card, the demo
// gateway delivers its signed callback to the app's own callback path by a real HTTP POST, and the browser lands
// on the result page. The ledger is credited once.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/channels/http/app.ts";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { kyivDateOf } from "../../src/domain/kyiv-time.ts";
import { forEachDatabase } from "../support/databases.ts";
import { freePort } from "../support/free-port.ts";
import { postForm } from "../support/liqpay.ts";

const NEXT_YEAR = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, "0");

forEachDatabase(
  "the demo gateway over HTTP",
  (get) => {
    let app: FastifyInstance;
    let base: string;
    let token: string;
    let accountId: number;
    const callbackAgents: string[] = [];

    before(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      // The address the gateway is given comes from the configuration, never from the request.
      app = await buildApp({
        deps: get().deps,
        config: { logLevel: "silent", production: false, demoGateway: "auto", publicUrl: base },
        logger: false,
      });
      app.addHook("onRequest", async (request) => {
        if (request.url === "/api/payments/demo/callback") {
          callbackAgents.push(String(request.headers["user-agent"]));
        }
      });
      await app.listen({ host: "127.0.0.1", port });
      const session = await json("POST", "/api/session", {
        login: DEMO_PEOPLE.resident.email,
        password: DEMO_PASSWORD,
      });
      token = session.body.token;
      const accounts = await json("GET", "/api/accounts");
      accountId = accounts.body[0].id;
    });
    after(async () => {
      await app?.close();
    });

    async function json(method: "GET" | "POST", path: string, body?: unknown) {
      const res = await fetch(base + path, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { "content-type": "application/json" } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: await res.json() };
    }
    const form = (url: string, fields: Record<string, string>) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields),
        redirect: "manual",
      });
    const paymentEntries = (orderId: string) =>
      get()
        .database.db.selectFrom("ledger_entries")
        .selectAll()
        .where("account_id", "=", accountId)
        .where("source_ref", "=", `order:${orderId}`)
        .execute();
    const startPayment = async (amount: string) => {
      const res = await json("POST", `/api/accounts/${accountId}/payments`, { amount });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body as {
        orderId: string;
        gateway: string;
        checkout: { url: string; method: string; fields: { data: string; signature: string } };
      };
    };

    test("the demo resident pays with the succeeding test card: callback over HTTP, result page, ledger once", async () => {
      const started = await startPayment("250,00");
      assert.equal(started.gateway, "demo");
      assert.equal(started.checkout.url, `${base}/demo-gateway/checkout`);
      assert.equal(started.checkout.method, "POST");

      // The browser posts the checkout form, as it would to LiqPay.
      const checkout = await form(started.checkout.url, started.checkout.fields);
      assert.equal(checkout.status, 200);
      const page = await checkout.text();
      assert.match(page, /<html lang="uk">/);
      assert.match(page, /250,00\u00a0грн/);
      assert.match(page, /<label for="card">Номер картки<\/label>/);
      assert.match(page, /<input id="card" name="card_number"[^>]*autocomplete="cc-number"/);
      assert.match(page, /<label for="expiry">/);
      assert.match(page, /<label for="cvc">/);
      assert.match(page, /4242 4242 4242 4242/);

      const pay = await form(`${base}/demo-gateway/pay`, {
        ...started.checkout.fields,
        card_number: "4242 4242 4242 4242",
        expiry: `12/${NEXT_YEAR}`,
        cvc: "123",
      });
      assert.equal(pay.status, 303, await pay.clone().text());
      const resultUrl = pay.headers.get("location")!;
      assert.equal(resultUrl, `${base}/payments/${started.orderId}?lang=uk`);
      // The callback came over a real socket, not through inject.
      assert.equal(callbackAgents.length, 1);
      assert.notEqual(callbackAgents[0], "lightMyRequest");

      const result = await fetch(resultUrl);
      assert.equal(result.status, 200);
      assert.match(await result.text(), /data-status="success">Оплачено\. Дякуємо!/);
      const status = await json("GET", `/api/payments/${started.orderId}`);
      assert.equal(status.body.status, "success");

      const entries = await paymentEntries(started.orderId);
      assert.equal(entries.length, 1);
      assert.equal(entries[0]!.kind, "payment");
      assert.equal(entries[0]!.amount_kop, -25_000);
      assert.equal(entries[0]!.source, "payment_gateway");
      assert.equal(entries[0]!.details?.["gateway"], "demo");

      // The form submitted twice (a double click): the second callback changes nothing.
      const again = await form(`${base}/demo-gateway/pay`, {
        ...started.checkout.fields,
        card_number: "4242424242424242",
        expiry: `12/${NEXT_YEAR}`,
        cvc: "123",
      });
      assert.equal(again.status, 303);
      assert.equal((await paymentEntries(started.orderId)).length, 1);
      const recorded = await get()
        .database.db.selectFrom("payment_callbacks")
        .select(["outcome", "signature_valid", "gateway"])
        .where("order_id", "=", started.orderId)
        .orderBy("id")
        .execute();
      assert.deepEqual(recorded, [
        { outcome: "applied", signature_valid: true, gateway: "demo" },
        { outcome: "unchanged", signature_valid: true, gateway: "demo" },
      ]);
    });

    test("the declining test card fails the order and credits nothing", async () => {
      const started = await startPayment("10");
      const pay = await form(`${base}/demo-gateway/pay?lang=en`, {
        ...started.checkout.fields,
        card_number: "4000 0000 0000 0002",
        expiry: `01/${NEXT_YEAR}`,
        cvc: "999",
      });
      assert.equal(pay.status, 303);
      const result = await fetch(pay.headers.get("location")!);
      assert.match(await result.text(), /did not go through/);
      assert.equal((await json("GET", `/api/payments/${started.orderId}`)).body.status, "failure");
      assert.equal((await paymentEntries(started.orderId)).length, 0);
    });

    test("bad card input is refused on the form, field by field, and nothing is sent", async () => {
      const started = await startPayment("15");
      const before = callbackAgents.length;
      const pay = await form(`${base}/demo-gateway/pay?lang=en`, {
        ...started.checkout.fields,
        card_number: "5555 5555 5555 4444",
        expiry: "13/99",
        cvc: "12",
      });
      assert.equal(pay.status, 422);
      const page = await pay.text();
      assert.match(page, /<html lang="en">/);
      assert.match(page, /role="alert"/);
      assert.match(page, /please enter one of the test cards/);
      assert.match(page, /<input id="card"[^>]*aria-describedby="card-hint card-error" aria-invalid="true"/);
      assert.match(page, /<input id="expiry"[^>]*aria-invalid="true"/);
      assert.match(page, /<input id="cvc"[^>]*aria-invalid="true" value=""/);
      assert.equal(callbackAgents.length, before);
      assert.equal((await json("GET", `/api/payments/${started.orderId}`)).body.status, "created");
    });

    test("a checkout with a changed amount or a bad signature is not shown", async () => {
      const started = await startPayment("20");
      const data = JSON.parse(Buffer.from(started.checkout.fields.data, "base64").toString());
      const tampered = Buffer.from(JSON.stringify({ ...data, amount: 0.01 })).toString("base64");
      const res = await form(`${base}/demo-gateway/checkout`, {
        data: tampered,
        signature: started.checkout.fields.signature,
      });
      assert.equal(res.status, 400);
      assert.match(await res.text(), /підпис не збігається/);
      const pay = await form(`${base}/demo-gateway/pay`, {
        data: tampered,
        signature: started.checkout.fields.signature,
        card_number: "4242424242424242",
        expiry: `12/${NEXT_YEAR}`,
        cvc: "123",
      });
      assert.equal(pay.status, 400);
      assert.equal((await json("GET", `/api/payments/${started.orderId}`)).body.status, "created");
    });

    test("the checkout page speaks Russian and English on request", async () => {
      const started = await startPayment("30");
      const ru = await form(`${started.checkout.url}?lang=ru`, started.checkout.fields);
      const ruPage = await ru.text();
      assert.match(ruPage, /<html lang="ru">/);
      assert.match(ruPage, /Номер карты/);
      assert.match(ruPage, /action="\/demo-gateway\/pay\?lang=ru"/);
      const en = await fetch(
        `${started.checkout.url}?${new URLSearchParams({ ...started.checkout.fields, lang: "en" })}`,
      );
      assert.match(await en.text(), /Card number/);
    });

    test("DEMO_GATEWAY=off turns the pages and the callback path off even with the demo region loaded", async () => {
      const off = await buildApp({
        deps: get().deps,
        config: { logLevel: "silent", production: false, demoGateway: "off" },
        logger: false,
      });
      assert.equal(
        (await postForm(off, "/demo-gateway/checkout", { data: "x", signature: "y" })).status,
        404,
      );
      assert.equal(
        (await postForm(off, "/api/payments/demo/callback", { data: "x", signature: "y" })).status,
        404,
      );
      await off.close();
    });
  },
  async (fixture) => {
    await seedRegion(fixture.database, { accounts: 40, seed: 42, asOf: kyivDateOf(new Date()) });
  },
);
