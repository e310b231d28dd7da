// The operator's inbox of bot chats over HTTP: conversations handed over to DEU's contact centre are listed
// oldest first with their platform, name, since when, last message and how many messages wait; a conversation
// shows its messages in order (Kyiv time) and an answer form. Answering writes an outgoing message with the
// operator's id and an audit line; an empty answer comes back beside the field with nothing written; closing gives
// the chat back to the bot (handed_over_at cleared) and its page then shows the 409's words in place of the form.
// Another provider's operator gets 404 and never sees it in their list.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { type CabinetClient, textOf } from "../support/cabinet-client.ts";
import { addStaff, CONSOLE_AS_OF, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

forEachDatabase("console: the inbox of bot chats", (get) => {
  let app: FastifyInstance;
  let operator: CabinetClient;
  let outsider: CabinetClient;
  let operatorId: number;
  /** DEU's: an older and a newer handed-over chat, and one still with the bot; the other provider's one. */
  const ids = { older: 0, newer: 0, withBot: 0, foreign: 0 };

  const db = () => get().database.db;
  const providerId = async (code: string) =>
    (await db().selectFrom("providers").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;

  async function conversation(o: {
    provider: number;
    chatId: string;
    platform: "telegram" | "viber" | "messenger";
    name: string | null;
    handedOverAt: string | null;
    messages: { direction: "in" | "out"; body: string; at: string; staffUserId?: number }[];
  }): Promise<number> {
    const { id } = await db()
      .insertInto("conversations")
      .values({
        platform: o.platform,
        chat_id: o.chatId,
        locale: "uk",
        state: JSON.stringify({ step: "operator" }),
        display_name: o.name,
        handed_over_at: o.handedOverAt ? new Date(o.handedOverAt) : null,
        provider_id: o.provider,
        created_at: new Date("2026-11-25T07:00:00Z"),
        updated_at: new Date("2026-11-25T07:00:00Z"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const m of o.messages)
      await db()
        .insertInto("conversation_messages")
        .values({
          conversation_id: id,
          direction: m.direction,
          body: m.body,
          created_at: new Date(m.at),
          staff_user_id: m.staffUserId ?? null,
          sent_at: m.direction === "out" ? new Date(m.at) : null,
        })
        .execute();
    return id;
  }

  const messagesOf = (conversationId: number) =>
    db()
      .selectFrom("conversation_messages")
      .select(["direction", "body", "staff_user_id"])
      .where("conversation_id", "=", conversationId)
      .orderBy("id")
      .execute();

  before(async () => {
    const { database, deps } = get();
    await seedRegion(database, { accounts: 30, seed: 11, asOf: CONSOLE_AS_OF });
    get().setNow("2026-11-25T10:00:00Z");
    app = await quietApp(deps);
    operator = await signedInStaff(app, "operator");
    outsider = await signedInStaff(app, {
      email: await addStaff(database, {
        providerCode: "mariupol-vkg",
        role: "operator",
        email: "operator@vkg.inbox.test",
      }),
    });
    operatorId = (
      await db()
        .selectFrom("users")
        .select("id")
        .where("email", "=", DEMO_PEOPLE.operator.email)
        .executeTakeFirstOrThrow()
    ).id;
    const deu = await providerId("deu");
    // Inserted newest first, so the list's order is its own doing.
    ids.newer = await conversation({
      provider: deu,
      chatId: "200",
      platform: "viber",
      name: "Петро Сидоренко",
      handedOverAt: "2026-11-25T08:30:00Z",
      messages: [{ direction: "in", body: "Коли буде перерахунок?", at: "2026-11-25T08:31:00Z" }],
    });
    ids.older = await conversation({
      provider: deu,
      chatId: "100",
      platform: "telegram",
      name: "Олена Коваленко",
      handedOverAt: "2026-11-25T07:05:00Z",
      messages: [
        { direction: "in", body: "Добрий день, чому рахунок такий великий?", at: "2026-11-25T07:06:00Z" },
        {
          direction: "out",
          body: "Перевіряю, хвилинку.",
          at: "2026-11-25T07:10:00Z",
          staffUserId: operatorId,
        },
        { direction: "in", body: "Дякую.\nЧекаю.", at: "2026-11-25T07:12:00Z" },
        { direction: "in", body: "Лічильник № 4711", at: "2026-11-25T07:13:00Z" },
      ],
    });
    ids.withBot = await conversation({
      provider: deu,
      chatId: "300",
      platform: "messenger",
      name: "Бот Ще-з-ботом",
      handedOverAt: null,
      messages: [],
    });
    ids.foreign = await conversation({
      provider: await providerId("mariupol-vkg"),
      chatId: "400",
      platform: "telegram",
      name: "Маріуполь Водоканал-клієнт",
      handedOverAt: "2026-11-25T06:00:00Z",
      messages: [{ direction: "in", body: "Немає води", at: "2026-11-25T06:01:00Z" }],
    });
  });
  after(async () => {
    await app?.close();
  });

  test("the list shows the provider's handed-over chats, oldest first, with what waits", async () => {
    const page = await operator.get("/console/inbox");
    assert.equal(page.status, 200);
    assert.match(page.body, /<a href="\/console\/inbox" aria-current="page">Чати<\/a>/);
    const text = textOf(page.body);
    const older = text.indexOf("Олена Коваленко");
    const newer = text.indexOf("Петро Сидоренко");
    assert.ok(older > 0 && newer > older, "oldest first");
    // Kyiv is UTC+2 in November: handed over at 09:05, the last message at 09:13.
    assert.match(
      text,
      /Олена Коваленко Розмова \d+ Telegram 2026-11-25 09:05 Лічильник № 4711 2026-11-25 09:13 2 повідомлення/,
    );
    assert.match(
      text,
      /Петро Сидоренко Розмова \d+ Viber 2026-11-25 10:30 Коли буде перерахунок\? .* 1 повідомлення/,
    );
    assert.match(page.body, new RegExp(`href="/console/inbox/${ids.older}"`));
    assert.ok(!text.includes("Ще-з-ботом"), "a chat still with the bot is not listed");
    assert.ok(!text.includes("Маріуполь"), "another provider's chat is not listed");
    assert.match(page.body, /<a href="\/console\/inbox">Оновити список<\/a>/);
    assert.match(page.body, /data-inbox-refresh="15"/);
  });

  test("a conversation shows its messages in order, who wrote them and when (Kyiv), and an answer form", async () => {
    const page = await operator.get(`/console/inbox/${ids.older}`);
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /Олена Коваленко у Telegram/);
    assert.match(
      text,
      /Олена Коваленко , 2026-11-25 09:06 Добрий день, чому рахунок такий великий\? Ви , 2026-11-25 09:10 Перевіряю, хвилинку\. Олена Коваленко , 2026-11-25 09:12 Дякую\. Чекаю\./,
    );
    assert.match(page.body, new RegExp(`action="/console/inbox/${ids.older}/answer"`));
    assert.match(page.body, /<textarea id="answer" name="text" rows="4" maxlength="4000" required/);
    assert.match(page.body, new RegExp(`action="/console/inbox/${ids.older}/close"`));
  });

  test("an empty answer comes back beside the field and writes nothing", async () => {
    await operator.get(`/console/inbox/${ids.older}`);
    const before = await messagesOf(ids.older);
    const page = await operator.post(`/console/inbox/${ids.older}/answer`, { text: "   \n " });
    assert.equal(page.status, 400);
    assert.match(page.body, /<p class="error-message" id="answer-error">Напишіть відповідь<\/p>/);
    assert.match(page.body, /<a href="#answer">Напишіть відповідь<\/a>/);
    assert.match(page.body, /aria-invalid="true"/);
    const tooLong = await operator.post(`/console/inbox/${ids.older}/answer`, { text: "а".repeat(4001) });
    assert.equal(tooLong.status, 400);
    assert.match(textOf(tooLong.body), /Відповідь має бути не довшою за 4000 символів/);
    assert.deepEqual(await messagesOf(ids.older), before);
  });

  test("answering writes an outgoing message with the operator's id and an audit line, then shows 'sent'", async () => {
    await operator.get(`/console/inbox/${ids.older}`);
    const answer = await operator.post(
      `/console/inbox/${ids.older}/answer`,
      { text: "  Рахунок за показниками 4711; надішліть фото лічильника.  " },
      { follow: false },
    );
    assert.equal(answer.status, 303);
    assert.equal(answer.location, `/console/inbox/${ids.older}?done=sent`);
    const page = await operator.get(answer.location!);
    assert.match(textOf(page.body), /Відповідь надіслано в чат\./);
    assert.match(
      textOf(page.body),
      /Ви , 2026-11-25 12:00 Рахунок за показниками 4711; надішліть фото лічильника\./,
    );
    const last = (await messagesOf(ids.older)).at(-1)!;
    assert.deepEqual(
      { ...last, staff_user_id: Number(last.staff_user_id) },
      {
        direction: "out",
        body: "Рахунок за показниками 4711; надішліть фото лічильника.",
        staff_user_id: operatorId,
      },
    );
    const audit = await db()
      .selectFrom("audit_log")
      .select(["actor_user_id", "action", "channel"])
      .where("action", "=", "answerConversation")
      .execute();
    assert.deepEqual(
      audit.map((a) => ({ ...a, actor_user_id: Number(a.actor_user_id) })),
      [{ actor_user_id: operatorId, action: "answerConversation", channel: "contact_centre" }],
    );
    // Answered: nothing of the person's waits any more.
    const list = textOf((await operator.get("/console/inbox")).body);
    assert.match(list, /надішліть фото лічильника\. 2026-11-25 12:00 0/);
  });

  test("another provider's operator gets 404 for the conversation, its answer and its closing", async () => {
    const own = await outsider.get("/console/inbox");
    assert.equal(own.status, 200);
    assert.match(textOf(own.body), /Маріуполь Водоканал-клієнт/);
    assert.ok(!textOf(own.body).includes("Олена Коваленко"));
    const before = await messagesOf(ids.older);
    assert.equal((await outsider.get(`/console/inbox/${ids.older}`)).status, 404);
    const answer = await outsider.post(`/console/inbox/${ids.older}/answer`, { text: "Чужа відповідь" });
    assert.equal(answer.status, 404);
    const empty = await outsider.post(`/console/inbox/${ids.older}/answer`, { text: "" });
    assert.equal(empty.status, 404, "an empty answer to someone else's conversation is 404 too");
    assert.equal((await outsider.post(`/console/inbox/${ids.older}/close`, {})).status, 404);
    assert.deepEqual(await messagesOf(ids.older), before);
    const row = await db()
      .selectFrom("conversations")
      .select("handed_over_at")
      .where("id", "=", ids.older)
      .executeTakeFirstOrThrow();
    assert.ok(row.handed_over_at, "still with the operator");
    assert.equal((await operator.get("/console/inbox/999999999")).status, 404);
    assert.equal((await operator.get("/console/inbox/abc")).status, 404);
  });

  test("closing gives the chat back to the bot; its page then shows the 409's words instead of the form", async () => {
    await operator.get(`/console/inbox/${ids.older}`);
    const closed = await operator.post(`/console/inbox/${ids.older}/close`, {}, { follow: false });
    assert.equal(closed.status, 303);
    assert.equal(closed.location, "/console/inbox?done=closed");
    const list = await operator.get(closed.location!);
    assert.match(textOf(list.body), /Розмову завершено: чат знову з ботом\./);
    assert.ok(!textOf(list.body).includes("Олена Коваленко"), "it left the list");
    const row = await db()
      .selectFrom("conversations")
      .select(["handed_over_at", "state"])
      .where("id", "=", ids.older)
      .executeTakeFirstOrThrow();
    assert.equal(row.handed_over_at, null);

    const page = await operator.get(`/console/inbox/${ids.older}`);
    assert.equal(page.status, 200);
    assert.match(textOf(page.body), /Цю розмову вже завершено: абонент знову спілкується з ботом\./);
    assert.ok(!page.body.includes("<textarea"), "no answer form");
    assert.ok(!page.body.includes(`/console/inbox/${ids.older}/close"`), "no close button");

    // A form left open in another tab: the 409, nothing written.
    const before = await messagesOf(ids.older);
    const late = await operator.post(`/console/inbox/${ids.older}/answer`, { text: "Ще одне" });
    assert.equal(late.status, 409);
    assert.match(
      late.body,
      /<a href="#answer">Цю розмову вже завершено: абонент знову спілкується з ботом\.<\/a>/,
    );
    assert.deepEqual(await messagesOf(ids.older), before);
  });

  test("a platform administrator reads a provider's inbox by ?provider= and stays on it", async () => {
    const platform = await signedInStaff(app, "platformAdmin");
    const list = await platform.get("/console/inbox?provider=deu");
    assert.equal(list.status, 200);
    assert.match(list.body, new RegExp(`href="/console/inbox/${ids.newer}\\?provider=deu"`));
    const page = await platform.get(`/console/inbox/${ids.newer}?provider=deu`);
    assert.match(page.body, new RegExp(`action="/console/inbox/${ids.newer}/answer\\?provider=deu"`));
    const vkg = textOf((await platform.get("/console/inbox?provider=mariupol-vkg")).body);
    assert.ok(vkg.includes("Маріуполь") && !vkg.includes("Петро Сидоренко"));
  });
});
