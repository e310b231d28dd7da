// Facebook Messenger's Send API at MESSENGER_API_BASE (a local fake in tests): POST /me/messages with the page
// token. Buttons become quick replies (their payload comes back with the reply); a link is a button template with
// a web_url button; a document is uploaded as a file attachment in a multipart body.
import type { ChatButton, ChatClient, ChatLink, ChatOutgoing } from "./chat-message.ts";
import { ChatRateLimited } from "./chat-rate-limited.ts";

export const MESSENGER_PUBLIC_API = "https://graph.facebook.com/v21.0";

/** Messenger's limits: 13 quick replies of 20 characters, 2000 characters of text, 640 in a template. */
const MAX_QUICK_REPLIES = 13;
const TITLE = 20;
const TEXT = 2000;
const TEMPLATE_TEXT = 640;
/** Graph API codes for "too many calls" (the application's and the page's limits). */
const THROTTLED = new Set([4, 32, 613]);
/** The Graph API names no wait; a few seconds lets a per-second limit pass without holding a reply long. */
const RETRY_AFTER_S = 5;

const title = (label: string) => (label.length > TITLE ? `${label.slice(0, TITLE - 1)}…` : label);

export function quickReplies(buttons: ChatButton[][]) {
  return buttons
    .flat()
    .slice(0, MAX_QUICK_REPLIES)
    .map((b) => ({ content_type: "text", title: title(b.label), payload: b.payload }));
}

function textMessage(
  text: string,
  buttons: ChatButton[][],
  link: ChatLink | undefined,
): Record<string, unknown> {
  const replies = quickReplies(buttons);
  const withReplies = replies.length > 0 ? { quick_replies: replies } : {};
  if (!link) return { text: text.slice(0, TEXT), ...withReplies };
  return {
    attachment: {
      type: "template",
      payload: {
        template_type: "button",
        text: text.slice(0, TEMPLATE_TEXT),
        buttons: [{ type: "web_url", url: link.url, title: title(link.label) }],
      },
    },
    ...withReplies,
  };
}

export function messengerClient(options: { pageToken: string; apiBase?: string }): ChatClient {
  const url = `${options.apiBase ?? MESSENGER_PUBLIC_API}/me/messages?access_token=${encodeURIComponent(options.pageToken)}`;

  async function post(body: string | FormData): Promise<void> {
    const response = await fetch(url, {
      method: "POST",
      ...(typeof body === "string" ? { headers: { "content-type": "application/json" } } : {}),
      body,
    });
    if (response.ok) {
      await response.arrayBuffer();
      return;
    }
    const answer = (await response.json().catch(() => ({}))) as {
      error?: { code?: number; message?: string };
    };
    const code = answer.error?.code;
    if (response.status === 429 || (code !== undefined && THROTTLED.has(code)))
      throw new ChatRateLimited(Number(response.headers.get("retry-after")) || RETRY_AFTER_S);
    throw new Error(
      `messenger: ${answer.error?.message ?? `HTTP ${response.status}`} (code ${code ?? "none"})`,
    );
  }

  async function send(chatId: string, message: ChatOutgoing): Promise<void> {
    const recipient = JSON.stringify({ id: chatId });
    if (message.kind === "document") {
      // An attachment carries no text: the caption goes first, on its own.
      if (message.caption)
        await post(
          JSON.stringify({
            recipient: { id: chatId },
            messaging_type: "RESPONSE",
            message: { text: message.caption },
          }),
        );
      const form = new FormData();
      form.append("recipient", recipient);
      form.append("messaging_type", "RESPONSE");
      form.append(
        "message",
        JSON.stringify({ attachment: { type: "file", payload: { is_reusable: false } } }),
      );
      form.append(
        "filedata",
        new Blob([Buffer.from(message.content)], { type: message.mediaType }),
        message.fileName,
      );
      await post(form);
      return;
    }
    const body = textMessage(message.text, message.buttons ?? [], message.link);
    await post(JSON.stringify({ recipient: { id: chatId }, messaging_type: "RESPONSE", message: body }));
  }

  return { send };
}
