// What an SMS gateway can be told: a webhook whose signature does not match the shared secret.
import type { ErrorSpec } from "../error-spec.ts";

export const SMS_ERROR_CODES = {
  sms_signature_invalid: {
    status: 401,
    message: {
      uk: "Підпис повідомлення SMS-шлюзу не збігається.",
      ru: "Подпись сообщения SMS-шлюза не совпадает.",
      en: "The SMS gateway message's signature does not match.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
