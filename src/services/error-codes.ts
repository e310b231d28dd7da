// Every error a user can meet: a stable code, its HTTP status, and its message in each language.
// Messages may hold {placeholders} filled from the error's params.
import type { Translated } from "../i18n/locale.ts";

export interface ErrorSpec {
  status: number;
  message: Translated;
}

export const ERROR_CODES = {
  validation_failed: {
    status: 400,
    message: {
      uk: "Перевірте введені дані: {details}",
      ru: "Проверьте введённые данные: {details}",
      en: "Please check the input: {details}",
    },
  },
  not_found: {
    status: 404,
    message: { uk: "Не знайдено.", ru: "Не найдено.", en: "Not found." },
  },
  database_unavailable: {
    status: 503,
    message: {
      uk: "Сервіс тимчасово недоступний. Спробуйте за кілька хвилин.",
      ru: "Сервис временно недоступен. Попробуйте через несколько минут.",
      en: "The service is temporarily unavailable. Please try again in a few minutes.",
    },
  },
  internal: {
    status: 500,
    message: {
      uk: "Сталася помилка. Ми вже знаємо про неї.",
      ru: "Произошла ошибка. Мы уже знаем о ней.",
      en: "Something went wrong. We have been notified.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;
