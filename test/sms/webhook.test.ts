// The aggregators' webhook, POST /webhooks/sms, over real HTTP (inject): a signed text is answered { reply } and
// the reply queued for SMS; a forged signature is 401 and changes nothing; a repeated id gets the first reply and
// nothing is processed or sent twice; without SMS_WEBHOOK_SECRET the route is not there.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/channels/http/app.ts";
import { forEachDatabase } from "../support/databases.ts";
import type { ReadingsFixture } from "../support/readings-fixture.ts";
import {
  createSmsRegion,
  IN_WATER_WINDOW,
  OLENA_PHONE,
  SHORT_NUMBER,
  STRANGER_PHONE,
  WATER_ACCOUNT,
} from "../support/sms-region.ts";

const SECRET = "aggregator-shared-secret-2019";

const sign = (body: string, secret = SECRET) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

forEachDatabase("SMS webhook: texts from an aggregator, signed and once per id", (get) => {
  let app: FastifyInstance;
  let region: ReadingsFixture;

  const post = async (payload: unknown, signature?: string, target = app) => {
    const body = JSON.stringify(payload);
    const res = await target.inject({
      method: "POST",
      url: "/webhooks/sms",
      headers: { "content-type": "application/json", "x-signature": signature ?? sign(body) },
      payload: body,
    });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> };
  };
  const waterReadings = () =>
    get()
      .database.db.selectFrom("readings")
      .select(["value", "channel", "receipt"])
      .where("meter_id", "=", region.meters.water)
      .where("kind", "=", "regular")
      .execute();
  const smsOutbox = () =>
    get()
      .database.db.selectFrom("outbox")
      .select(["address", "body", "template"])
      .where("channel", "=", "sms")
      .orderBy("id")
      .execute();

  before(async () => {
    region = await createSmsRegion(get().database);
    get().setNow(IN_WATER_WINDOW);
    app = await buildApp({
      deps: get().deps,
      config: { logLevel: "silent", production: false, smsWebhookSecret: SECRET },
      logger: false,
    });
  });
  after(async () => {
    await app?.close();
  });

  test("a signed text is processed: the reply comes back as JSON and leaves by SMS through the outbox", async () => {
    const res = await post({
      from: "380671112233",
      to: SHORT_NUMBER,
      text: `${WATER_ACCOUNT} 110`,
      id: "agg-1",
    });
    const stored = await waterReadings();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.channel, "sms");
    assert.deepEqual(res, {
      status: 200,
      body: { reply: `Показники 110 прийнято. Квитанція ${stored[0]!.receipt}.` },
    });
    assert.deepEqual(await smsOutbox(), [
      { address: OLENA_PHONE, body: res.body["reply"], template: "sms_reply" },
    ]);
  });

  test("a forged signature is 401 and nothing is processed, stored or sent", async () => {
    const before = { readings: await waterReadings(), outbox: await smsOutbox() };
    const payload = { from: OLENA_PHONE, to: SHORT_NUMBER, text: `${WATER_ACCOUNT} 115`, id: "agg-2" };
    const forged = await post(payload, sign(JSON.stringify(payload), "someone-elses-secret-1234"));
    assert.equal(forged.status, 401);
    assert.equal((forged.body["error"] as { code: string }).code, "sms_signature_invalid");
    // A signature of another body, and none at all.
    assert.equal((await post(payload, sign(JSON.stringify({ ...payload, text: "x" })))).status, 401);
    assert.equal((await post(payload, "")).status, 401);
    assert.deepEqual({ readings: await waterReadings(), outbox: await smsOutbox() }, before);
    // The id was not taken by the forgeries: the real delivery of it is processed.
    const real = await post(payload);
    assert.match(String(real.body["reply"]), /^Показники 115 прийнято\./);
  });

  test("a repeated delivery of an id gets the first reply, and nothing is processed or sent twice", async () => {
    const payload = { from: STRANGER_PHONE, to: SHORT_NUMBER, text: `${WATER_ACCOUNT} 160`, id: 77 };
    const first = await post(payload);
    assert.equal(first.status, 200);
    assert.match(String(first.body["reply"]), /^Номер \(050\) 123 45 67 не підтверджено/);
    const outbox = await smsOutbox();
    const again = await post(payload);
    assert.deepEqual(again, { status: 200, body: { reply: first.body["reply"], repeated: true } });
    assert.deepEqual(await smsOutbox(), outbox);
    // The same id from another text is still the same message: the first answer stands.
    const changed = await post({ ...payload, text: `${WATER_ACCOUNT} 999` });
    assert.deepEqual(changed.body, { reply: first.body["reply"], repeated: true });
    assert.equal((await waterReadings()).filter((r) => r.value === "999.000").length, 0);
  });

  test("one phone is answered 20 times an hour, told once that it is too many, then not answered", async () => {
    const phone = "+380931112233";
    const replies: unknown[] = [];
    for (let i = 0; i < 22; i++)
      replies.push(
        (await post({ from: phone, to: SHORT_NUMBER, text: `12-345/6 ${i}`, id: `flood-${i}` })).body[
          "reply"
        ],
      );
    assert.ok(
      replies.slice(0, 20).every((r) => typeof r === "string" && r.startsWith("Номер (093) 111 22 33")),
    );
    assert.match(String(replies[20]), /^Забагато спроб поспіль\./);
    assert.equal(replies[21], null);
    const sent = (await smsOutbox()).filter((m) => m.address === phone);
    assert.equal(sent.length, 21);
  });

  test("a body that is not the contract is refused after the signature is checked", async () => {
    assert.equal((await post({ from: OLENA_PHONE, to: SHORT_NUMBER, id: "agg-3" })).status, 400);
    assert.equal(
      (await post({ from: OLENA_PHONE, to: SHORT_NUMBER, text: "a\u0000b", id: "agg-4" })).status,
      400,
    );
  });

  test("without SMS_WEBHOOK_SECRET there is no webhook", async () => {
    const bare = await buildApp({
      deps: get().deps,
      config: { logLevel: "silent", production: false },
      logger: false,
    });
    try {
      const payload = { from: OLENA_PHONE, to: SHORT_NUMBER, text: `${WATER_ACCOUNT} 170`, id: "agg-5" };
      assert.equal((await post(payload, undefined, bare)).status, 404);
    } finally {
      await bare.close();
    }
  });
});
