// A chat's conversation as the engine keeps it: loaded at each message and saved after it, so any app process
// can take the next one. The first message makes it.
import type { ChatPlatform, ConversationRow } from "../../db/tables/conversations.table.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";

export interface ChatAddress {
  platform: ChatPlatform;
  bot: string;
  chatId: string;
}

export interface Conversation {
  id: number;
  chat: ChatAddress;
  locale: Locale | null;
  state: Record<string, unknown>;
  displayName: string | null;
  subscribed: boolean;
  handedOverAt: Date | null;
  providerId: number | null;
}

function fromRow(row: ConversationRow): Conversation {
  return {
    id: row.id,
    chat: { platform: row.platform, bot: row.bot, chatId: row.chat_id },
    locale: row.locale,
    state: row.state,
    displayName: row.display_name,
    subscribed: row.subscribed,
    handedOverAt: row.handed_over_at,
    providerId: row.provider_id,
  };
}

/** The chat's conversation, made on its first message; an inbound message also restarts Messenger's 24 hours. */
export async function openConversation(
  deps: Deps,
  chat: ChatAddress,
  options: { displayName?: string; inbound: boolean },
): Promise<Conversation> {
  const now = deps.now();
  const row = await deps.database.db
    .insertInto("conversations")
    .values({
      platform: chat.platform,
      bot: chat.bot,
      chat_id: chat.chatId,
      state: JSON.stringify({}),
      display_name: options.displayName?.slice(0, 200) ?? null,
      last_inbound_at: options.inbound ? now : null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(["platform", "bot", "chat_id"]).doUpdateSet((eb) => ({
        display_name: options.displayName
          ? options.displayName.slice(0, 200)
          : eb.ref("conversations.display_name"),
        last_inbound_at: options.inbound ? now : eb.ref("conversations.last_inbound_at"),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

export type ConversationChange = Partial<
  Pick<Conversation, "locale" | "state" | "subscribed" | "handedOverAt" | "providerId">
>;

export async function saveConversation(deps: Deps, id: number, change: ConversationChange): Promise<void> {
  await deps.database.db
    .updateTable("conversations")
    .set({
      ...(change.locale !== undefined ? { locale: change.locale } : {}),
      ...(change.state !== undefined ? { state: JSON.stringify(change.state) } : {}),
      ...(change.subscribed !== undefined ? { subscribed: change.subscribed } : {}),
      ...(change.handedOverAt !== undefined ? { handed_over_at: change.handedOverAt } : {}),
      ...(change.providerId !== undefined ? { provider_id: change.providerId } : {}),
      updated_at: deps.now(),
    })
    .where("id", "=", id)
    .execute();
}

/** A message said while the conversation was with the contact centre, for the operator's inbox. */
export async function addConversationMessage(
  deps: Deps,
  conversationId: number,
  message: { direction: "in" | "out"; body: string; staffUserId?: number },
): Promise<void> {
  await deps.database.db
    .insertInto("conversation_messages")
    .values({
      conversation_id: conversationId,
      direction: message.direction,
      staff_user_id: message.staffUserId ?? null,
      body: message.body.slice(0, 4000),
      created_at: deps.now(),
    })
    .execute();
}
