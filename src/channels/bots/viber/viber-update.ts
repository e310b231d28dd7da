// Viber's webhook events, in the engine's words: a text message (a keyboard reply is a text starting with
// VIBER_BUTTON: a button press), subscribed and conversation_started (the chat began), unsubscribed. Delivery
// receipts, the set-webhook check and non-text messages (stickers, pictures) are not turns of the conversation.
import { VIBER_BUTTON } from "../../../gateways/chat/viber-api.ts";
import type { BotUpdate } from "../bot-update.ts";

interface ViberUser {
  id?: unknown;
  name?: unknown;
}

export interface ViberEvent {
  event?: unknown;
  timestamp?: unknown;
  message_token?: unknown;
  sender?: ViberUser;
  user?: ViberUser;
  user_id?: unknown;
  message?: { type?: unknown; text?: unknown };
  subscribed?: unknown;
  context?: unknown;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

/**
 * Viber's message_token is a 64-bit integer, which JSON.parse rounds: two tokens close together would become one
 * and the second message be taken for a repeat. It is read from the raw body instead.
 */
export function messageTokenOf(raw: string): string | undefined {
  return /"message_token"\s*:\s*"?(\d{1,30})"?/.exec(raw)?.[1];
}

export function parseViberEvent(event: ViberEvent, raw: string, bot: string): BotUpdate | null {
  const kind = event.event;
  const person = kind === "message" ? event.sender : event.user;
  const chatId = text(person?.id) ?? text(event.user_id);
  if (!chatId || chatId.length > 200) return null;
  const updateId = messageTokenOf(raw) ?? `${String(kind)}:${chatId}:${String(event.timestamp ?? "")}`;
  const name = text(person?.name)?.slice(0, 200);
  const base = { platform: "viber" as const, bot, updateId, chatId, ...(name ? { displayName: name } : {}) };
  switch (kind) {
    case "message": {
      const body = event.message?.type === "text" ? text(event.message.text) : undefined;
      if (!body) return null;
      if (body.startsWith(VIBER_BUTTON))
        return {
          ...base,
          incoming: { kind: "button", payload: body.slice(VIBER_BUTTON.length, VIBER_BUTTON.length + 64) },
        };
      return { ...base, incoming: { kind: "text", text: body.slice(0, 4000) } };
    }
    case "subscribed":
      return { ...base, incoming: { kind: "start" } };
    case "conversation_started": {
      // Viber lets a bot write only to subscribers; one who is not yet gets the webhook's welcome answer alone.
      if (event.subscribed !== true) return null;
      const parameter = text(event.context)?.slice(0, 64);
      return { ...base, incoming: { kind: "start", ...(parameter ? { parameter } : {}) } };
    }
    case "unsubscribed":
      return { ...base, incoming: { kind: "unsubscribed" } };
    default:
      return null;
  }
}
