// The partners' JSON API over HTTP, every request signed as docs/partners.md says: look-ups, payments (idempotent on
// the partner's transaction id), cancellation, status and readings; and what is refused, with nothing written.
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { callUseCase, type InputOf } from "../../src/services/registry.ts";
import { BOT_NOW, type BotRegion, seedBotRegion } from "../support/bot-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";
import {
  platformAdmin,
  registerTestPartner,
  send,
  signedCall,
  signedRequest,
  type TestPartner,
} from "../support/partner-client.ts";

const NOW_S = Math.floor(Date.parse(BOT_NOW) / 1000);
const PAY = "/api/partners/v1/payments";

forEachDatabase("the partners' API", (db) => {
  let app: FastifyInstance;
  let region: BotRegion;
  let bank: TestPartner;
  let other: TestPartner;

  before(async () => {
    region = await seedBotRegion(db());
    const { deps } = db();
    app = await quietApp(deps);
    bank = await registerTestPartner(deps, {
      code: "test-bank",
      name: "Тест-Банк",
      providers: ["deu"],
      maxPaymentKop: 1_000_000,
    });
    const others = await db()
      .database.db.selectFrom("providers")
      .select("code")
      .where("code", "!=", "deu")
      .orderBy("code")
      .execute();
    other = await registerTestPartner(deps, {
      code: "other-bank",
      name: "Інший банк",
      providers: [others[0]!.code],
    });
  });
  after(() => app?.close());

  const call = (c: Parameters<typeof signedCall>[2], partner = bank) =>
    signedCall(app, partner, { timestamp: NOW_S, ...c });
  const ledgerRows = async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int4 as n from ledger_entries where source = 'bank_registry'`.execute(
      db().database.db,
    );
    return rows[0]!.n;
  };
  const payment = (txnId: string, amount = "250.00") => ({
    txnId,
    provider: "deu",
    account: region.account.number,
    amount,
    paidAt: "2026-11-28T09:55:00+02:00",
  });

  it("looks an account up: the payee, a masked payer, what is due, the meters and their window", async () => {
    const number = region.account.number.replace(/-/g, " ");
    const res = await call({
      method: "GET",
      path: `/api/partners/v1/accounts/lookup?provider=deu&account=${encodeURIComponent(number)}`,
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.account, region.account.number);
    assert.match(body.payee.edrpou, /^\d{8}$/);
    assert.match(body.payee.iban, /^UA\d{27}$/);
    assert.match(body.payer.name, /^\S\*+\S( \S\.)*$/u);
    assert.match(body.payer.address, /\*\*\*/);
    assert.equal(body.meters.length, 1);
    assert.equal(body.meters[0].zones, 2);
    assert.equal(body.meters[0].window.open, true);
    assert.equal(typeof body.totalDue.kop, "number");
  });

  it("a lookup with an amount checks the partner's per-payment limits as the payment will", async () => {
    const lookup = (amount: string) =>
      call({
        method: "GET",
        path: `/api/partners/v1/accounts/lookup?provider=deu&account=${region.account.number}&amount=${amount}`,
      });
    const fits = await lookup("10000.00");
    assert.equal(fits.statusCode, 200, fits.body);
    assert.equal(fits.json().account, region.account.number);
    const large = await lookup("10000.01");
    assert.equal(large.statusCode, 422);
    assert.equal(large.json().error.code, "partner_amount_too_large");
    assert.match(large.json().error.message, /10000\.00|10 000/);
    const malformed = await lookup("12,5");
    assert.equal(malformed.statusCode, 400);
  });

  it("takes a payment once: a retry answers the same receipt, other content is a conflict", async () => {
    const before = await ledgerRows();
    const first = await call({ method: "POST", path: PAY, body: payment("T-1001") });
    assert.equal(first.statusCode, 201, first.body);
    const receipt = first.json().payment.receipt;
    // A retry is signed anew (a signature is good once): its timestamp moved on.
    const again = await call({ method: "POST", path: PAY, body: payment("T-1001"), timestamp: NOW_S + 1 });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().payment.receipt, receipt);
    const changed = await call({
      method: "POST",
      path: PAY,
      body: payment("T-1001", "251.00"),
      timestamp: NOW_S + 2,
    });
    assert.equal(changed.statusCode, 409);
    assert.equal(changed.json().error.code, "partner_txn_conflict");
    assert.equal((await ledgerRows()) - before, 1);
    const status = await call({ method: "GET", path: `${PAY}/T-1001` });
    assert.equal(status.json().status, "posted");
    assert.equal(status.json().amount.kop, 25_000);
  });

  it("cancels a payment on its day with a reversal beside it", async () => {
    await call({ method: "POST", path: PAY, body: payment("T-1002", "100.00") });
    const cancelled = await call({ method: "POST", path: `${PAY}/T-1002/cancel`, body: {} });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(cancelled.json().status, "cancelled");
    const { rows } = await sql<{ kop: number }>`
      select coalesce(sum(amount_kop), 0)::int8 as kop from ledger_entries
      where source = 'bank_registry' and source_ref like 'partner-test-bank:T-1002%'`.execute(
      db().database.db,
    );
    assert.equal(Number(rows[0]!.kop), 0);
  });

  it("takes a reading with channel bank and submitReading's answers", async () => {
    const res = await call({
      method: "POST",
      path: "/api/partners/v1/readings",
      body: {
        provider: "deu",
        account: region.account.number,
        values: [
          { zone: 1, value: String(Number(region.lastValues[0]) + 100) },
          { zone: 2, value: String(Number(region.lastValues[1]) + 30) },
        ],
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().status, "accepted");
    const { rows } = await sql<{ channel: string }>`
      select channel from readings where receipt = ${res.json().receipt}`.execute(db().database.db);
    assert.ok(rows.length > 0 && rows.every((r) => r.channel === "bank"));
    const below = await call({
      method: "POST",
      path: "/api/partners/v1/readings",
      body: {
        provider: "deu",
        account: region.account.number,
        values: [
          { zone: 1, value: "1" },
          { zone: 2, value: "1" },
        ],
      },
    });
    assert.equal(below.statusCode, 422, below.body);
  });

  it("refuses a forged signature, a stale timestamp and a replay, writing nothing", async () => {
    const before = await ledgerRows();
    const forged = await call({ method: "POST", path: PAY, body: payment("T-2001"), secret: "x".repeat(43) });
    assert.equal(forged.statusCode, 401);
    assert.equal(forged.json().error.code, "partner_signature_invalid");
    const stale = await call({ method: "POST", path: PAY, body: payment("T-2001"), timestamp: NOW_S - 301 });
    assert.equal(stale.statusCode, 401);
    assert.equal(stale.json().error.code, "partner_timestamp_stale");
    const request = signedRequest(bank, { method: "GET", path: `${PAY}/T-1001`, timestamp: NOW_S + 3 });
    assert.equal((await send(app, request)).statusCode, 200);
    const replay = await send(app, request);
    assert.equal(replay.statusCode, 409);
    assert.equal(replay.json().error.code, "partner_replay");
    assert.equal(await ledgerRows(), before);
  });

  it("answers another provider's account, an unknown key and a revoked one as nobody's", async () => {
    const res = await call({ method: "POST", path: PAY, body: payment("T-3001") }, other);
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, "not_found");
    const unknown = await call(
      { method: "GET", path: `${PAY}/T-1001` },
      { ...bank, keyId: `pk_${"z".repeat(24)}` },
    );
    assert.equal(unknown.statusCode, 401);
  });

  it("refuses an amount over the limit and malformed JSON, writing nothing", async () => {
    const before = await ledgerRows();
    const big = await call({ method: "POST", path: PAY, body: payment("T-4001", "10000.01") });
    assert.equal(big.statusCode, 422);
    assert.equal(big.json().error.code, "partner_amount_too_large");
    const malformed = await call({ method: "POST", path: PAY, rawBody: '{"txnId": "T-4002", ' });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.code, "request_malformed");
    const unsigned = await app.inject({
      method: "POST",
      url: PAY,
      payload: '{"txnId":',
      headers: { "content-type": "application/json" },
    });
    assert.equal(unsigned.statusCode, 401);
    assert.equal(await ledgerRows(), before);
  });

  const admin = async <N extends "updatePartner" | "rotatePartnerKey" | "revokePartnerKey">(
    name: N,
    input: InputOf<N>,
  ) =>
    callUseCase(
      db().deps,
      name,
      { actor: await platformAdmin(db().deps), channel: "web", locale: "uk" },
      input,
    );

  it("50 concurrent deliveries of one payment post it once, each answered with the one receipt", async () => {
    const before = await ledgerRows();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        // Each delivery signed on its own, as a retrying client does: a second apart.
        call({ method: "POST", path: PAY, body: payment("T-5001", "77.70"), timestamp: NOW_S - 100 + i }),
      ),
    );
    assert.deepEqual([...new Set(answers.map((a) => a.statusCode))].sort(), [200, 201]);
    assert.equal(answers.filter((a) => a.statusCode === 201).length, 1);
    assert.equal(new Set(answers.map((a) => a.json().payment.receipt)).size, 1);
    assert.equal((await ledgerRows()) - before, 1);
  });

  it("keeps a rotated key valid for its grace period; a revoked key stops at once", async () => {
    const rotated = await admin("rotatePartnerKey", { code: "test-bank", graceHours: 1 });
    const newKey = { keyId: rotated.keyId, secret: rotated.secret };
    const path = `${PAY}/T-1001`;
    assert.equal(
      (await call({ method: "GET", path, timestamp: NOW_S + 10 })).statusCode,
      200,
      "the old key, in grace",
    );
    assert.equal(
      (await call({ method: "GET", path, timestamp: NOW_S + 11 }, { ...bank, ...newKey })).statusCode,
      200,
    );
    db().setNow(new Date(Date.parse(BOT_NOW) + 3601_000).toISOString());
    try {
      const late = NOW_S + 3602;
      assert.equal(
        (await call({ method: "GET", path, timestamp: late })).statusCode,
        401,
        "the old key, after grace",
      );
      assert.equal(
        (await call({ method: "GET", path, timestamp: late + 1 }, { ...bank, ...newKey })).statusCode,
        200,
      );
    } finally {
      db().setNow(BOT_NOW);
    }
    await admin("revokePartnerKey", { code: "test-bank", keyId: newKey.keyId });
    const revoked = await call({ method: "GET", path, timestamp: NOW_S + 12 }, { ...bank, ...newKey });
    assert.equal(revoked.statusCode, 401);
    assert.equal(revoked.json().error.code, "partner_signature_invalid");
    // The bank goes on with a fresh key.
    const fresh = await admin("rotatePartnerKey", { code: "test-bank", graceHours: 0 });
    bank = { ...bank, keyId: fresh.keyId, secret: fresh.secret };
  });

  it("refuses addresses outside the allow-list, requests over the rate, and a disabled partner", async () => {
    const path = `${PAY}/T-1001`;
    await admin("updatePartner", { code: "test-bank", ipAllow: ["10.20.0.0/16", "2001:db8::/32"] });
    const outside = await call({ method: "GET", path, timestamp: NOW_S + 20 });
    assert.equal(outside.statusCode, 403);
    assert.equal(outside.json().error.code, "partner_ip_not_allowed");
    const inside = await call({ method: "GET", path, timestamp: NOW_S + 21, remoteAddress: "10.20.3.4" });
    assert.equal(inside.statusCode, 200, inside.body);
    await admin("updatePartner", { code: "test-bank", ipAllow: [], ratePerMinute: 2 });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await call({ method: "GET", path, timestamp: NOW_S + 30 + i })).statusCode);
    assert.ok(codes.includes(429), `over the rate: ${codes.join(",")}`);
    await admin("updatePartner", { code: "test-bank", ratePerMinute: 600, disabled: true });
    assert.equal((await call({ method: "GET", path, timestamp: NOW_S + 40 })).statusCode, 401);
    await admin("updatePartner", { code: "test-bank", disabled: false });
    assert.equal((await call({ method: "GET", path, timestamp: NOW_S + 41 })).statusCode, 200);
  });

  it("holds the daily limit: a payment over what the day has left is refused, and a refusal gives nothing away", async () => {
    const { rows } = await sql<{ kop: number }>`
      select coalesce(sum(t.taken_kop), 0)::int8 as kop from partner_day_totals t
      join partners p on p.id = t.partner_id where p.code = 'test-bank' and t.day = '2026-11-28'`.execute(
      db().database.db,
    );
    const taken = { taken_kop: Number(rows[0]!.kop) };
    const left = 10_000; // 100.00 UAH left today
    await admin("updatePartner", {
      code: "test-bank",
      maxPaymentKop: left,
      dailyLimitKop: Number(taken.taken_kop) + left,
    });
    try {
      const pay = (txnId: string, amount: string, i: number) =>
        call({ method: "POST", path: PAY, body: payment(txnId, amount), timestamp: NOW_S + 50 + i });
      assert.equal((await pay("T-6001", "60.00", 0)).statusCode, 201);
      const before = await ledgerRows();
      const over = await pay("T-6002", "40.01", 1);
      assert.equal(over.statusCode, 422);
      assert.equal(over.json().error.code, "partner_daily_limit");
      assert.equal(await ledgerRows(), before);
      // The refusal took nothing of the day: what is left still goes through, to the kopiyka.
      assert.equal((await pay("T-6003", "40.00", 2)).statusCode, 201);
      assert.equal((await pay("T-6004", "1.00", 3)).json().error.code, "partner_daily_limit");
    } finally {
      await admin("updatePartner", {
        code: "test-bank",
        maxPaymentKop: 1_000_000,
        dailyLimitKop: 1_000_000_000,
      });
    }
  });

  it("publishes its OpenAPI 3.1 document", async () => {
    const res = await app.inject({ url: "/api/partners/openapi.json" });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, "3.1.0");
    assert.ok(doc.paths["/api/partners/v1/payments"].post.requestBody);
    assert.ok(doc.paths["/api/partners/v1/payments/{txnId}"].get);
  });
});
