// The messengers' webhooks and the worker that answers them, as one Fastify plugin: /webhooks/telegram,
// /webhooks/viber, /webhooks/messenger (and /webhooks/<platform>/<key> for providers' own bots).
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Deps } from "../../services/deps.ts";
import { BotClients } from "./bot-clients.ts";
import type { BotSettings } from "./bot-settings.ts";
import { messengerWebhook } from "./messenger/messenger-webhook.ts";
import { telegramWebhook } from "./telegram/telegram-webhook.ts";
import { UpdateWorker } from "./update-worker.ts";
import { viberWebhook } from "./viber/viber-webhook.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** The bots' worker (tests wait for it to finish a conversation's turn). */
    botWorker: UpdateWorker;
  }
}

async function bots(app: FastifyInstance, options: { deps: Deps; settings: BotSettings }): Promise<void> {
  const { deps, settings } = options;
  const clients = new BotClients(deps, settings);
  const anyBot = Boolean(settings.telegram ?? settings.viber ?? settings.messenger);
  const worker = new UpdateWorker(deps, clients, deps.log, anyBot);
  app.decorate("botWorker", worker);
  app.addHook("onClose", () => worker.stop());
  await app.register(telegramWebhook, { deps, settings, worker });
  await app.register(viberWebhook, { deps, settings, worker });
  await app.register(messengerWebhook, { deps, settings, worker });
}

export const botsPlugin = fp(bots, { name: "bots" });
