// Providers' own bots: registered through `abonent bot set` (real processes), refused without the secret their
// platform signs with; then a provider's Telegram bot answers at /webhooks/telegram/<key> with its own token and
// hands its conversations to that provider's contact centre. An unknown key is 404.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/channels/http/app.ts";
import { cliContext } from "../../src/cli/cli-context.ts";
import { migrate } from "../../src/db/migrate.ts";
import { loadReference } from "../../src/demo/load-reference.ts";
import { callUseCase } from "../../src/services/registry.ts";
import { type BotRegion, seedBotRegion } from "../support/bot-region.ts";
import { cliTargets } from "../support/cli.ts";
import { forEachDatabase } from "../support/databases.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";

for (const target of cliTargets("bots")) {
  describe(`abonent bot [${target.name}]`, () => {
    before(async () => {
      await target.prepare();
      await target.read(async (database) => {
        await migrate(database);
        await database.db.transaction().execute((trx) => loadReference(trx, "2026-11-25"));
      });
    });
    after(() => target.dispose());

    test("set registers a provider's bot, list shows it without its token; mistakes are usage errors", async () => {
      const set = await target.run([
        "bot",
        "set",
        "deu-telegram",
        "--provider",
        "deu",
        "--platform",
        "telegram",
        "--token",
        "999:PROVIDER",
        "--secret",
        "provider_secret",
      ]);
      assert.equal(set.code, 0, set.stderr);
      assert.match(
        set.stdout,
        /created telegram deu-telegram — deu, webhook \/webhooks\/telegram\/deu-telegram/,
      );
      const list = await target.run(["bot", "list", "--provider", "deu", "--json"]);
      assert.equal(list.code, 0, list.stderr);
      const bots = list.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      assert.deepEqual(
        bots.map((b: { key: string; hasSecret: boolean }) => [b.key, b.hasSecret]),
        [["deu-telegram", true]],
      );
      assert.doesNotMatch(list.stdout, /999:PROVIDER/);

      const noSecret = await target.run([
        "bot",
        "set",
        "deu-2",
        "--provider",
        "deu",
        "--platform",
        "telegram",
        "--token",
        "1:X",
      ]);
      assert.equal(noSecret.code, 2);
      assert.match(noSecret.stderr, /secret/);
      const badKey = await target.run([
        "bot",
        "set",
        "Bad Key",
        "--provider",
        "deu",
        "--platform",
        "viber",
        "--token",
        "t",
      ]);
      assert.equal(badKey.code, 2);
      const noProvider = await target.run([
        "bot",
        "set",
        "x",
        "--provider",
        "nobody",
        "--platform",
        "viber",
        "--token",
        "t",
      ]);
      assert.equal(noProvider.code, 2);
      assert.match(noProvider.stderr, /no provider "nobody"/);
      const rows = await target.read(({ db }) => db.selectFrom("chat_bots").select("key").execute());
      assert.deepEqual(
        rows.map((r) => r.key),
        ["deu-telegram"],
      );
    });
  });
}

forEachDatabase("a provider's own Telegram bot", (get) => {
  let fake: FakeTelegram;
  let app: FastifyInstance;
  let region: BotRegion;

  before(async () => {
    region = await seedBotRegion(get());
    fake = await FakeTelegram.start();
    // No platform-wide bot: only the provider's, reached through the same API address.
    app = await buildApp({
      deps: get().deps,
      config: {
        logLevel: "silent",
        production: false,
        botApiBases: { telegram: fake.apiBase, viber: fake.apiBase, messenger: fake.apiBase },
      },
      logger: false,
    });
    await callUseCase(get().deps, "saveProviderBot", cliContext("en"), {
      provider: "mariupol-vkg",
      platform: "telegram",
      key: "vkg",
      token: "777:VKG",
      secret: "vkg_secret",
    });
  });
  after(async () => {
    await app.close();
    await fake.close();
  });

  const post = async (url: string, secret: string, update: object) => {
    const res = await app.inject({
      method: "POST",
      url,
      headers: { "x-telegram-bot-api-secret-token": secret },
      payload: update,
    });
    await app.botWorker.idle();
    return res.statusCode;
  };
  const message = (id: number, chat: number, text: string) => ({
    update_id: id,
    message: {
      message_id: id,
      date: 1764316800,
      chat: { id: chat, type: "private" },
      from: { id: chat, is_bot: false, first_name: "Оля" },
      text,
    },
  });

  test("it answers with its own token; the platform-wide path and an unknown key are not there", async () => {
    assert.equal(await post("/webhooks/telegram/vkg", "vkg_secret", message(1, 900, "/start")), 200);
    const sent = fake.sentTo(900);
    assert.ok(sent.length > 0);
    assert.ok(sent.every((c) => c.token === "777:VKG"));
    assert.equal(await post("/webhooks/telegram/vkg", "wrong", message(2, 900, "меню")), 401);
    assert.equal(await post("/webhooks/telegram/nobody", "vkg_secret", message(3, 900, "меню")), 404);
    assert.equal(await post("/webhooks/telegram", "vkg_secret", message(4, 900, "меню")), 404);
  });

  test("its conversations go to its provider's contact centre, not another's", async () => {
    assert.equal(await post("/webhooks/telegram/vkg", "vkg_secret", message(10, 901, "оператор")), 200);
    const { db } = get().database;
    const row = await db
      .selectFrom("conversations as c")
      .innerJoin("providers as p", "p.id", "c.provider_id")
      .select(["p.code", "c.bot", "c.handed_over_at"])
      .where("c.chat_id", "=", "901")
      .executeTakeFirstOrThrow();
    assert.deepEqual([row.code, row.bot, row.handed_over_at !== null], ["mariupol-vkg", "vkg", true]);
    const deu = await callUseCase(
      get().deps,
      "listInbox",
      { actor: region.operator, channel: "contact_centre", locale: "uk" },
      { provider: "deu" },
    );
    assert.equal(
      deu.some((i) => i.displayName === "Оля"),
      false,
    );
  });
  test("a secret and token changed by the administrator count from the next update", async () => {
    await callUseCase(get().deps, "saveProviderBot", cliContext("en"), {
      provider: "mariupol-vkg",
      platform: "telegram",
      key: "vkg",
      token: "778:VKG-NEW",
      secret: "vkg_secret_2",
    });
    assert.equal(await post("/webhooks/telegram/vkg", "vkg_secret", message(20, 902, "/start")), 401);
    assert.equal(await post("/webhooks/telegram/vkg", "vkg_secret_2", message(21, 902, "/start")), 200);
    const sent = fake.sentTo(902);
    assert.ok(sent.length > 0);
    assert.ok(sent.every((c) => c.token === "778:VKG-NEW"));
  });
});
