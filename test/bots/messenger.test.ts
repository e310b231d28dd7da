// The Messenger bot over its real webhook: the verify-token challenge on GET, and page events shaped as Messenger
// sends them, signed with X-Hub-Signature-256 and posted to /webhooks/messenger, answered through a local fake of
// the Send API (MESSENGER_API_BASE). Each test asserts what the bot sent and what was stored. A whole
// conversation: the resident links the chat by the cabinet's code, adds an account by the proof from its bill,
// submits a two-zone reading, asks what is owed, gets the bill PDF and talks to an operator.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/channels/http/app.ts";
import { callUseCase } from "../../src/services/registry.ts";
import { above, type BotRegion, seedBotRegion } from "../support/bot-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { FakeMessenger, type MessengerCall } from "../support/fake-messenger.ts";

const PAGE_TOKEN = "EAAGm0PX4ZCpsBAtest-page-token";
const APP_SECRET = "f3c1e0b9a8d7c6b5a4f3e2d1c0b9a8d7";
const VERIFY_TOKEN = "abonent-verify-42";
const PAGE_ID = "102030405060708";
const PUBLIC_URL = "https://abonent.example";

forEachDatabase("the Messenger bot", (get) => {
  let fake: FakeMessenger;
  let app: FastifyInstance;
  let region: BotRegion;
  let mid = 0;
  let clock = 1764316800000;

  before(async () => {
    region = await seedBotRegion(get());
    fake = await FakeMessenger.start(PAGE_TOKEN);
    app = await buildApp({
      deps: get().deps,
      config: {
        logLevel: "silent",
        production: false,
        staffTwoFactor: "optional",
        publicUrl: PUBLIC_URL,
        messenger: {
          pageToken: PAGE_TOKEN,
          appSecret: APP_SECRET,
          verifyToken: VERIFY_TOKEN,
          apiBase: fake.apiBase,
        },
      },
      logger: false,
    });
  });
  after(async () => {
    await app.close();
    await fake.close();
  });

  const page = (...messaging: object[]) =>
    JSON.stringify({ object: "page", entry: [{ id: PAGE_ID, time: clock, messaging }] });
  const envelope = (psid: string) => ({
    sender: { id: psid },
    recipient: { id: PAGE_ID },
    timestamp: ++clock,
  });
  const message = (psid: string, text: string, id = `m_${++mid}`) => ({
    ...envelope(psid),
    message: { mid: id, text },
  });
  const quickReply = (psid: string, title: string, payload: string) => ({
    ...envelope(psid),
    message: { mid: `m_${++mid}`, text: title, quick_reply: { payload } },
  });
  const postback = (psid: string, payload: string) => ({
    ...envelope(psid),
    postback: { title: "Почати", payload, mid: `m_${++mid}` },
  });
  const sign = (body: string, key = APP_SECRET) =>
    `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;

  async function post(body: string, signature = sign(body)) {
    const res = await app.inject({
      method: "POST",
      url: "/webhooks/messenger",
      headers: { "content-type": "application/json", "x-hub-signature-256": signature },
      payload: body,
    });
    await app.botWorker.idle();
    return res;
  }

  async function turn(psid: string, event: object): Promise<MessengerCall[]> {
    const before = fake.sentTo(psid).length;
    const res = await post(page(event));
    assert.equal(res.statusCode, 200, res.body);
    return fake.sentTo(psid).slice(before);
  }

  const texts = (sent: MessengerCall[]) =>
    sent.map((c) => c.message.text ?? c.message.attachment?.payload.text ?? "");
  const payloads = (c: MessengerCall | undefined) => (c?.message.quick_replies ?? []).map((q) => q.payload);
  /** Presses the quick reply whose payload matches. */
  const press = (psid: string, c: MessengerCall | undefined, payload: RegExp) => {
    const found = c?.message.quick_replies?.find((q) => payload.test(q.payload));
    assert.ok(found, `no quick reply ${payload} among ${payloads(c).join(", ")}`);
    return quickReply(psid, found.title, found.payload);
  };

  const conversation = (psid: string) =>
    get()
      .database.db.selectFrom("conversations")
      .selectAll()
      .where("platform", "=", "messenger")
      .where("chat_id", "=", psid)
      .executeTakeFirst();
  const updatesOf = (psid: string) =>
    get()
      .database.db.selectFrom("bot_updates")
      .selectAll()
      .where("platform", "=", "messenger")
      .where("chat_id", "=", psid)
      .execute();

  test("the verify challenge is answered with hub.challenge for our token, and 403 for another", async () => {
    const ok = await app.inject({
      method: "GET",
      url: `/webhooks/messenger?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    });
    assert.equal(ok.statusCode, 200);
    assert.match(String(ok.headers["content-type"]), /^text\/plain/);
    assert.equal(ok.body, "1158201444");
    const wrong = await app.inject({
      method: "GET",
      url: "/webhooks/messenger?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444",
    });
    assert.equal(wrong.statusCode, 403);
    assert.doesNotMatch(wrong.body, /1158201444/);
  });

  test("a forged signature is refused with 401, and nothing is stored or sent", async () => {
    const body = page(message("9001", "Привіт"));
    assert.equal((await post(body, sign(body, "another-app-secret"))).statusCode, 401);
    assert.equal((await post(body, "")).statusCode, 401);
    assert.equal((await post(body.replace("Привіт", "Привіт!"), sign(body))).statusCode, 401);
    assert.deepEqual(await updatesOf("9001"), []);
    assert.equal(await conversation("9001"), undefined);
    assert.equal(fake.sentTo("9001").length, 0);
  });

  test("Get Started greets with quick replies for the language and the menu", async () => {
    const sent = await turn("9002", postback("9002", "GET_STARTED"));
    assert.equal(sent.length, 2);
    assert.match(texts(sent)[0]!, /Вітаю/);
    assert.deepEqual(payloads(sent[0]), ["lang:uk", "lang:ru"]);
    assert.ok(payloads(sent[1]).includes("t:link"));
    assert.equal(sent[0]!.messagingType, "RESPONSE");
    const row = await conversation("9002");
    assert.equal(row?.subscribed, true);
    assert.ok(row?.last_inbound_at, "an inbound message opens Messenger's 24 hours");
    const [update] = await updatesOf("9002");
    assert.match(update!.update_id, /^postback:9002:\d+$/);
  });

  test("a typed message and a quick reply are turns; a postback button too; echoes and reads are not", async () => {
    const psid = "9003";
    const typed = await turn(psid, message(psid, "меню"));
    assert.ok(payloads(typed[0]).includes("t:lang"));
    const languages = await turn(psid, press(psid, typed[0], /^t:lang$/));
    const russian = await turn(psid, press(psid, languages[0], /^lang:ru$/));
    assert.match(texts(russian)[0]!, /Язык изменён/);
    assert.equal((await conversation(psid))?.locale, "ru");
    const menu = await turn(psid, postback(psid, "menu"));
    assert.match(texts(menu)[0]!, /привяжите/);
    const echo = { ...envelope(psid), message: { mid: `m_${++mid}`, text: "from the page", is_echo: true } };
    const read = { ...envelope(psid), read: { watermark: clock } };
    assert.equal((await turn(psid, echo)).length, 0);
    assert.equal((await turn(psid, read)).length, 0);
    assert.equal((await updatesOf(psid)).length, 4);
  });

  test("a repeated delivery is answered once; one body may carry several chats' events", async () => {
    const repeated = message("9004", "меню", "m_repeated");
    assert.equal((await turn("9004", repeated)).length, 1);
    assert.equal((await turn("9004", repeated)).length, 0);
    assert.equal((await updatesOf("9004")).length, 1);
    const res = await post(page(message("9005", "меню"), message("9006", "меню")));
    assert.equal(res.statusCode, 200);
    assert.equal(fake.sentTo("9005").length, 1);
    assert.equal(fake.sentTo("9006").length, 1);
  });

  test("STOP unsubscribes the chat", async () => {
    const sent = await turn("9007", message("9007", "стоп"));
    assert.equal(sent.length, 1);
    assert.equal((await conversation("9007"))?.subscribed, false);
  });

  test("a whole conversation: the cabinet's code, the bill's proof, a two-zone reading, the bill, an operator", async () => {
    const psid = "7700112233";
    const { deps } = get();
    const { db } = deps.database;

    const { code } = await callUseCase(
      deps,
      "createChatLinkCode",
      { actor: region.resident, channel: "web", locale: "uk" },
      {},
    );
    const linked = await turn(psid, message(psid, code));
    assert.match(texts(linked)[0]!, /прив’язано/);
    const identity = await db
      .selectFrom("identities")
      .select("user_id")
      .where("kind", "=", "messenger")
      .where("external_id", "=", psid)
      .executeTakeFirstOrThrow();
    assert.equal(identity.user_id, region.resident.userId);

    // One more account, by the proof from its bill.
    const how = await turn(psid, press(psid, linked[0], /^t:link$/));
    const providers = await turn(psid, press(psid, how[0], /^link:number$/));
    assert.match(texts(await turn(psid, press(psid, providers[0], /^prov:deu$/)))[0]!, /номер/);
    assert.match(texts(await turn(psid, message(psid, region.account.number)))[0]!, /суму до сплати/);
    const added = await turn(psid, message(psid, region.account.amountDue));
    assert.match(texts(added)[0]!, new RegExp(region.account.number.replace(/[/]/g, "\\/")));

    // A two-zone reading.
    const accounts = await turn(psid, press(psid, added[0], /^t:reading$/));
    const zone1 = await turn(psid, press(psid, accounts[0], new RegExp(`^acc:${region.account.id}$`)));
    assert.match(texts(zone1)[0]!, /зона 1 з 2/);
    const [day, night] = [above(region.lastValues[0], 120), above(region.lastValues[1], 60)];
    assert.match(texts(await turn(psid, message(psid, day)))[0]!, /зона 2 з 2/);
    const confirm = await turn(psid, message(psid, night));
    assert.match(texts(confirm)[0]!, new RegExp(`зона 1: ${day}, зона 2: ${night}`));
    let answer = await turn(psid, press(psid, confirm[0], /^yes$/));
    if (/незвично/.test(texts(answer)[0]!)) answer = await turn(psid, press(psid, answer[0], /^yes$/));
    const receipt = /Квитанція (\S+)\./.exec(texts(answer)[0]!)?.[1];
    assert.ok(receipt, texts(answer)[0]);
    const readings = await db
      .selectFrom("readings")
      .select(["zone", "value", "channel", "actor_user_id"])
      .where("receipt", "=", receipt)
      .orderBy("zone")
      .execute();
    assert.deepEqual(
      readings.map((r) => [r.zone, Number(r.value), r.channel, r.actor_user_id]),
      [
        [1, Number(day), "facebook", region.resident.userId],
        [2, Number(night), "facebook", region.resident.userId],
      ],
    );

    // What is owed: a button template with the pay link, and quick replies for the bill and the menu.
    const choose = await turn(psid, press(psid, answer[0], /^t:owe$/));
    const owe = await turn(psid, press(psid, choose[0], new RegExp(`^acc:${region.account.id}$`)));
    const template = owe[0]!.message.attachment;
    assert.equal(template?.type, "template");
    assert.equal(template?.payload.template_type, "button");
    assert.match(template?.payload.text ?? "", /до сплати/);
    assert.deepEqual(
      template?.payload.buttons?.map((b) => [b.type, b.url]),
      [["web_url", `${PUBLIC_URL}/pay/${region.account.id}`]],
    );
    for (const q of owe[0]!.message.quick_replies ?? []) assert.ok(q.title.length <= 20, q.title);

    // The bill: the caption, then the PDF uploaded as a file attachment.
    const bill = await turn(psid, press(psid, owe[0], /^bill:/));
    const upload = bill.find((c) => c.file);
    assert.ok(upload, "a file was uploaded");
    assert.equal(upload.message.attachment?.type, "file");
    assert.match(upload.file!.name, /\.pdf$/);
    assert.equal(upload.file!.type, "application/pdf");
    assert.ok(upload.file!.bytes.subarray(0, 5).equals(Buffer.from("%PDF-")));

    // An operator.
    const handed = await turn(psid, press(psid, bill.at(-1), /^t:operator$/));
    assert.match(texts(handed)[0]!, /оператор/);
    assert.equal((await turn(psid, message(psid, "Чому такий великий рахунок?"))).length, 0);
    const staff = { actor: region.operator, channel: "contact_centre" as const, locale: "uk" as const };
    const item = (await callUseCase(deps, "listInbox", staff, { provider: "deu" })).find(
      (i) => i.platform === "messenger",
    );
    assert.ok(item);
    assert.equal(item.lastMessage, "Чому такий великий рахунок?");
    const before = fake.sentTo(psid).length;
    await callUseCase(deps, "answerConversation", staff, { conversationId: item.id, text: "Усе правильно." });
    await app.botWorker.idle();
    assert.deepEqual(texts(fake.sentTo(psid).slice(before)), ["Оператор: Усе правильно."]);
  });

  test("Messenger's rate-limit error is waited out and the answer still arrives", async () => {
    fake.throttle(1);
    const sent = await turn("9008", message("9008", "меню"));
    assert.equal(sent.length, 1);
  });
});
