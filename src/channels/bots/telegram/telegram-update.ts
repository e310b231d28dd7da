// Telegram's Update, in the engine's words: a text message (/start with its deep-link parameter is the start),
// an inline-keyboard button (callback_query), and the person blocking the bot (my_chat_member "kicked").
// Anything else (stickers, photos, edits) is not a turn of the conversation.
import type { Update } from "grammy/types";
import type { BotUpdate } from "../bot-update.ts";

function nameOf(from: { first_name: string; last_name?: string } | undefined): string | undefined {
  if (!from) return undefined;
  return [from.first_name, from.last_name].filter(Boolean).join(" ");
}

export function parseTelegramUpdate(update: Update, bot: string): BotUpdate | null {
  const base = { platform: "telegram" as const, bot, updateId: String(update.update_id) };
  const message = update.message;
  if (message && typeof message.text === "string") {
    const chatId = String(message.chat.id);
    const displayName = nameOf(message.from);
    const start = /^\/start(?:@\w+)?(?:\s+(\S+))?$/.exec(message.text.trim());
    const incoming = start
      ? { kind: "start" as const, ...(start[1] ? { parameter: start[1] } : {}) }
      : { kind: "text" as const, text: message.text.slice(0, 4000) };
    return { ...base, chatId, incoming, ...(displayName ? { displayName } : {}) };
  }
  const query = update.callback_query;
  if (query?.data) {
    const chatId = String(query.message?.chat.id ?? query.from.id);
    const displayName = nameOf(query.from);
    return {
      ...base,
      chatId,
      incoming: { kind: "button", payload: query.data },
      ...(displayName ? { displayName } : {}),
    };
  }
  const member = update.my_chat_member;
  if (member && member.new_chat_member.status === "kicked") {
    return { ...base, chatId: String(member.chat.id), incoming: { kind: "unsubscribed" } };
  }
  return null;
}
