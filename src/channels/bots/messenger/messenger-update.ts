// Messenger's webhook events, in the engine's words: a typed message, a quick reply (its payload is a button
// press), a postback (a template button, or the Get Started button: the chat began). Echoes of the page's own
// messages, deliveries and reads are not turns of the conversation.
import type { BotUpdate } from "../bot-update.ts";

/** The payload the page's Get Started button is set up with (docs/bots.md). */
export const GET_STARTED = "GET_STARTED";

export interface MessagingEvent {
  sender?: { id?: unknown };
  timestamp?: unknown;
  message?: { mid?: unknown; text?: unknown; is_echo?: unknown; quick_reply?: { payload?: unknown } };
  postback?: { payload?: unknown };
}

export interface MessengerBody {
  object?: unknown;
  entry?: { messaging?: MessagingEvent[] }[];
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

export function parseMessagingEvent(event: MessagingEvent, bot: string): BotUpdate | null {
  const chatId = text(event.sender?.id);
  if (!chatId || chatId.length > 200) return null;
  const base = { platform: "messenger" as const, bot, chatId };
  const message = event.message;
  if (message && message.is_echo !== true) {
    const mid = text(message.mid);
    if (!mid) return null;
    const payload = text(message.quick_reply?.payload);
    if (payload)
      return {
        ...base,
        updateId: mid.slice(0, 200),
        incoming: { kind: "button", payload: payload.slice(0, 64) },
      };
    const body = text(message.text);
    if (!body) return null;
    return { ...base, updateId: mid.slice(0, 200), incoming: { kind: "text", text: body.slice(0, 4000) } };
  }
  const payload = text(event.postback?.payload);
  if (payload) {
    const updateId = `postback:${chatId}:${String(event.timestamp ?? "")}`.slice(0, 200);
    if (payload === GET_STARTED) return { ...base, updateId, incoming: { kind: "start" } };
    return { ...base, updateId, incoming: { kind: "button", payload: payload.slice(0, 64) } };
  }
  return null;
}

/** Every turn in one delivery (Messenger batches events of several chats into one body). */
export function parseMessengerBody(body: MessengerBody, bot: string): BotUpdate[] {
  if (body.object !== "page" || !Array.isArray(body.entry)) return [];
  return body.entry
    .flatMap((entry) => (Array.isArray(entry?.messaging) ? entry.messaging : []))
    .map((event) => (event && typeof event === "object" ? parseMessagingEvent(event, bot) : null))
    .filter((u): u is BotUpdate => u !== null);
}
