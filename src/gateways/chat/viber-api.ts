// Viber's REST bot API at VIBER_API_BASE (a local fake in tests): POST /pa/send_message with the auth token in
// X-Viber-Auth-Token. Buttons become a keyboard whose replies come back as text starting with VIBER_BUTTON; a link
// is an open-url button. Viber takes files only by URL, so a document goes as a link to a short-lived address on
// this app (made by `fileUrl`), or, without one, as its caption alone.
import type { ChatButton, ChatClient, ChatLink, ChatOutgoing } from "./chat-message.ts";
import { ChatRateLimited } from "./chat-rate-limited.ts";

export const VIBER_PUBLIC_API = "https://chatapi.viber.com";
/** What a keyboard button's ActionBody starts with: a reply starting with it is a button press, not typed text. */
export const VIBER_BUTTON = "btn:";
export const VIBER_SENDER = { name: "Абонент" };

/** Viber's status for "too many requests". */
const THROTTLED = 12;
const COLUMNS = 6;
/** Viber shows at most 24 buttons in a keyboard. */
const MAX_BUTTONS = 24;

/** A public address Viber can fetch a document from, or null when there is none. */
export type ViberFileUrl = (
  chatId: string,
  file: { fileName: string; mediaType: string },
) => Promise<string | null>;

export interface ViberButton {
  Columns: number;
  Rows: 1;
  ActionType: "reply" | "open-url";
  ActionBody: string;
  Text: string;
}

export interface ViberKeyboard {
  Type: "keyboard";
  DefaultHeight: false;
  Buttons: ViberButton[];
}

/** Each row's six columns shared among its buttons (the first ones take what does not divide). */
function rowButtons(row: { text: string; body: string; type: ViberButton["ActionType"] }[]): ViberButton[] {
  const base = Math.floor(COLUMNS / row.length);
  const extra = COLUMNS - base * row.length;
  return row.map((b, i) => ({
    Columns: base + (i < extra ? 1 : 0),
    Rows: 1,
    ActionType: b.type,
    ActionBody: b.body,
    Text: b.text,
  }));
}

export function viberKeyboard(buttons: ChatButton[][], link?: ChatLink): ViberKeyboard | undefined {
  type Row = { text: string; body: string; type: ViberButton["ActionType"] }[];
  const rows: Row[] = buttons
    .filter((row) => row.length > 0)
    .map((row) =>
      row.slice(0, COLUMNS).map((b) => ({ text: b.label, body: VIBER_BUTTON + b.payload, type: "reply" })),
    );
  if (link) rows.push([{ text: link.label, body: link.url, type: "open-url" }]);
  if (rows.length === 0) return undefined;
  return { Type: "keyboard", DefaultHeight: false, Buttons: rows.flatMap(rowButtons).slice(0, MAX_BUTTONS) };
}

export function viberClient(options: {
  authToken: string;
  apiBase?: string;
  fileUrl?: ViberFileUrl;
}): ChatClient {
  const url = `${options.apiBase ?? VIBER_PUBLIC_API}/pa/send_message`;

  async function post(body: Record<string, unknown>): Promise<void> {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-viber-auth-token": options.authToken },
      body: JSON.stringify({ sender: VIBER_SENDER, ...body }),
    });
    if (response.status === 429) throw new ChatRateLimited(Number(response.headers.get("retry-after")) || 1);
    if (!response.ok) throw new Error(`viber: HTTP ${response.status}`);
    const answer = (await response.json()) as { status?: number; status_message?: string };
    if (answer.status === 0) return;
    if (answer.status === THROTTLED) throw new ChatRateLimited(1);
    throw new Error(`viber: ${answer.status_message ?? "error"} (status ${answer.status})`);
  }

  async function send(chatId: string, message: ChatOutgoing): Promise<void> {
    if (message.kind === "document") {
      const media = await options.fileUrl?.(chatId, message);
      // A file message carries no text: the caption goes first, on its own.
      if (message.caption || !media)
        await post({ receiver: chatId, type: "text", text: message.caption ?? message.fileName });
      if (media)
        await post({
          receiver: chatId,
          type: "file",
          media,
          size: message.content.byteLength,
          file_name: message.fileName,
        });
      return;
    }
    const keyboard = viberKeyboard(message.buttons ?? [], message.link);
    await post({ receiver: chatId, type: "text", text: message.text, ...(keyboard ? { keyboard } : {}) });
  }

  return { send };
}
