// What the bots' use cases can refuse: an answer to a conversation the bot has back already, a provider's bot
// without the secret its platform signs with, a key another provider's bot has.
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
  bot_secret_required: {
    status: 422,
    message: {
      uk: "Потрібен секрет вебхука: для Telegram — secret_token, для Messenger — секрет застосунку й токен перевірки.",
      ru: "Нужен секрет вебхука: для Telegram — secret_token, для Messenger — секрет приложения и токен проверки.",
      en: "The webhook needs its secret: Telegram's secret_token, or Messenger's app secret and verify token.",
    },
  },
  bot_key_taken: {
    status: 409,
    message: {
      uk: "Цей ключ бота вже використовує інший постачальник. Оберіть інший.",
      ru: "Этот ключ бота уже использует другой поставщик. Выберите другой.",
      en: "Another provider's bot has this key. Please choose another.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
