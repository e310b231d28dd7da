// What a bot says, in no platform's terms: the conversation engine writes these and each messenger's client
// renders them (inline keyboards on Telegram, a keyboard on Viber, quick replies and buttons on Messenger).

/** A button the person can press; pressing it comes back as its payload (at most 64 bytes: Telegram's limit). */
export interface ChatButton {
  label: string;
  payload: string;
}

/** A button that opens a web page (paying in the cabinet). */
export interface ChatLink {
  label: string;
  url: string;
}

export type ChatOutgoing =
  | {
      kind: "text";
      text: string;
      /** Rows of buttons. */
      buttons?: ChatButton[][];
      link?: ChatLink;
    }
  | { kind: "document"; fileName: string; mediaType: string; content: Uint8Array; caption?: string };

/** Sends to one chat of one bot; throws ChatRateLimited on the platform's "too many requests". */
export interface ChatClient {
  send(chatId: string, message: ChatOutgoing): Promise<void>;
}
