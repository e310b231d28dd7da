// What a person did in a chat, in no platform's terms: each messenger's adapter turns its webhook payloads into
// these, and the conversation engine answers them. The voice bot will speak the same words.
export type Incoming =
  /** The chat began: Telegram's /start (with its deep-link parameter), Viber's conversation_started or subscribed,
   * Messenger's Get Started. */
  | { kind: "start"; parameter?: string }
  | { kind: "text"; text: string }
  /** A button pressed: the payload the engine put on it. */
  | { kind: "button"; payload: string }
  /** The person blocked the bot or unsubscribed: no more messages to this chat. */
  | { kind: "unsubscribed" };
