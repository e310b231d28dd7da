// The settings page's "Messengers" part as a resident uses it: the button asks for a code, the answer shows it once
// (grouped 1234 5678, not kept by a cache, not in any URL) with its expiry in Kyiv time and where to type it; the
// code shown is the one the conversation engine accepts to link a chat, once.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { hashPassword } from "../../src/services/auth/password.ts";
import { linkChatByCode } from "../../src/services/conversations/chat-link-code.ts";
import { AppError } from "../../src/services/errors.ts";
import { callUseCase } from "../../src/services/registry.ts";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

const PASSWORD = "quiet morning by the river";

forEachDatabase("cabinet: settings, linking a messenger", (get) => {
  let app: FastifyInstance;
  let userId: number;
  before(async () => {
    const user = await get()
      .database.db.insertInto("users")
      .values({
        email: "marta@chat-link.test",
        phone: null,
        full_name: "Марта",
        password_hash: await hashPassword(PASSWORD),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    userId = user.id;
    app = await quietApp(get().deps);
  });
  after(async () => {
    await app?.close();
  });

  async function signedIn(ip: string) {
    const client = new CabinetClient(app, { ip });
    await client.signIn("marta@chat-link.test", PASSWORD);
    assert.ok(client.cookie("abonent_session"), "signed in");
    return client;
  }

  test("the overview has a Messengers part with a button that posts for a code", async () => {
    const client = await signedIn("10.41.0.1");
    const page = await client.get("/settings");
    assert.equal(page.status, 200);
    assert.match(page.body, /<h2 id="messengers">Месенджери<\/h2>/);
    assert.match(
      page.body,
      /<form method="post" action="\/settings\/chat-link-code" novalidate><input type="hidden" name="_csrf" value="[^"]+"><button type="submit" class="secondary">Отримати код для прив’язки Telegram, Viber або Messenger<\/button><\/form>/,
    );
    // A reload of the answer's address goes back to the settings rather than showing a code by GET.
    const again = await client.get("/settings/chat-link-code", { follow: false });
    assert.equal(again.status, 303);
    assert.equal(again.location, "/settings#messengers");
  });

  test("the code is shown once with its Kyiv expiry and where to type it, and it links a chat once", async () => {
    get().setNow("2026-11-25T10:00:00Z");
    const client = await signedIn("10.41.0.2");
    await client.get("/settings");
    const answer = await client.post("/settings/chat-link-code", {}, { follow: false });
    assert.equal(answer.status, 201);
    assert.equal(answer.location, undefined, "no redirect: the code is in this answer only");
    assert.equal(answer.headers["cache-control"], "no-store");
    const text = textOf(answer.body);
    const shown = /Ваш код (\d{4}) (\d{4})/.exec(text);
    assert.ok(shown, text);
    const code = `${shown[1]}${shown[2]}`;
    // 15 minutes after 10:00 UTC is 12:15 in Kyiv (UTC+2 in November).
    assert.match(text, /Дійсний до 12:15 .*2026.* \(за київським часом\), один раз\./);
    assert.match(
      text,
      /просто надішліть йому цей код\. Або: \/start чи «меню» → «Прив’язати рахунок» → «Код з кабінету»/,
    );
    assert.ok(
      !answer.url.includes(code) && !JSON.stringify(answer.headers).includes(code),
      "not in a URL or header",
    );

    // As the bot does with what the person typed: the spaces do not matter.
    const chat = { platform: "telegram" as const, bot: "", chatId: "5550001" };
    get().setNow("2026-11-25T10:05:00Z");
    assert.deepEqual(await linkChatByCode(get().deps, chat, `${shown[1]} ${shown[2]}`), { userId });
    const identity = await get()
      .database.db.selectFrom("identities")
      .select(["user_id", "verified_at"])
      .where("kind", "=", "telegram")
      .where("external_id", "=", "5550001")
      .executeTakeFirstOrThrow();
    assert.equal(Number(identity.user_id), userId);
    assert.ok(identity.verified_at);
    await assert.rejects(
      linkChatByCode(get().deps, { ...chat, chatId: "5550002" }, code),
      (e) => e instanceof AppError && e.code === "code_invalid",
      "used once",
    );
  });

  test("a new code replaces the old one; in English the words follow the language chosen", async () => {
    get().setNow("2026-11-25T11:00:00Z");
    const client = await signedIn("10.41.0.3");
    await client.get("/settings/language");
    await client.post("/settings/language", { locale: "en" });
    const first = /Your code (\d{4} \d{4})/.exec(
      textOf((await client.post("/settings/chat-link-code", {})).body),
    );
    await client.get("/settings");
    const second = textOf((await client.post("/settings/chat-link-code", {})).body);
    const latest = /Your code (\d{4} \d{4})/.exec(second);
    assert.ok(first && latest, second);
    assert.match(second, /Valid until 13:15 on .* \(Kyiv time\), once\./);
    assert.match(second, /“Link an account” → “Code from the cabinet”/);
    const chat = { platform: "viber" as const, bot: "", chatId: "viber-chat-1" };
    if (first[1] !== latest[1])
      await assert.rejects(
        linkChatByCode(get().deps, chat, first[1]!),
        (e) => e instanceof AppError && e.code === "code_invalid",
        "the older code no longer works",
      );
    assert.deepEqual(await linkChatByCode(get().deps, chat, latest[1]!), { userId });
  });
});

forEachDatabase("reminder choices and a chat that said STOP", (get) => {
  test("a linked chat is a reminder choice until the person says STOP in it", async () => {
    const { deps, database } = get();
    const user = await database.db
      .insertInto("users")
      .values({ email: "stop@chat-link.test", phone: null, full_name: "Стоп" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const actor = { kind: "resident" as const, userId: user.id, locale: "uk" as const };
    const context = { actor, channel: "web" as const, locale: "uk" as const };
    const { code } = await callUseCase(deps, "createChatLinkCode", context, {});
    const chat = { platform: "telegram" as const, bot: "", chatId: "5559001" };
    await linkChatByCode(deps, chat, code);
    assert.deepEqual((await callUseCase(deps, "getMySettings", context, {})).reminderChoices, [
      "email",
      "telegram",
      "none",
    ]);
    const at = new Date();
    await database.db
      .insertInto("conversations")
      .values({
        platform: "telegram",
        chat_id: "5559001",
        state: "{}",
        subscribed: false,
        created_at: at,
        updated_at: at,
      })
      .execute();
    assert.deepEqual((await callUseCase(deps, "getMySettings", context, {})).reminderChoices, [
      "email",
      "none",
    ]);
    await assert.rejects(
      callUseCase(deps, "setReminderChannel", context, { channel: "telegram" }),
      (e) => e instanceof AppError && e.code === "reminder_channel_unverified",
    );
  });
});
