// One webhook delivery of a messenger, parsed: which bot, which chat, the platform's own id for it (platforms
// resend, and this id makes the second delivery a no-op), and what the person did.
import type { ChatPlatform } from "../../db/tables/conversations.table.ts";
import type { Incoming } from "../conversation/incoming.ts";

export interface BotUpdate {
  platform: ChatPlatform;
  /** '' for the platform-wide bot from the environment; a provider's own bot's key otherwise. */
  bot: string;
  /** Telegram's update_id, Viber's message_token, Messenger's message mid or a postback's own key. */
  updateId: string;
  chatId: string;
  /** The person's name as the platform shows it, for the operator's inbox. */
  displayName?: string;
  incoming: Incoming;
}
