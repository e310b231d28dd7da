// POST /webhooks/telegram (the platform-wide bot) and /webhooks/telegram/<key> (a provider's own bot): grammY in
// webhook mode. grammY checks the X-Telegram-Bot-Api-Secret-Token header against the bot's secret (401 when it
// differs); the bot's one middleware writes the update down and answers a button press so its spinner stops.

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Bot, webhookCallback } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { TELEGRAM_PUBLIC_API } from "../../../gateways/chat/telegram-api.ts";
import { findChatBot } from "../../../services/conversations/chat-bots.ts";
import type { Deps } from "../../../services/deps.ts";
import { acceptUpdate, type UpdateSink } from "../accept-update.ts";
import type { BotSettings } from "../bot-settings.ts";
import { parseTelegramUpdate } from "./telegram-update.ts";

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

// grammY asks getMe once before the first update unless it is told who the bot is; the webhook needs only the
// id, which is the token's first part, so no call leaves before the first answer.
function botInfoOf(token: string): UserFromGetMe {
  const id = Number(token.split(":")[0]) || 0;
  return {
    id,
    is_bot: true,
    first_name: "Abonent",
    username: "abonent_bot",
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  } as UserFromGetMe;
}

function makeHandler(
  deps: Deps,
  worker: UpdateSink,
  options: { key: string; token: string; secret: string; apiBase: string },
): Handler {
  const bot = new Bot(options.token, {
    botInfo: botInfoOf(options.token),
    client: { apiRoot: options.apiBase },
  });
  bot.use(async (ctx) => {
    const update = parseTelegramUpdate(ctx.update, options.key);
    if (!update) return;
    await acceptUpdate(deps, worker, update);
    if (ctx.callbackQuery) ctx.answerCallbackQuery().catch(() => {});
  });
  bot.catch((err) => deps.log?.warn({ err: err.error }, "telegram: an update was not taken"));
  return webhookCallback(bot, "fastify", {
    secretToken: options.secret,
    timeoutMilliseconds: 5000,
  }) as Handler;
}

export async function telegramWebhook(
  app: FastifyInstance,
  options: { deps: Deps; settings: BotSettings; worker: UpdateSink },
): Promise<void> {
  const { deps, settings, worker } = options;
  const route = { schema: { hide: true, body: { type: "object" } } };
  const telegram = settings.telegram;
  if (telegram) {
    const handler = makeHandler(deps, worker, {
      key: "",
      token: telegram.token,
      secret: telegram.webhookSecret,
      apiBase: telegram.apiBase,
    });
    app.post("/webhooks/telegram", route, (request, reply) => handler(request, reply));
  }
  // A provider's bot is read on each update, so a token or secret changed by `abonent bot set` counts at once;
  // grammY's handler is made again only when they changed.
  const handlers = new Map<string, { token: string; secret: string; handler: Handler }>();
  app.post<{ Params: { key: string } }>("/webhooks/telegram/:key", route, async (request, reply) => {
    const key = request.params.key;
    const bot = await findChatBot(deps, "telegram", key);
    if (!bot?.secret) return reply.code(404).send({ error: { code: "not_found" } });
    let made = handlers.get(key);
    if (!made || made.token !== bot.token || made.secret !== bot.secret) {
      const handler = makeHandler(deps, worker, {
        key,
        token: bot.token,
        secret: bot.secret,
        apiBase: telegram?.apiBase ?? settings.botApiBases?.telegram ?? TELEGRAM_PUBLIC_API,
      });
      made = { token: bot.token, secret: bot.secret, handler };
      handlers.set(key, made);
    }
    const { handler } = made;
    return handler(request, reply);
  });
}
