import type { Generated, JSONColumnType, Selectable } from "kysely";
import type { Locale } from "./people.table.ts";

/** The messengers a bot answers in. */
export type ChatPlatform = "telegram" | "viber" | "messenger";

export interface ChatBotsTable {
  id: Generated<number>;
  platform: ChatPlatform;
  key: string;
  provider_id: number;
  token: string;
  secret: string | null;
  verify_token: string | null;
  created_at: Generated<Date>;
}
export type ChatBot = Selectable<ChatBotsTable>;

export interface BotUpdatesTable {
  id: Generated<number>;
  platform: ChatPlatform;
  bot: Generated<string>;
  update_id: string;
  chat_id: string;
  incoming: JSONColumnType<Record<string, unknown>>;
  received_at: Date;
  processed_at: Date | null;
  error: string | null;
}

export interface ConversationsTable {
  id: Generated<number>;
  platform: ChatPlatform;
  bot: Generated<string>;
  chat_id: string;
  locale: Locale | null;
  state: JSONColumnType<Record<string, unknown>>;
  display_name: string | null;
  subscribed: Generated<boolean>;
  last_inbound_at: Date | null;
  handed_over_at: Date | null;
  provider_id: number | null;
  created_at: Date;
  updated_at: Date;
}
export type ConversationRow = Selectable<ConversationsTable>;

export interface ConversationMessagesTable {
  id: Generated<number>;
  conversation_id: number;
  direction: "in" | "out";
  staff_user_id: number | null;
  body: string;
  created_at: Date;
  sent_at: Date | null;
}

export interface ChatLinkCodesTable {
  code_hash: string;
  user_id: number;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}
