// The bots' use cases over HTTP as an API client calls them: a resident's chat-link code, the contact centre's
// inbox (the operator's own provider only), and a provider's own bot registered by its administrator.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { BOT_NOW, seedBotRegion } from "../support/bot-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp, signInAs } from "../support/http.ts";

forEachDatabase("the bots' API", (get) => {
  let app: FastifyInstance;
  let resident: string;
  let operator: string;
  let administrator: string;

  before(async () => {
    await seedBotRegion(get());
    app = await quietApp(get().deps);
    resident = await signInAs(app, DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
    operator = await signInAs(app, DEMO_PEOPLE.operator.email, DEMO_PASSWORD);
    administrator = await signInAs(app, DEMO_PEOPLE.administrator.email, DEMO_PASSWORD);
  });
  after(() => app.close());

  test("POST /api/me/chat-link-code gives a resident eight digits; staff are refused", async () => {
    const res = await call(app, "POST", "/api/me/chat-link-code", { token: resident, body: {} });
    assert.equal(res.status, 201);
    assert.match(res.body.code, /^\d{8}$/);
    // Fifteen minutes from the region's clock.
    assert.equal(Date.parse(res.body.expiresAt), Date.parse(BOT_NOW) + 15 * 60_000);
    const staff = await call(app, "POST", "/api/me/chat-link-code", { token: operator, body: {} });
    assert.equal(staff.status, 403);
  });

  test("the inbox and a conversation: the operator's own provider only; an answer to a closed one is 409", async () => {
    const { db } = get().database;
    const deu = await db
      .selectFrom("providers")
      .select("id")
      .where("code", "=", "deu")
      .executeTakeFirstOrThrow();
    const at = new Date();
    const conversation = await db
      .insertInto("conversations")
      .values({
        platform: "viber",
        chat_id: "api-chat==",
        display_name: "Ганна",
        state: "{}",
        handed_over_at: at,
        provider_id: deu.id,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const inbox = await call(app, "GET", "/api/providers/deu/inbox", { token: operator });
    assert.equal(inbox.status, 200);
    assert.ok(inbox.body.some((i: { id: number }) => i.id === conversation.id));
    assert.equal(
      (await call(app, "GET", "/api/providers/mariupol-vkg/inbox", { token: operator })).status,
      404,
    );
    assert.equal((await call(app, "GET", "/api/providers/deu/inbox", { token: resident })).status, 404);

    const url = `/api/conversations/${conversation.id}`;
    const empty = await call(app, "POST", `${url}/answers`, { token: operator, body: { text: "   " } });
    assert.equal(empty.status, 400);
    const answered = await call(app, "POST", `${url}/answers`, {
      token: operator,
      body: { text: "Добрий день" },
    });
    assert.equal(answered.status, 201);
    const view = await call(app, "GET", url, { token: operator });
    assert.deepEqual(
      view.body.messages.map((m: { direction: string; body: string }) => [m.direction, m.body]),
      [["out", "Добрий день"]],
    );
    assert.equal((await call(app, "POST", `${url}/close`, { token: operator, body: {} })).status, 200);
    const late = await call(app, "POST", `${url}/answers`, { token: operator, body: { text: "Ще одне" } });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, "conversation_closed");
  });

  test("PUT a provider's own bot: its administrator may, an operator may not; no secret for Telegram is 422", async () => {
    const url = "/api/providers/deu/bots/viber/deu-viber";
    const created = await call(app, "PUT", url, { token: administrator, body: { token: "viber-token" } });
    assert.equal(created.status, 200);
    assert.equal(created.body.created, true);
    assert.equal(created.body.bot.webhookPath, "/webhooks/viber/deu-viber");
    assert.equal(JSON.stringify(created.body).includes("viber-token"), false);
    assert.equal((await call(app, "PUT", url, { token: operator, body: { token: "x" } })).status, 403);
    const telegram = await call(app, "PUT", "/api/providers/deu/bots/telegram/deu-tg", {
      token: administrator,
      body: { token: "1:T" },
    });
    assert.equal(telegram.status, 422);
    assert.equal(telegram.body.error.code, "bot_secret_required");
    const list = await call(app, "GET", "/api/providers/deu/bots", { token: administrator });
    assert.deepEqual(
      list.body.map((b: { platform: string; key: string }) => `${b.platform}/${b.key}`),
      ["viber/deu-viber"],
    );
  });
});
