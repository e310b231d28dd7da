// The Viber bot over its real webhook: events shaped as Viber sends them (64-bit message tokens unquoted), signed
// with X-Viber-Content-Signature and posted to /webhooks/viber, answered through a local fake of Viber's REST API
// (VIBER_API_BASE). Each test asserts what the bot sent and what was stored. A whole conversation: the resident
// links the chat by the cabinet's code, adds an account by the proof from its bill, submits a two-zone reading,
// asks what is owed, gets the bill (a signed link Viber fetches) and talks to an operator.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/channels/http/app.ts";
import { callUseCase } from "../../src/services/registry.ts";
import { above, type BotRegion, seedBotRegion } from "../support/bot-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { FakeViber, type ViberCall } from "../support/fake-viber.ts";

const AUTH_TOKEN = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f";
const PUBLIC_URL = "https://abonent.example";

type Sent = ViberCall["body"];

forEachDatabase("the Viber bot", (get) => {
  let fake: FakeViber;
  let app: FastifyInstance;
  let region: BotRegion;
  let token = 5_741_311_803_571_721_000n;

  before(async () => {
    region = await seedBotRegion(get());
    fake = await FakeViber.start(AUTH_TOKEN);
    app = await buildApp({
      deps: get().deps,
      config: {
        logLevel: "silent",
        production: false,
        staffTwoFactor: "optional",
        publicUrl: PUBLIC_URL,
        viber: { authToken: AUTH_TOKEN, apiBase: fake.apiBase },
      },
      logger: false,
    });
  });
  after(async () => {
    await app.close();
    await fake.close();
  });

  /** The body as Viber writes it: message_token a bare 64-bit integer, which JSON.parse would round. */
  const raw = (event: Record<string, unknown>, messageToken: bigint = ++token) =>
    JSON.stringify({ ...event, message_token: "@TOKEN@" }).replace('"@TOKEN@"', messageToken.toString());
  const user = (id: string) => ({
    id,
    name: "Тарас Шевчук",
    avatar: "https://avatar.example/1",
    language: "uk",
    country: "UA",
    api_version: 10,
  });
  const message = (id: string, text: string, messageToken?: bigint) =>
    raw(
      {
        event: "message",
        timestamp: 1764316800000,
        chat_hostname: "SN-CHAT-01_",
        sender: user(id),
        message: { type: "text", text },
        silent: false,
      },
      messageToken,
    );
  /** A keyboard button's reply: a text message whose text is the button's ActionBody. */
  const press = (id: string, body: string) => message(id, body);
  const sign = (body: string, key = AUTH_TOKEN) => createHmac("sha256", key).update(body).digest("hex");

  async function post(body: string, signature = sign(body), url = "/webhooks/viber") {
    const res = await app.inject({
      method: "POST",
      url,
      headers: { "content-type": "application/json", "x-viber-content-signature": signature },
      payload: body,
    });
    await app.botWorker.idle();
    return res;
  }

  async function turn(chat: string, body: string): Promise<Sent[]> {
    const before = fake.sentTo(chat).length;
    const res = await post(body);
    assert.equal(res.statusCode, 200, res.body);
    return fake.sentTo(chat).slice(before);
  }

  const texts = (sent: Sent[]) => sent.map((s) => s.text ?? "");
  const bodies = (s: Sent | undefined) => (s?.keyboard?.Buttons ?? []).map((b) => b.ActionBody);
  /** The ActionBody of the button a person presses: the payload behind Viber's button marker. */
  const action = (s: Sent | undefined, payload: RegExp) => {
    const found = bodies(s).find((b) => b.startsWith("btn:") && payload.test(b.slice(4)));
    assert.ok(found, `no button ${payload} among ${bodies(s).join(", ")}`);
    return found;
  };

  const conversation = (chat: string) =>
    get()
      .database.db.selectFrom("conversations")
      .selectAll()
      .where("platform", "=", "viber")
      .where("chat_id", "=", chat)
      .executeTakeFirst();
  const updatesOf = (chat: string) =>
    get()
      .database.db.selectFrom("bot_updates")
      .selectAll()
      .where("platform", "=", "viber")
      .where("chat_id", "=", chat)
      .execute();

  test("a forged signature is refused with 401, and nothing is stored or sent", async () => {
    const body = message("forged==", "Привіт");
    const res = await post(body, sign(body, "someone-else's-token"));
    assert.equal(res.statusCode, 401);
    const unsigned = await post(body, "");
    assert.equal(unsigned.statusCode, 401);
    // A body changed after signing: the signature is of other bytes.
    const changed = await post(body.replace("Привіт", "Привіт!"), sign(body));
    assert.equal(changed.statusCode, 401);
    assert.deepEqual(await updatesOf("forged=="), []);
    assert.equal(await conversation("forged=="), undefined);
    assert.equal(fake.sentTo("forged==").length, 0);
  });

  test("Viber's set-webhook check and delivery receipts are answered 200 and not turns", async () => {
    const check = await post(
      raw({ event: "webhook", timestamp: 1764316800000, chat_hostname: "SN-CHAT-01_" }),
    );
    assert.equal(check.statusCode, 200);
    const seen = await post(raw({ event: "seen", timestamp: 1764316800000, user_id: "seen-user==" }));
    assert.equal(seen.statusCode, 200);
    assert.deepEqual(await updatesOf("seen-user=="), []);
  });

  test("conversation_started is answered with the welcome and its keyboard; a subscriber gets it once, from the bot", async () => {
    const started = (id: string, subscribed: boolean) =>
      raw({
        event: "conversation_started",
        timestamp: 1764316800000,
        chat_hostname: "SN-CHAT-01_",
        type: "open",
        context: "",
        user: user(id),
        subscribed,
      });
    const res = await post(started("newcomer==", false));
    assert.equal(res.statusCode, 200);
    const welcome = res.json() as Sent;
    assert.equal(welcome.type, "text");
    assert.equal(welcome.sender?.name, "Абонент");
    assert.match(welcome.text ?? "", /Вітаю/);
    assert.deepEqual(bodies(welcome), ["btn:menu", "btn:lang:uk", "btn:lang:ru"]);
    // Viber lets a bot write only to subscribers: nothing is sent to one who has not subscribed yet.
    assert.equal(fake.sentTo("newcomer==").length, 0);
    assert.deepEqual(await updatesOf("newcomer=="), []);
    // Pressing the welcome's button is the first message, which subscribes them: the menu comes.
    const menu = await turn("newcomer==", press("newcomer==", "btn:menu"));
    assert.ok(bodies(menu[0]).includes("btn:t:link"));

    // A subscriber is written to by the bot itself: the answer stays empty, so the welcome is not shown twice.
    const again = await post(started("returning==", true));
    assert.equal(again.statusCode, 200);
    assert.equal((again.json() as Sent).text, undefined);
    const sent = fake.sentTo("returning==");
    assert.match(texts(sent)[0]!, /Вітаю/);
    assert.ok(bodies(sent[1]).includes("btn:t:link"));
    const row = await conversation("returning==");
    assert.equal(row?.display_name, "Тарас Шевчук");
  });

  test("subscribed starts the conversation; unsubscribed ends messages to the chat", async () => {
    const chat = "subscriber==";
    const sent = await turn(chat, raw({ event: "subscribed", timestamp: 1764316800000, user: user(chat) }));
    assert.match(texts(sent)[0]!, /Вітаю/);
    // Two buttons in a row share its six columns; one alone takes all six.
    assert.deepEqual(
      sent[0]!.keyboard!.Buttons.map((b) => [b.ActionType, b.Columns]),
      [
        ["reply", 3],
        ["reply", 3],
      ],
    );
    assert.equal((await conversation(chat))?.subscribed, true);
    const gone = await turn(chat, raw({ event: "unsubscribed", timestamp: 1764316900000, user_id: chat }));
    assert.equal(gone.length, 0);
    assert.equal((await conversation(chat))?.subscribed, false);
    assert.equal((await updatesOf(chat)).length, 2);
  });

  test("a repeated delivery is answered once; 64-bit tokens one apart are two messages", async () => {
    const chat = "repeat==";
    const first = message(chat, "меню", 9_007_199_254_740_993n);
    assert.equal((await turn(chat, first)).length, 1);
    assert.equal((await turn(chat, first)).length, 0);
    // 9007199254740993 and …994 are one double: read as numbers they would be one message.
    assert.equal((await turn(chat, message(chat, "меню", 9_007_199_254_740_994n))).length, 1);
    assert.deepEqual((await updatesOf(chat)).map((u) => u.update_id).sort(), [
      "9007199254740993",
      "9007199254740994",
    ]);
  });

  test("Viber's throttling status is waited out and the answer still arrives", async () => {
    fake.throttle(1);
    const sent = await turn("throttled==", message("throttled==", "меню"));
    assert.equal(sent.length, 1);
    const [update] = await updatesOf("throttled==");
    assert.equal(update?.error, null);
  });

  test("a whole conversation: the cabinet's code, the bill's proof, a two-zone reading, the bill, an operator", async () => {
    const chat = "whole-conversation==";
    const { deps } = get();
    const { db } = deps.database;

    // Linking by the code the cabinet shows.
    const { code } = await callUseCase(
      deps,
      "createChatLinkCode",
      { actor: region.resident, channel: "web", locale: "uk" },
      {},
    );
    const linked = await turn(chat, message(chat, code));
    assert.match(texts(linked)[0]!, /прив’язано/);
    const identity = await db
      .selectFrom("identities")
      .select("user_id")
      .where("kind", "=", "viber")
      .where("external_id", "=", chat)
      .executeTakeFirstOrThrow();
    assert.equal(identity.user_id, region.resident.userId);

    // One more account, by the proof from its bill.
    const how = await turn(chat, press(chat, action(linked[0], /^t:link$/)));
    const providers = await turn(chat, press(chat, action(how[0], /^link:number$/)));
    assert.match(texts(await turn(chat, press(chat, action(providers[0], /^prov:deu$/))))[0]!, /номер/);
    assert.match(texts(await turn(chat, message(chat, region.account.number)))[0]!, /суму до сплати/);
    const added = await turn(chat, message(chat, region.account.amountDue));
    assert.match(texts(added)[0]!, new RegExp(region.account.number.replace(/[/]/g, "\\/")));

    // A two-zone reading on that account: the account is chosen, one value per zone, confirmed.
    const accounts = await turn(chat, press(chat, action(added[0], /^t:reading$/)));
    const zone1 = await turn(
      chat,
      press(chat, action(accounts[0], new RegExp(`^acc:${region.account.id}$`))),
    );
    assert.match(texts(zone1)[0]!, /зона 1 з 2/);
    const [day, night] = [above(region.lastValues[0], 120), above(region.lastValues[1], 60)];
    assert.match(texts(await turn(chat, message(chat, day)))[0]!, /зона 2 з 2/);
    const confirm = await turn(chat, message(chat, night));
    assert.match(texts(confirm)[0]!, new RegExp(`зона 1: ${day}, зона 2: ${night}`));
    let answer = await turn(chat, press(chat, action(confirm[0], /^yes$/)));
    if (/незвично/.test(texts(answer)[0]!))
      answer = await turn(chat, press(chat, action(answer[0], /^yes$/)));
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
        [1, Number(day), "viber", region.resident.userId],
        [2, Number(night), "viber", region.resident.userId],
      ],
    );

    // What is owed, with the pay link as an open-url button.
    const choose = await turn(chat, press(chat, action(answer[0], /^t:owe$/)));
    const owe = await turn(chat, press(chat, action(choose[0], new RegExp(`^acc:${region.account.id}$`))));
    assert.match(texts(owe)[0]!, /до сплати/);
    const pay = owe[0]!.keyboard!.Buttons.find((b) => b.ActionType === "open-url");
    assert.equal(pay?.ActionBody, `${PUBLIC_URL}/pay/${region.account.id}`);
    assert.equal(pay?.Columns, 6);

    // The bill: its caption, then a file message Viber fetches from a signed link on the app.
    const bill = await turn(chat, press(chat, action(owe[0], /^bill:/)));
    assert.match(texts(bill)[0]!, /^Останній рахунок за \d{4}-\d{2}: /);
    const file = bill.find(
      (s): s is Sent & { media: string } => s.type === "file" && typeof s.media === "string",
    );
    assert.ok(file, "a file message");
    assert.ok(file.media.startsWith(`${PUBLIC_URL}/webhooks/viber/files/`), file.media);
    assert.match(file.file_name ?? "", /\.pdf$/);
    const path = file.media.slice(PUBLIC_URL.length);
    const pdf = await app.inject({ method: "GET", url: path });
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.ok(pdf.rawPayload.subarray(0, 5).equals(Buffer.from("%PDF-")));
    assert.ok(
      Math.abs(pdf.rawPayload.length - (file.size ?? 0)) < 200,
      "the size Viber is told is the file's",
    );
    const tampered = await app.inject({
      method: "GET",
      url: path.replace(/.(?=\.)/, (c) => (c === "A" ? "B" : "A")),
    });
    assert.equal(tampered.statusCode, 404);

    // An operator: the person's messages wait in the inbox, the bot keeps quiet, the answer comes into the chat.
    const handed = await turn(chat, press(chat, action(bill.at(-1), /^t:operator$/)));
    assert.match(texts(handed)[0]!, /оператор/);
    assert.equal((await turn(chat, message(chat, "Чому такий великий рахунок?"))).length, 0);
    const staff = { actor: region.operator, channel: "contact_centre" as const, locale: "uk" as const };
    const item = (await callUseCase(deps, "listInbox", staff, { provider: "deu" })).find(
      (i) => i.platform === "viber",
    );
    assert.ok(item);
    assert.equal(item.displayName, "Тарас Шевчук");
    assert.equal(item.lastMessage, "Чому такий великий рахунок?");
    const before = fake.sentTo(chat).length;
    await callUseCase(deps, "answerConversation", staff, { conversationId: item.id, text: "Усе правильно." });
    await app.botWorker.idle();
    assert.deepEqual(texts(fake.sentTo(chat).slice(before)), ["Оператор: Усе правильно."]);
  });
});
