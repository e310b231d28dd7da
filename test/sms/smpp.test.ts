// Texts to the short number over SMPP 3.4, end to end: an SMS-centre simulator (smsc-simulator.ts) delivers
// what "phones" send to the real client (bind_transceiver, enquire_link), which hands it to the SMS channel, whose
// reply comes back to the simulator by submit_sm: a reading, a refused one, a door switched off, an unlinked
// phone, what is owed in a long Cyrillic reply split into UCS-2 parts, and a dropped link that binds again.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { answerOverSmpp } from "../../src/channels/sms/smpp-inbound.ts";
import { type DeliveryReceipt, SmppClient } from "../../src/gateways/sms/smpp-client.ts";
import { smppSender } from "../../src/gateways/sms/smpp-sender.ts";
import { DATA_CODING_GSM, DATA_CODING_UCS2, ESM_CLASS_UDH } from "../../src/gateways/sms/sms-parts.ts";
import { deliverOutbox } from "../../src/services/outbox/deliver-outbox.ts";
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
import { SmscSimulator } from "../support/smsc-simulator.ts";

forEachDatabase("SMS over SMPP: the short number answers every text", (get) => {
  let region: ReadingsFixture;
  let smsc: SmscSimulator;
  let client: SmppClient;
  const receipts: DeliveryReceipt[] = [];

  const readingsOf = (meterId: number) =>
    get()
      .database.db.selectFrom("readings")
      .select(["value", "channel", "receipt", "raw_input"])
      .where("meter_id", "=", meterId)
      .where("kind", "=", "regular")
      .orderBy("id")
      .execute();

  /** A phone texts the short number; the reply that comes back to that phone. */
  const text = async (from: string, body: string) => {
    const reply = smsc.nextText(from);
    await smsc.deliver({ from, to: SHORT_NUMBER, text: body });
    return reply;
  };

  before(async () => {
    region = await createSmsRegion(get().database);
    get().setNow(IN_WATER_WINDOW);
    smsc = await SmscSimulator.start({ receipts: true });
    client = new SmppClient({
      url: smsc.url(),
      sourceAddress: SHORT_NUMBER,
      enquireLinkSeconds: 0.2,
      backoff: { initialMs: 50, maxMs: 400 },
      responseTimeoutMs: 3000,
      onMessage: (sms) => answerOverSmpp(get().deps, client)(sms),
      onReceipt: (r) => receipts.push(r),
    });
    client.start();
    await client.whenBound();
  });

  after(async () => {
    await client?.stop();
    await smsc?.close();
  });

  test("binds as a transceiver with its system_id and password and keeps the link alive", async () => {
    assert.equal(client.bound, true);
    assert.equal(smsc.bound, 1);
    const before = smsc.enquireLinks;
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(smsc.enquireLinks > before, "enquire_link every 0.2 s");
  });

  test("a reading by SMS is accepted: the receipt is in the reply, the reading stored by the sms door", async () => {
    const reply = await text(OLENA_PHONE, "вк0000001  123,5");
    const stored = await readingsOf(region.meters.water);
    assert.equal(stored.length, 1);
    assert.deepEqual(stored[0], {
      value: "123.500",
      channel: "sms",
      receipt: stored[0]!.receipt,
      raw_input: "вк0000001  123,5",
    });
    assert.equal(reply.text, `Показники 123,5 прийнято. Квитанція ${stored[0]!.receipt}.`);
    assert.equal(reply.from, SHORT_NUMBER);
    // Cyrillic goes as UCS-2, in one part when it fits.
    assert.equal(reply.parts.length, 1);
    assert.equal(reply.parts[0]!.dataCoding, DATA_CODING_UCS2);
    // The centre's delivery receipt is recognised as one, not taken for a text from a phone.
    await waitFor(() => receipts.some((r) => r.messageId === reply.parts[0]!.messageId));
    assert.equal(receipts.find((r) => r.messageId === reply.parts[0]!.messageId)?.state, "DELIVRD");
    assert.equal(smsc.texts.filter((t) => t.to === `+${SHORT_NUMBER}`).length, 0);
  });

  test("a reading below the previous one is refused with the reason, and nothing is stored", async () => {
    const before = await readingsOf(region.meters.water);
    const reply = await text(OLENA_PHONE, `${WATER_ACCOUNT} 50`);
    // Compared with the last reading before this window (a second text in the window corrects the first).
    assert.equal(
      reply.text,
      "Не прийнято. Показання 50,000 менші за попередні: 100,000 від 15 червня 2019. Перевірте цифри.",
    );
    assert.deepEqual(await readingsOf(region.meters.water), before);
  });

  test('an unusually high reading asks for a "+" at the end, and the same text with it is accepted', async () => {
    const before = await readingsOf(region.meters.water);
    const ask = await text(OLENA_PHONE, `${WATER_ACCOUNT} 150`);
    assert.equal(
      ask.text,
      `Показники 150 набагато більші за звичайні. Якщо цифри правильні, надішліть те саме з «+» в кінці: ${WATER_ACCOUNT} 150 +`,
    );
    assert.deepEqual(await readingsOf(region.meters.water), before);
    const confirmed = await text(OLENA_PHONE, `${WATER_ACCOUNT} 150 +`);
    // Confirmed, it is stored and flagged for an operator's review, as on every other door.
    assert.match(confirmed.text, /^Показники 150 прийнято\. Квитанція \S+\. Їх перевірить оператор\.$/);
    const stored = await readingsOf(region.meters.water);
    assert.deepEqual(
      stored.map((r) => [r.value, r.channel]),
      [
        ["123.500", "sms"],
        ["150.000", "sms"],
      ],
    );
  });

  test("a provider that took the sms door off refuses the reading as it refuses any door that is off", async () => {
    const reply = await text(OLENA_PHONE, "12-345/6 5600 3300");
    assert.match(reply.text, /^Не прийнято\. Цей постачальник не приймає показники через SMS\./);
    assert.deepEqual(
      await readingsOf(region.meters.twoZone).then((r) => r.filter((x) => x.channel === "sms")),
      [],
    );
  });

  test("an unlinked phone is told how to link, and nothing is stored", async () => {
    const before = await get()
      .database.db.selectFrom("readings")
      .select((eb) => eb.fn.countAll().as("n"))
      .execute();
    const reply = await text(STRANGER_PHONE, `${WATER_ACCOUNT} 130`);
    assert.match(reply.text, /^Номер \(050\) 123 45 67 не підтверджено в кабінеті Абонент\./);
    assert.match(reply.text, /http:\/\/localhost:3000\/settings$/);
    const after = await get()
      .database.db.selectFrom("readings")
      .select((eb) => eb.fn.countAll().as("n"))
      .execute();
    assert.deepEqual(after, before);
    // Russian for ДОЛГ from a stranger.
    const ru = await text(STRANGER_PHONE, `долг ${WATER_ACCOUNT}`);
    assert.match(ru.text, /^Номер \(050\) 123 45 67 не подтверждён/);
  });

  test("what is owed comes as a long Cyrillic reply in concatenated UCS-2 parts that reassemble exactly", async () => {
    const reply = await text(OLENA_PHONE, `борг ${WATER_ACCOUNT}`);
    assert.equal(
      reply.text,
      [
        "Рахунок ВК0000001 на 15.07.2019: до сплати 331,50 грн.",
        "Холодна вода 04.2019: 100,00 грн",
        "Холодна вода 05.2019: 110,50 грн",
        "Холодна вода 06.2019: 121,00 грн",
      ].join("\n"),
    );
    assert.ok(reply.parts.length >= 3, `${reply.parts.length} parts`);
    const ref = reply.parts[0]!.udh?.[0]?.[2];
    reply.parts.forEach((part, i) => {
      assert.equal(part.dataCoding, DATA_CODING_UCS2);
      assert.equal(part.esmClass & ESM_CLASS_UDH, ESM_CLASS_UDH);
      assert.deepEqual([...part.udh![0]!], [0x00, 0x03, ref, reply.parts.length, i + 1]);
      assert.ok(part.text.length <= 67, `part ${i + 1}: ${part.text.length} characters`);
    });
    assert.equal(reply.parts.map((p) => p.text).join(""), reply.text);
  });

  test("a long text of any alphabet is split and put back exactly: UCS-2 by 67, GSM by 153 septets", async () => {
    const cyrillic = `${"Шановний абоненте, ".repeat(10)}😀 кінець`;
    await client.send({ to: OLENA_PHONE, text: cyrillic });
    const got = await smsc.nextText(OLENA_PHONE);
    assert.equal(got.text, cyrillic);
    assert.equal(got.parts.length, Math.ceil(cyrillic.length / 67));
    const latin = "Your code is 123456. ".repeat(12);
    await client.send({ to: OLENA_PHONE, text: latin });
    const gsm = await smsc.nextText(OLENA_PHONE);
    assert.equal(gsm.text, latin);
    assert.deepEqual(
      gsm.parts.map((p) => [p.dataCoding, p.text.length]),
      [
        [DATA_CODING_GSM, 153],
        [DATA_CODING_GSM, latin.length - 153],
      ],
    );
  });

  test("the outbox's SMS sender sends codes and reminders over the same link", async () => {
    const { database, deps } = get();
    await database.db
      .insertInto("outbox")
      .values({
        channel: "sms",
        address: OLENA_PHONE,
        locale: "uk",
        template: "sign_in_code",
        subject: null,
        body: "Код для входу: 123456",
        created_at: deps.now(),
      })
      .execute();
    const delivered = await deliverOutbox(deps, { sms: smppSender(client) });
    assert.deepEqual([delivered.sent, delivered.failed], [1, 0]);
    assert.equal((await smsc.nextText(OLENA_PHONE)).text, "Код для входу: 123456");
  });

  test("STOP turns the sender's reminders off, and says how to turn them on again", async () => {
    const reply = await text(OLENA_PHONE, "stop");
    assert.match(
      reply.text,
      /^Нагадування більше не надходитимуть\. Увімкнути знову: http:\/\/localhost:3000\/settings$/,
    );
    const user = await get()
      .database.db.selectFrom("identities as i")
      .innerJoin("users as u", "u.id", "i.user_id")
      .select("u.reminder_channel")
      .where("i.kind", "=", "phone")
      .where("i.external_id", "=", OLENA_PHONE)
      .executeTakeFirstOrThrow();
    assert.equal(user.reminder_channel, "none");
  });

  test("a refused bind (a wrong password) is retried after growing pauses, never taken for bound", async () => {
    const before = smsc.binds;
    const intruder = new SmppClient({
      url: smsc.url("wrong-password"),
      sourceAddress: SHORT_NUMBER,
      backoff: { initialMs: 30, maxMs: 200 },
      onMessage: () => assert.fail("an unbound client got a text"),
    });
    intruder.start();
    try {
      await waitFor(() => smsc.binds >= before + 3);
      assert.equal(intruder.bound, false);
      await assert.rejects(intruder.whenBound(100), /not connected/);
    } finally {
      await intruder.stop();
    }
  });

  test("a dropped connection binds again after a pause, then texts flow both ways", async () => {
    const bindsBefore = smsc.bound;
    const rebound = smsc.nextBind();
    smsc.dropConnections();
    await waitFor(() => !client.bound);
    // A send while the link is down waits for the new bind rather than failing.
    const sending = client.send({ to: OLENA_PHONE, text: "after the drop" });
    await rebound;
    assert.equal(smsc.bound, bindsBefore + 1);
    await sending;
    assert.equal((await smsc.nextText(OLENA_PHONE)).text, "after the drop");
    const reply = await text(OLENA_PHONE, `${WATER_ACCOUNT} 130`);
    assert.match(reply.text, /^Показники 130 прийнято\. Квитанція \S+\.$/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
