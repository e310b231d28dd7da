// Which client sends into a chat of a given bot: the platform-wide bot from the environment (key ''), or a
// provider's own bot from the database (read each time, so a changed token counts at once). Clients are made once
// per bot and token and kept.
import type { ChatPlatform } from "../../db/tables/conversations.table.ts";
import type { ChatClient } from "../../gateways/chat/chat-message.ts";
import { messengerClient } from "../../gateways/chat/messenger-api.ts";
import { telegramClient } from "../../gateways/chat/telegram-api.ts";
import { viberClient } from "../../gateways/chat/viber-api.ts";
import { findChatBot } from "../../services/conversations/chat-bots.ts";
import type { Deps } from "../../services/deps.ts";
import type { BotSettings } from "./bot-settings.ts";
import { viberFileUrl } from "./viber/viber-files.ts";

type ClientFactory = (
  token: string,
  apiBase: string | undefined,
  bot: { deps: Deps; key: string },
) => ChatClient;

const FACTORIES: Partial<Record<ChatPlatform, ClientFactory>> = {
  telegram: (token, apiBase) => telegramClient({ token, ...(apiBase ? { apiBase } : {}) }),
  viber: (authToken, apiBase, bot) =>
    viberClient({ authToken, ...(apiBase ? { apiBase } : {}), fileUrl: viberFileUrl(bot.deps, bot.key) }),
  messenger: (pageToken, apiBase) => messengerClient({ pageToken, ...(apiBase ? { apiBase } : {}) }),
};

export class BotClients {
  private readonly made = new Map<string, ChatClient>();

  constructor(
    private readonly deps: Deps,
    private readonly settings: BotSettings,
  ) {}

  /** The platform's API address: the environment's (a local fake in tests), else the platform's public one. */
  apiBase(platform: ChatPlatform): string | undefined {
    return this.settings[platform]?.apiBase ?? this.settings.botApiBases?.[platform];
  }

  private platformToken(platform: ChatPlatform): string | undefined {
    if (platform === "telegram") return this.settings.telegram?.token;
    if (platform === "viber") return this.settings.viber?.authToken;
    return this.settings.messenger?.pageToken;
  }

  async client(platform: ChatPlatform, bot: string): Promise<ChatClient | undefined> {
    const factory = FACTORIES[platform];
    const token =
      bot === "" ? this.platformToken(platform) : (await findChatBot(this.deps, platform, bot))?.token;
    if (!factory || !token) return undefined;
    const key = `${platform}/${bot}/${token}`;
    const known = this.made.get(key);
    if (known) return known;
    const client = factory(token, this.apiBase(platform), { deps: this.deps, key: bot });
    this.made.set(key, client);
    return client;
  }
}
