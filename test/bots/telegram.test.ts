// The Telegram bot over its real webhook: updates shaped as Telegram sends them, posted to /webhooks/telegram with
// the secret-token header, answered through a local fake of the Bot API (TELEGRAM_API_BASE). Each test asserts what
// the bot sent and what was stored. A whole conversation: an unknown chat links an account with the proof from
// the bill, submits a two-zone reading, asks what it owes, gets the bill PDF, and talks to an operator who answers
// through the console's use case.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/channels/http/app.ts";
import { callUseCase } from "../../src/services/registry.ts";
import { above, type BotRegion, seedBotRegion } from "../support/bot-region.ts";
import { signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { FakeTelegram, type TelegramCall } from "../support/fake-telegram.ts";

const TOKEN = "123456:TEST-token";
const SECRET = "webhook-secret_1";

forEachDatabase("the Telegram bot", (get) => {
  let fake: FakeTelegram;
  let app: FastifyInstance;
  let region: BotRegion;
  let updateId = 1000;

  before(async () => {
    region = await seedBotRegion(get());
    fake = await FakeTelegram.start();
    app = await buildApp({
      deps: get().deps,
      config: {
        logLevel: "silent",
        production: false,
        staffTwoFactor: "optional",
        publicUrl: "https://abonent.example",
        telegram: { token: TOKEN, webhookSecret: SECRET, apiBase: fake.apiBase },
      },
      logger: false,
    });
  });
  after(async () => {
    await app.close();
    await fake.close();
  });

  const from = (chat: number) => ({
    id: chat,
    is_bot: false,
    first_name: "Тарас",
    last_name: "Ш.",
    language_code: "uk",
  });
  const message = (chat: number, text: string, id = ++updateId) => ({
    update_id: id,
    message: {
      message_id: id,
      date: 1764316800,
      chat: { id: chat, type: "private" },
      from: from(chat),
      text,
    },
  });
  const press = (chat: number, data: string, id = ++updateId) => ({
    update_id: id,
    callback_query: {
      id: `cb${id}`,
      from: from(chat),
      chat_instance: "1",
      data,
      message: { message_id: 1, date: 1764316800, chat: { id: chat, type: "private" }, text: "…" },
    },
  });

  async function post(update: object, secret = SECRET) {
    const res = await app.inject({
      method: "POST",
      url: "/webhooks/telegram",
      headers: { "x-telegram-bot-api-secret-token": secret },
      payload: update,
    });
    await app.botWorker.idle();
    return res;
  }

  /** What the bot sent to a chat since `since` calls ago. */
  const texts = (calls: TelegramCall[]) =>
    calls.map((c) => String(c.params["text"] ?? c.params["caption"] ?? ""));
  const buttonsOf = (call: TelegramCall | undefined) =>
    (
      (
        call?.params["reply_markup"] as {
          inline_keyboard?: { text: string; callback_data?: string; url?: string }[][];
        }
      )?.inline_keyboard ?? []
    ).flat();

  async function turn(chat: number, update: object): Promise<TelegramCall[]> {
    const before = fake.sentTo(chat).length;
    const res = await post(update);
    assert.equal(res.statusCode, 200);
    return fake.sentTo(chat).slice(before);
  }

  const count = async (table: "bot_updates" | "conversations" | "readings", where?: (q: never) => never) => {
    const { db } = get().database;
    let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n"));
    if (where) q = where(q as never);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  test("a forged secret token is refused with 401, and nothing is stored or sent", async () => {
    const updates = await count("bot_updates");
    const res = await post(message(501, "Привіт"), "wrong-secret");
    assert.equal(res.statusCode, 401);
    assert.equal(await count("bot_updates"), updates);
    assert.equal(fake.sentTo(501).length, 0);
  });

  test("/start greets with the language choice and the menu for an unlinked chat", async () => {
    const sent = await turn(502, message(502, "/start"));
    assert.equal(sent.length, 2);
    assert.match(texts(sent)[0]!, /Вітаю/);
    assert.deepEqual(
      buttonsOf(sent[0]).map((b) => b.callback_data),
      ["lang:uk", "lang:ru"],
    );
    assert.ok(buttonsOf(sent[1]).some((b) => b.callback_data === "t:link"));
    const row = await get()
      .database.db.selectFrom("conversations")
      .selectAll()
      .where("platform", "=", "telegram")
      .where("chat_id", "=", "502")
      .executeTakeFirstOrThrow();
    assert.equal(row.display_name, "Тарас Ш.");
    assert.equal(row.subscribed, true);
  });

  test("a repeated delivery of one update is answered once", async () => {
    const update = message(503, "меню");
    const first = await turn(503, update);
    const again = await turn(503, update);
    assert.equal(first.length, 1);
    assert.equal(again.length, 0);
    const { db } = get().database;
    const rows = await db.selectFrom("bot_updates").select("id").where("chat_id", "=", "503").execute();
    assert.equal(rows.length, 1);
  });

  test("the first Russian message sets the chat's language; STOP unsubscribes, blocking the bot too", async () => {
    const sent = await turn(504, message(504, "Здравствуйте, сколько я должен?"));
    assert.match(texts(sent).join("\n"), /привяжите/);
    const stop = await turn(504, message(504, "стоп"));
    assert.match(texts(stop)[0]!, /отписались/);
    const { db } = get().database;
    const row = () =>
      db.selectFrom("conversations").selectAll().where("chat_id", "=", "504").executeTakeFirstOrThrow();
    assert.equal((await row()).locale, "ru");
    assert.equal((await row()).subscribed, false);
    await turn(504, message(504, "/start"));
    assert.equal((await row()).subscribed, true);
    const blocked = await turn(504, {
      update_id: ++updateId,
      my_chat_member: {
        chat: { id: 504, type: "private" },
        from: from(504),
        date: 1764316800,
        old_chat_member: { status: "member", user: { id: 1, is_bot: true, first_name: "Abonent" } },
        new_chat_member: {
          status: "kicked",
          user: { id: 1, is_bot: true, first_name: "Abonent" },
          until_date: 0,
        },
      },
    });
    assert.equal(blocked.length, 0);
    assert.equal((await row()).subscribed, false);
  });

  test("a code from the cabinet links the chat to the resident and their accounts", async () => {
    const { deps } = get();
    const { code } = await callUseCase(
      deps,
      "createChatLinkCode",
      { actor: region.resident, channel: "web", locale: "uk" },
      {},
    );
    const wrong = await turn(505, message(505, "0000 0000"));
    assert.match(texts(wrong)[0]!, /код/i);
    const sent = await turn(505, message(505, code));
    assert.match(texts(sent)[0]!, /прив’язано/);
    const identity = await deps.database.db
      .selectFrom("identities")
      .selectAll()
      .where("kind", "=", "telegram")
      .where("external_id", "=", "505")
      .executeTakeFirstOrThrow();
    assert.equal(identity.user_id, region.resident.userId);
    const reused = await turn(506, message(506, code));
    assert.doesNotMatch(texts(reused)[0]!, /прив’язано/, "a code links one chat only");
  });

  test("a whole conversation: link by the bill, a two-zone reading, what is owed, the bill PDF, an operator", async () => {
    const chat = 600;
    const { deps } = get();
    const { db } = deps.database;
    await turn(chat, message(chat, "/start"));
    // Linking with the proof from the bill: a wrong amount first.
    assert.match(texts(await turn(chat, press(chat, "t:link")))[0]!, /Як прив’язати/);
    const providers = await turn(chat, press(chat, "link:number"));
    assert.ok(buttonsOf(providers[0]).some((b) => b.callback_data === "prov:deu"));
    assert.match(texts(await turn(chat, press(chat, "prov:deu")))[0]!, /номер особового рахунку/);
    assert.match(texts(await turn(chat, message(chat, region.account.number)))[0]!, /суму до сплати/);
    const refused = await turn(chat, message(chat, "1,00"));
    assert.doesNotMatch(texts(refused)[0]!, /прив’язано/);
    const linked = await turn(chat, message(chat, region.account.amountDue));
    assert.match(
      texts(linked)[0]!,
      new RegExp(`прив’язано.*${region.account.number.replace(/[/]/g, "\\/")}`),
    );
    const person = await db
      .selectFrom("identities as i")
      .innerJoin("users as u", "u.id", "i.user_id")
      .select(["u.id", "u.chat_only", "u.full_name"])
      .where("i.kind", "=", "telegram")
      .where("i.external_id", "=", String(chat))
      .executeTakeFirstOrThrow();
    assert.equal(person.chat_only, true);
    assert.equal(person.full_name, "Тарас Ш.");

    // A two-zone reading: one value per zone, a confirmation, the receipt.
    const [day, night] = [above(region.lastValues[0], 120), above(region.lastValues[1], 60)];
    assert.match(texts(await turn(chat, press(chat, "t:reading")))[0]!, /зона 1 з 2/);
    assert.match(texts(await turn(chat, message(chat, day)))[0]!, /зона 2 з 2/);
    const confirm = await turn(chat, message(chat, night));
    assert.match(texts(confirm)[0]!, new RegExp(`зона 1: ${day}, зона 2: ${night}`));
    let answer = await turn(chat, press(chat, "yes"));
    if (/незвично/.test(texts(answer)[0]!)) answer = await turn(chat, press(chat, "yes"));
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
        [1, Number(day), "telegram", person.id],
        [2, Number(night), "telegram", person.id],
      ],
    );

    // What is owed, with the last bill as a PDF document and a link to pay.
    const owe = await turn(chat, press(chat, "t:owe"));
    assert.match(
      texts(owe)[0]!,
      new RegExp(`Рахунок ${region.account.number.replace(/[/]/g, "\\/")}: до сплати`),
    );
    const billButton = buttonsOf(owe[0]).find((b) => b.callback_data?.startsWith("bill:"));
    assert.ok(billButton);
    assert.equal(
      buttonsOf(owe[0]).find((b) => b.url)?.url,
      `https://abonent.example/pay/${region.account.id}`,
    );
    const bill = await turn(chat, press(chat, billButton.callback_data!));
    assert.equal(bill[0]?.method, "sendDocument");
    assert.ok(bill[0]!.raw.includes(Buffer.from("%PDF-")), "the document is a PDF");

    // An operator: the person's messages wait in the inbox, the bot keeps quiet, the answer comes into the chat.
    const handed = await turn(chat, press(chat, "t:operator"));
    assert.match(texts(handed)[0]!, /оператор/);
    const quiet = await turn(chat, message(chat, "Чому такий великий рахунок?"));
    assert.equal(quiet.length, 0);
    const staff = { actor: region.operator, channel: "contact_centre" as const, locale: "uk" as const };
    const inbox = await callUseCase(deps, "listInbox", staff, { provider: "deu" });
    const item = inbox.find((i) => i.displayName === "Тарас Ш.");
    assert.ok(item);
    assert.equal(item.platform, "telegram");
    assert.equal(item.lastMessage, "Чому такий великий рахунок?");
    assert.equal(item.waiting, 1);
    // The operator answers from the console's inbox page, as a browser would post its form.
    const operator = await signedInStaff(app, "operator");
    const before = fake.sentTo(chat).length;
    const posted = await operator.post(`/console/inbox/${item.id}/answer`, {
      text: "Нарахування за показниками, усе правильно.",
    });
    assert.equal(posted.status, 200, posted.body.slice(0, 300));
    await app.botWorker.idle();
    const answered = fake.sentTo(chat).slice(before);
    assert.deepEqual(texts(answered), ["Оператор: Нарахування за показниками, усе правильно."]);
    // The end button gives the chat back to the bot.
    const ended = await turn(chat, press(chat, "end"));
    assert.match(texts(ended)[0]!, /завершено/);
    const after = await callUseCase(deps, "listInbox", staff, { provider: "deu" });
    assert.equal(
      after.find((i) => i.id === item.id),
      undefined,
    );
  });

  test("Telegram's 429 is waited out for its retry_after, and the answer still arrives", async () => {
    fake.throttle(1, 1);
    const started = Date.now();
    const sent = await turn(507, message(507, "меню"));
    assert.equal(sent.length, 1);
    assert.ok(Date.now() - started >= 900, "the bot waited the second Telegram asked for");
  });
});
