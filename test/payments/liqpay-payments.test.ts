// Online payment through LiqPay over HTTP: the checkout as LiqPay documents it, callbacks signed with test keys
// exactly as LiqPay signs them, every kind of bad callback refused and recorded, and a payment credited once.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { buildApp } from "../../src/channels/http/app.ts";
import type { Config } from "../../src/config.ts";
import type { Deps } from "../../src/services/deps.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp, signInAs } from "../support/http.ts";
import {
  callbackParams,
  decodeLiqpayData,
  liqpayData,
  liqpaySignature,
  postForm,
  signedCallback,
  TEST_PRIVATE_KEY,
  TEST_PUBLIC_KEY,
} from "../support/liqpay.ts";
import { createReadingsFixture, PASSWORD, type ReadingsFixture } from "../support/readings-fixture.ts";

const PUBLIC_URL = "https://abonent.example.ua";
const CALLBACK = "/api/payments/liqpay/callback";

function liqpayApp(deps: Deps, extra: Partial<Config> = {}): Promise<FastifyInstance> {
  return buildApp({
    deps,
    config: {
      logLevel: "silent",
      production: false,
      publicUrl: PUBLIC_URL,
      liqpay: { publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY, sandbox: false },
      demoGateway: "off",
      ...extra,
    },
    logger: false,
  });
}

forEachDatabase("payments through LiqPay", (get, engine) => {
  let app: FastifyInstance;
  let f: ReadingsFixture;
  let olena: string;
  let petro: string;
  let operator: string;

  before(async () => {
    f = await createReadingsFixture(get().database);
    app = await liqpayApp(get().deps);
    olena = await signInAs(app, f.users.olena, PASSWORD);
    petro = await signInAs(app, f.users.petro, PASSWORD);
    operator = await signInAs(app, f.users.operatorPower, PASSWORD);
  });

  const db = () => get().database.db;
  const start = async (body: Record<string, unknown>, token = olena, accountId = f.accounts.olena) => {
    const res = await call(app, "POST", `/api/accounts/${accountId}/payments`, { token, body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { orderId: string; checkout: { url: string; fields: Record<string, string> } };
  };
  const entriesOf = (orderId: string) =>
    db()
      .selectFrom("ledger_entries")
      .selectAll()
      .where("source", "=", "payment_gateway")
      .where("source_ref", "like", `order:${orderId}%`)
      .orderBy("id")
      .execute();
  const orderRow = (orderId: string) =>
    db().selectFrom("payment_orders").selectAll().where("id", "=", orderId).executeTakeFirstOrThrow();
  const callbacksOf = (orderId: string) =>
    db().selectFrom("payment_callbacks").selectAll().where("order_id", "=", orderId).orderBy("id").execute();
  const ledgerCount = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from ledger_entries`.execute(db())).rows[0]!.n);

  test("the checkout is LiqPay's: base64 data with the order, signed as LiqPay documents", async () => {
    get().setNow("2019-07-15T09:00:00Z");
    const res = await call(app, "POST", `/api/accounts/${f.accounts.olena}/payments`, {
      token: olena,
      body: { amount: "123,45", period: "2019-06", service: "electricity" },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const { orderId, checkout } = res.body;
    assert.match(orderId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(res.body.status, "created");
    assert.equal(res.body.amountKop, 12345);
    assert.equal(res.body.amount, "123.45");
    assert.equal(res.body.gateway, "liqpay");
    assert.equal(checkout.url, "https://www.liqpay.ua/api/3/checkout");
    assert.equal(checkout.method, "POST");
    assert.deepEqual(Object.keys(checkout.fields).sort(), ["data", "signature"]);
    assert.equal(checkout.fields.signature, liqpaySignature(TEST_PRIVATE_KEY, checkout.fields.data));
    const data = decodeLiqpayData(checkout.fields.data);
    assert.deepEqual(data, {
      version: 3,
      public_key: TEST_PUBLIC_KEY,
      action: "pay",
      amount: 123.45,
      currency: "UAH",
      description: "Оплата: power, особовий рахунок 12-345/6, електроенергія за 2019-06",
      order_id: orderId,
      server_url: `${PUBLIC_URL}/api/payments/liqpay/callback`,
      result_url: `${PUBLIC_URL}/payments/${orderId}`,
      language: "uk",
    });
    const status = await call(app, "GET", `/api/payments/${orderId}`, { token: olena });
    assert.equal(status.status, 200);
    assert.equal(status.body.status, "created");
    assert.equal(status.body.period, "2019-06");
    assert.equal(status.body.service, "electricity");
  });

  test("a signed success credits the account once, with the order's period and service", async () => {
    get().setNow("2019-07-15T09:00:00Z");
    const { orderId } = await start({ amountKop: 25_000, period: "2019-06", service: "electricity" });
    // The callback arrives before the resident's browser comes back: nothing needs the browser.
    get().setNow("2019-07-15T21:30:00Z"); // 00:30 on 16 July in Kyiv
    const res = await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 250, "success")));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, { outcome: "applied", orderId, status: "success" });

    const entries = await entriesOf(orderId);
    assert.equal(entries.length, 1);
    const e = entries[0]!;
    assert.equal(e.kind, "payment");
    assert.equal(e.amount_kop, -25_000);
    assert.equal(e.account_id, f.accounts.olena);
    assert.equal(e.provider_id, f.power);
    assert.equal(e.service_code, "electricity");
    assert.equal(e.period, "2019-06-01");
    assert.equal(e.entry_date, "2019-07-16"); // the Kyiv date
    assert.equal(e.source_ref, `order:${orderId}`);
    assert.deepEqual(e.details, {
      period: "2019-06",
      service: "electricity",
      order_id: orderId,
      payment_id: "1234567890",
      gateway: "liqpay",
    });
    const order = await orderRow(orderId);
    assert.equal(order.status, "success");
    assert.equal(order.gateway_status, "success");
    assert.equal(order.gateway_payment_id, "1234567890");
    assert.deepEqual(order.paid_at, new Date("2019-07-15T21:30:00Z"));

    const status = await call(app, "GET", `/api/payments/${orderId}`, { token: olena });
    assert.equal(status.body.status, "success");
    assert.equal(status.body.paidAt, "2019-07-15T21:30:00.000Z");
    // The page the resident's browser returns to says so, in their language.
    const page = await app.inject({ method: "GET", url: `/payments/${orderId}?lang=en` });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers["content-type"] as string, /text\/html/);
    assert.match(page.body, /<html lang="en">/);
    assert.match(page.body, /data-status="success">Paid\. Thank you!/);
    assert.match(page.body, /UAH&nbsp;250\.00|UAH\u00a0250\.00/);
    const uk = await app.inject({ method: "GET", url: `/payments/${orderId}` });
    assert.match(uk.body, /Оплачено\. Дякуємо!/);
    assert.doesNotMatch(uk.body, /12-345\/6/, "the public page does not show the account number");
  });

  test("the same callback repeated five times credits once and answers 200 each time", async () => {
    const { orderId } = await start({ amountKop: 10_000 });
    const callback = signedCallback(callbackParams(orderId, 100, "success"));
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await postForm(app, CALLBACK, callback);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      outcomes.push(res.body.outcome);
    }
    assert.deepEqual(outcomes, ["applied", "unchanged", "unchanged", "unchanged", "unchanged", "unchanged"]);
    const entries = await entriesOf(orderId);
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.amount_kop, -10_000);
    // An order that names no period is booked in the month it was paid and settles the oldest debt first.
    assert.equal(entries[0]!.details?.["period"], null);
    const recorded = await callbacksOf(orderId);
    assert.deepEqual(
      recorded.map((r) => r.outcome),
      ["applied", "unchanged", "unchanged", "unchanged", "unchanged", "unchanged"],
    );
    assert.ok(recorded.every((r) => r.signature_valid && r.account_id === f.accounts.olena));
  });

  test("five identical callbacks at the same moment credit once", async () => {
    const { orderId } = await start({ amountKop: 7_777 });
    const callback = signedCallback(callbackParams(orderId, 77.77, "success"));
    const results = await Promise.all(Array.from({ length: 5 }, () => postForm(app, CALLBACK, callback)));
    assert.deepEqual(
      results.map((r) => r.status),
      [200, 200, 200, 200, 200],
    );
    assert.deepEqual(results.map((r) => r.body.outcome).sort(), [
      "applied",
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    assert.equal((await entriesOf(orderId)).length, 1);
    assert.equal((await orderRow(orderId)).status, "success");
    if (engine === "postgres") assert.equal((await callbacksOf(orderId)).length, 5);
  });

  test("forged, unsigned, re-amounted and unknown-order callbacks are refused, recorded, and post nothing", async () => {
    const { orderId } = await start({ amountKop: 50_000 });
    const genuine = callbackParams(orderId, 500, "success");
    const good = signedCallback(genuine);
    const tampered = liqpayData({ ...genuine, amount: 5 });
    const ledgerBefore = await ledgerCount();
    const cases: [string, Record<string, string>, string][] = [
      [
        "forged signature",
        { data: good.data, signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAA=" },
        "payment_callback_forged",
      ],
      [
        "signature of other data",
        { data: good.data, signature: liqpaySignature(TEST_PRIVATE_KEY, "x") },
        "payment_callback_forged",
      ],
      ["no signature", { data: good.data }, "payment_callback_unsigned"],
      ["empty signature", { data: good.data, signature: "" }, "payment_callback_unsigned"],
      ["no data", { signature: good.signature }, "payment_callback_unsigned"],
      [
        "changed amount, old signature",
        { data: tampered, signature: good.signature },
        "payment_callback_forged",
      ],
      [
        "changed amount, re-signed with a wrong key",
        signedCallback({ ...genuine, amount: 5 }, "wrong-private-key"),
        "payment_callback_forged",
      ],
      [
        "signed by the right key, another amount",
        signedCallback({ ...genuine, amount: 5 }),
        "payment_callback_mismatch",
      ],
      [
        "signed by the right key, another currency",
        signedCallback({ ...genuine, currency: "USD" }),
        "payment_callback_mismatch",
      ],
      [
        "signed by the right key, a third decimal",
        signedCallback({ ...genuine, amount: 500.001 }),
        "payment_callback_mismatch",
      ],
      [
        "another merchant's public key",
        signedCallback({ ...genuine, public_key: "i99999999" }),
        "payment_callback_malformed",
      ],
      ["no order id", signedCallback({ ...genuine, order_id: undefined }), "payment_callback_malformed"],
      [
        "data that is not base64 JSON",
        { data: "bm90IGpzb24=", signature: liqpaySignature(TEST_PRIVATE_KEY, "bm90IGpzb24=") },
        "payment_callback_malformed",
      ],
    ];
    for (const [what, fields, code] of cases) {
      const res = await postForm(app, CALLBACK, fields);
      assert.equal(res.status, 400, `${what}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code, what);
    }
    const empty = await app.inject({ method: "POST", url: CALLBACK });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().error.code, "payment_callback_unsigned");
    const emptyRecorded = await db()
      .selectFrom("payment_callbacks")
      .selectAll()
      .where("raw_data", "is", null)
      .where("raw_signature", "is", null)
      .execute();
    assert.ok(emptyRecorded.some((r) => r.reason === "payment_callback_unsigned" && r.gateway === "liqpay"));
    const unknownOrder = "3f0c1e2a-9b7d-4c5e-8f6a-1b2c3d4e5f60";
    const unknown = await postForm(
      app,
      CALLBACK,
      signedCallback(callbackParams(unknownOrder, 500, "success")),
    );
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, "payment_callback_order_unknown");
    const notUuid = await postForm(
      app,
      CALLBACK,
      signedCallback(callbackParams("order_id_1", 500, "success")),
    );
    assert.equal(notUuid.body.error.code, "payment_callback_order_unknown");

    assert.equal(await ledgerCount(), ledgerBefore, "nothing was posted");
    assert.equal((await orderRow(orderId)).status, "created");
    const recorded = await callbacksOf(orderId);
    const reasons = recorded.map((r) => r.reason);
    for (const code of [
      "payment_callback_forged",
      "payment_callback_unsigned",
      "payment_callback_mismatch",
    ]) {
      assert.ok(reasons.includes(code), `${code} recorded: ${reasons.join(", ")}`);
    }
    assert.ok(recorded.every((r) => r.outcome === "rejected"));
    assert.ok(
      recorded.filter((r) => r.reason === "payment_callback_forged").every((r) => !r.signature_valid),
      "forged ones are marked unverified",
    );
    const mismatch = recorded.find((r) => r.reason === "payment_callback_mismatch")!;
    assert.equal(mismatch.signature_valid, true);
    assert.equal(mismatch.account_id, f.accounts.olena);
    const unknownRows = await callbacksOf(unknownOrder);
    assert.equal(unknownRows.length, 1);
    assert.equal(unknownRows[0]!.reason, "payment_callback_order_unknown");
    assert.equal(unknownRows[0]!.account_id, null);
    // The whole set: every refusal above is in the audit trail, order or not.
    const rejected = await db()
      .selectFrom("payment_callbacks")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("outcome", "=", "rejected")
      .executeTakeFirstOrThrow();
    assert.ok(Number(rejected.n) >= cases.length + 2);

    // The genuine callback still goes through afterwards.
    const res = await postForm(app, CALLBACK, good);
    assert.equal(res.status, 200);
    assert.equal((await entriesOf(orderId)).length, 1);
  });

  test("a failure posts nothing and fails the order; a later success of a retry credits it", async () => {
    const { orderId } = await start({ amountKop: 3_000 });
    const failed = await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 30, "failure")));
    assert.equal(failed.status, 200);
    assert.equal(failed.body.status, "failure");
    assert.equal((await orderRow(orderId)).status, "failure");
    assert.equal((await entriesOf(orderId)).length, 0);
    const page = await app.inject({ method: "GET", url: `/payments/${orderId}` });
    assert.match(page.body, /Платіж не пройшов/);
    const error = await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 30, "error")));
    assert.equal(error.body.outcome, "unchanged");
    const paid = await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 30, "success")));
    assert.equal(paid.body.status, "success");
    assert.equal((await entriesOf(orderId)).length, 1);
  });

  test("statuses on the way (3-D Secure, wait_accept) post nothing; a late one never undoes a success", async () => {
    const { orderId } = await start({ amountKop: 4_000 });
    for (const s of ["3ds_verify", "wait_accept"]) {
      const res = await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 40, s)));
      assert.equal(res.body.status, "processing", s);
    }
    const order = await orderRow(orderId);
    assert.equal(order.gateway_status, "wait_accept");
    assert.equal((await entriesOf(orderId)).length, 0);
    await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 40, "success")));
    const late = await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 40, "wait_accept")));
    assert.deepEqual(late.body, { outcome: "unchanged", orderId, status: "success" });
    assert.equal((await orderRow(orderId)).gateway_status, "success");
  });

  test("a reversal after success posts one adjustment back, however often it comes", async () => {
    const { orderId } = await start({ amountKop: 12_000, service: "electricity" });
    await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 120, "success")));
    for (let i = 0; i < 3; i++) {
      const res = await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 120, "reversed")));
      assert.equal(res.status, 200);
      assert.equal(res.body.status, "reversed");
      assert.equal(res.body.outcome, i === 0 ? "applied" : "unchanged");
    }
    // A success replayed after the reversal credits nothing.
    await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 120, "success")));
    const entries = await entriesOf(orderId);
    assert.deepEqual(
      entries.map((e) => [e.kind, e.amount_kop, e.source_ref, e.service_code]),
      [
        ["payment", -12_000, `order:${orderId}`, "electricity"],
        ["adjustment", 12_000, `order:${orderId}:reversed`, "electricity"],
      ],
    );
    const order = await orderRow(orderId);
    assert.equal(order.status, "reversed");
    assert.ok(order.reversed_at);
  });

  test("an unnamed payment stays in the month it was paid: callbacks repeated next month post nothing, its reversal lands beside it", async () => {
    get().setNow("2019-07-31T20:00:00Z"); // 23:00 on 31 July in Kyiv
    try {
      const { orderId } = await start({ amountKop: 3_000 });
      await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 30, "success")));
      get().setNow("2019-08-02T09:00:00Z");
      const repeat = await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 30, "success")));
      assert.deepEqual(repeat.body, { outcome: "unchanged", orderId, status: "success" });
      await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 30, "reversed")));
      const entries = await entriesOf(orderId);
      assert.deepEqual(
        entries.map((e) => [e.kind, e.amount_kop, e.period, e.entry_date]),
        [
          ["payment", -3_000, "2019-07-01", "2019-07-31"],
          // The ledger's key holds the period: the order's paid_at fixes it, not the day a callback comes.
          ["adjustment", 3_000, "2019-07-01", "2019-08-02"],
        ],
      );
    } finally {
      get().setNow("2019-07-15T21:30:00Z");
    }
  });

  test("a sandbox payment is not money unless LiqPay runs in sandbox mode", async () => {
    const { orderId } = await start({ amountKop: 1_000 });
    const res = await postForm(app, CALLBACK, signedCallback(callbackParams(orderId, 10, "sandbox")));
    assert.equal(res.body.status, "failure");
    assert.equal((await entriesOf(orderId)).length, 0);

    const sandboxApp = await liqpayApp(get().deps, {
      liqpay: { publicKey: TEST_PUBLIC_KEY, privateKey: TEST_PRIVATE_KEY, sandbox: true },
    });
    const token = await signInAs(sandboxApp, f.users.olena, PASSWORD);
    const started = await call(sandboxApp, "POST", `/api/accounts/${f.accounts.olena}/payments`, {
      token,
      body: { amountKop: 1_000 },
    });
    assert.equal(decodeLiqpayData(started.body.checkout.fields.data)["sandbox"], "1");
    const sandboxOrder = started.body.orderId as string;
    const paid = await postForm(
      sandboxApp,
      CALLBACK,
      signedCallback(callbackParams(sandboxOrder, 10, "sandbox")),
    );
    assert.equal(paid.body.status, "success");
    assert.equal((await entriesOf(sandboxOrder)).length, 1);
    await sandboxApp.close();
  });

  test("residents pay only their own accounts and see only their own orders; staff of the provider may start one", async () => {
    const other = await call(app, "POST", `/api/accounts/${f.accounts.olena}/payments`, {
      token: petro,
      body: { amountKop: 100 },
    });
    assert.equal(other.status, 404);
    assert.equal(other.body.error.code, "not_found");
    const mine = await start({ amountKop: 100 });
    assert.equal((await call(app, "GET", `/api/payments/${mine.orderId}`, { token: petro })).status, 404);
    assert.equal((await call(app, "GET", `/api/payments/${mine.orderId}`)).status, 401);
    assert.equal((await call(app, "GET", "/api/payments/not-a-uuid", { token: olena })).status, 404);
    // The water account is another provider's: the electricity operator cannot reach it.
    const water = await call(app, "POST", `/api/accounts/${f.accounts.water}/payments`, {
      token: operator,
      body: { amountKop: 100 },
    });
    assert.equal(water.status, 404);
    assert.equal(
      (await start({ amountKop: 100 }, operator)).checkout.url,
      "https://www.liqpay.ua/api/3/checkout",
    );
  });

  test("amounts, periods and services are checked, with reasons in each language", async () => {
    get().setNow("2019-07-15T09:00:00Z");
    const pay = (body: Record<string, unknown>, lang: "uk" | "ru" | "en" = "en") =>
      call(app, "POST", `/api/accounts/${f.accounts.olena}/payments`, { token: olena, body, lang });
    const zero = await pay({ amountKop: 0 });
    assert.equal(zero.status, 422);
    assert.equal(zero.body.error.code, "payment_amount_invalid");
    assert.equal(zero.body.error.message, "The payment amount must be from UAH 0.01 to UAH\u00a0100,000.00.");
    const uk = await pay({ amount: "100 000,01" }, "uk");
    assert.equal(uk.body.error.code, "payment_amount_invalid");
    assert.equal(uk.body.error.message, "Сума платежу має бути від 0,01 грн до 100\u00a0000,00\u00a0грн.");
    assert.equal((await pay({ amount: "-5" })).body.error.code, "payment_amount_invalid");
    assert.equal((await pay({ amount: "12.345" })).body.error.code, "validation_failed");
    assert.equal((await pay({ amount: "100 000" })).status, 201);
    assert.equal((await pay({})).status, 400);
    assert.equal((await pay({ amount: "1", amountKop: 100 })).status, 400);
    const future = await pay({ amountKop: 100, period: "2019-09" });
    assert.equal(future.status, 422);
    assert.equal(future.body.error.code, "payment_period_invalid");
    assert.equal(
      (await pay({ amountKop: 100, period: "2019-08" })).status,
      201,
      "the coming month, in advance",
    );
    const water = await pay({ amountKop: 100, service: "cold_water" }, "ru");
    assert.equal(water.body.error.code, "payment_service_not_provided");
    assert.equal(
      water.body.error.message,
      "Этот поставщик не предоставляет услугу «Холодная вода» по этому счёту.",
    );
    const gateway = await pay({ amountKop: 100, gateway: "wayforpay" });
    assert.equal(gateway.body.error.code, "payment_gateway_unknown");
  });

  test("an Idempotency-Key returns the same order on a retry", async () => {
    const headers = { "idempotency-key": "pay-7f1c" };
    const url = `/api/accounts/${f.accounts.olena}/payments`;
    const first = await call(app, "POST", url, { token: olena, body: { amountKop: 2_500 }, headers });
    const again = await call(app, "POST", url, { token: olena, body: { amountKop: 2_500 }, headers });
    assert.equal(first.status, 201);
    assert.equal(again.body.orderId, first.body.orderId);
    assert.deepEqual(again.body.checkout, first.body.checkout);
    const other = await call(app, "POST", url, { token: olena, body: { amountKop: 2_600 }, headers });
    assert.equal(other.body.error.code, "idempotency_key_reused");
    const orders = await db()
      .selectFrom("payment_orders")
      .select("id")
      .where("amount_kop", "in", [2_500, 2_600])
      .execute();
    assert.equal(orders.length, 1);
  });

  test("a retry with the same Idempotency-Key after the gateway answered gives the order's status now", async () => {
    get().setNow("2019-07-20T09:00:00Z");
    const url = `/api/accounts/${f.accounts.olena}/payments`;
    const retry = (key: string, body: Record<string, unknown>) =>
      call(app, "POST", url, { token: olena, body, headers: { "idempotency-key": key } });
    for (const [key, amountKop, callbackStatus, status] of [
      ["replay-paid", 4_100, "success", "success"],
      ["replay-declined", 4_200, "failure", "failure"],
    ] as const) {
      const first = await retry(key, { amountKop });
      assert.equal(first.status, 201);
      assert.equal(first.body.status, "created");
      get().setNow("2019-07-20T09:05:00Z");
      const answered = await postForm(
        app,
        CALLBACK,
        signedCallback(callbackParams(first.body.orderId, amountKop / 100, callbackStatus)),
      );
      assert.equal(answered.status, 200);
      const again = await retry(key, { amountKop });
      assert.equal(again.status, 201);
      assert.equal(again.body.orderId, first.body.orderId);
      assert.equal(again.body.status, status, `${key}: the order's current status, not the stored "created"`);
      assert.equal(again.body.paidAt, status === "success" ? "2019-07-20T09:05:00.000Z" : null);
      assert.deepEqual(again.body.checkout, first.body.checkout);
      const shown = await call(app, "GET", `/api/payments/${first.body.orderId}`, { token: olena });
      assert.deepEqual({ ...again.body, checkout: undefined }, { ...shown.body, checkout: undefined });
    }
    assert.equal(
      (await entriesOf((await retry("replay-paid", { amountKop: 4_100 })).body.orderId)).length,
      1,
    );
  });

  test("without a configured gateway payments are unavailable, and the demo gateway's paths do not exist", async () => {
    // No LiqPay keys and no demo region: nothing to pay through.
    const bare = await quietApp(get().deps);
    const token = await signInAs(bare, f.users.olena, PASSWORD);
    const res = await call(bare, "POST", `/api/accounts/${f.accounts.olena}/payments`, {
      token,
      body: { amountKop: 100 },
    });
    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, "payments_unavailable");
    assert.equal(
      (await postForm(bare, "/api/payments/demo/callback", { data: "x", signature: "y" })).status,
      404,
    );
    assert.equal((await postForm(bare, "/demo-gateway/checkout", { data: "x", signature: "y" })).status, 404);
    assert.equal(
      (await postForm(app, "/api/payments/demo/callback", { data: "x", signature: "y" })).status,
      404,
    );
    await bare.close();
  });

  test("a JSON body works too, and the OpenAPI document lists the payment operations", async () => {
    const { orderId } = await start({ amountKop: 1_500 });
    const res = await call(app, "POST", CALLBACK, {
      body: signedCallback(callbackParams(orderId, 15, "success")),
    });
    assert.equal(res.status, 200);
    const doc = (await call(app, "GET", "/api/openapi.json")).body;
    const ops = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>)
      .flatMap((p) => Object.values(p))
      .map((o) => o.operationId);
    for (const op of ["startPayment", "paymentStatus", "receivePaymentCallback"])
      assert.ok(ops.includes(op), op);
    assert.equal(doc.paths["/payments/{orderId}"], undefined, "HTML pages stay out of the API document");
  });
});
