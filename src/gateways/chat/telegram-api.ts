// Telegram's Bot API through grammY's client, at TELEGRAM_API_BASE (a local fake in tests, a Bot API server of
// one's own in production). Buttons are an inline keyboard; a document goes by sendDocument as a multipart upload.
import { Api, GrammyError, InputFile } from "grammy";
import type { ChatClient, ChatOutgoing } from "./chat-message.ts";
import { ChatRateLimited } from "./chat-rate-limited.ts";

export const TELEGRAM_PUBLIC_API = "https://api.telegram.org";

export function telegramClient(options: { token: string; apiBase?: string }): ChatClient {
  const api = new Api(options.token, { apiRoot: options.apiBase ?? TELEGRAM_PUBLIC_API });
  return {
    async send(chatId, message) {
      try {
        await sendTo(api, chatId, message);
      } catch (e) {
        if (e instanceof GrammyError && e.error_code === 429)
          throw new ChatRateLimited(e.parameters.retry_after ?? 1);
        throw e;
      }
    },
  };
}

async function sendTo(api: Api, chatId: string, message: ChatOutgoing): Promise<void> {
  if (message.kind === "document") {
    await api.sendDocument(chatId, new InputFile(message.content, message.fileName), {
      ...(message.caption ? { caption: message.caption } : {}),
    });
    return;
  }
  const rows = (message.buttons ?? []).map((row) =>
    row.map((b) => ({ text: b.label, callback_data: b.payload })),
  );
  const linkRow = message.link ? [[{ text: message.link.label, url: message.link.url }]] : [];
  const keyboard = [...rows, ...linkRow];
  await api.sendMessage(chatId, message.text, {
    ...(keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}),
  });
}
