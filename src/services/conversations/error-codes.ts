// What the bots' inbox can refuse: an answer to a conversation the bot has back already.
import type { ErrorSpec } from "../error-spec.ts";

export const CONVERSATION_ERROR_CODES = {
  conversation_closed: {
    status: 409,
    message: {
      uk: "Цю розмову вже завершено: абонент знову спілкується з ботом.",
      ru: "Этот разговор уже завершён: абонент снова общается с ботом.",
      en: "This conversation has ended: the resident is back with the bot.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
