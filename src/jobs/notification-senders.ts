// The outbox's senders for the messengers: each chat message goes through the platform's ChatClient as plain text,
// after asking whether that chat may take it now (services/notifications/chat-reach.ts). A platform's "too many
// requests" pauses that channel (RetryLater); a chat that cannot take a notification hands it to e-mail or SMS.
// With the rates the platforms allow: Telegram about 30 messages a second per bot.
import type { Config } from "../config.ts";
import type { ChatPlatform } from "../db/tables/conversations.table.ts";
import type { OutboxChannel } from "../db/tables/identity.table.ts";
import type { ChatClient } from "../gateways/chat/chat-message.ts";
import { ChatRateLimited } from "../gateways/chat/chat-rate-limited.ts";
import { messengerClient } from "../gateways/chat/messenger-api.ts";
import { telegramClient } from "../gateways/chat/telegram-api.ts";
import { viberClient } from "../gateways/chat/viber-api.ts";
import type { Deps } from "../services/deps.ts";
import { chatRefusal, fallBackFromChat } from "../services/notifications/chat-reach.ts";
import {
  type DeliveryOptions,
  NotDeliverable,
  RetryLater,
  type Sender,
} from "../services/outbox/deliver-outbox.ts";
import { outboxWritten } from "../services/outbox/outbox-signal.ts";

/** Messages a second per bot (Telegram's documented broadcast limit; Viber and Messenger are kept as cautious). */
export const DEFAULT_CHAT_RATES: Record<ChatPlatform, number> = { telegram: 30, viber: 30, messenger: 30 };
/** Requests on their way at once per platform, so a slow answer does not lower the rate. */
const CHAT_CONCURRENCY = 8;

/** The outbox sender for one platform's chats. */
export function chatSender(deps: Deps, platform: ChatPlatform, client: ChatClient): Sender {
  return async (message) => {
    const refusal = await chatRefusal(deps, platform, message);
    if (refusal) {
      const fallback = await fallBackFromChat(deps, message, refusal);
      if (fallback.channel) outboxWritten(deps);
      throw new NotDeliverable(`${refusal}; ${fallback.channel ? `sent by ${fallback.channel}` : "dropped"}`);
    }
    try {
      await client.send(message.address, { kind: "text", text: message.body });
    } catch (e) {
      if (e instanceof ChatRateLimited) throw new RetryLater(e.retryAfterSeconds);
      throw e;
    }
  };
}

export interface ChatDelivery {
  senders: Partial<Record<OutboxChannel, Sender>>;
  options: Pick<DeliveryOptions, "ratePerSecond" | "concurrency">;
}

/** Senders and their pace for the platforms given clients. */
export function chatDelivery(
  deps: Deps,
  clients: Partial<Record<ChatPlatform, ChatClient>>,
  rates: Partial<Record<ChatPlatform, number>> = {},
): ChatDelivery {
  const delivery: ChatDelivery = { senders: {}, options: { ratePerSecond: {}, concurrency: {} } };
  for (const platform of Object.keys(clients) as ChatPlatform[]) {
    const client = clients[platform];
    if (!client) continue;
    delivery.senders[platform] = chatSender(deps, platform, client);
    delivery.options.ratePerSecond![platform] = rates[platform] ?? DEFAULT_CHAT_RATES[platform];
    delivery.options.concurrency![platform] = CHAT_CONCURRENCY;
  }
  return delivery;
}

/** The platform-wide bots' clients from the configuration (TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE, …). */
export function configuredChatClients(
  config: Pick<Config, "telegram" | "viber" | "messenger">,
): Partial<Record<ChatPlatform, ChatClient>> {
  const clients: Partial<Record<ChatPlatform, ChatClient>> = {};
  if (config.telegram)
    clients.telegram = telegramClient({ token: config.telegram.token, apiBase: config.telegram.apiBase });
  if (config.viber)
    clients.viber = viberClient({ authToken: config.viber.authToken, apiBase: config.viber.apiBase });
  if (config.messenger)
    clients.messenger = messengerClient({
      pageToken: config.messenger.pageToken,
      apiBase: config.messenger.apiBase,
    });
  return clients;
}
