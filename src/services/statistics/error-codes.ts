// What an administrator can be told about the statistics they asked for.
import type { ErrorSpec } from "../error-spec.ts";

export const STATISTICS_ERROR_CODES = {
  statistics_range_invalid: {
    status: 422,
    message: {
      uk: "Оберіть місяці від {from} до {to} так, щоб перший не був пізніше за останній, і не більше ніж {max} місяців.",
      ru: "Выберите месяцы от {from} до {to} так, чтобы первый не был позже последнего, и не больше {max} месяцев.",
      en: "Choose months from {from} to {to} so that the first is not after the last, and no more than {max} months.",
    },
  },
  statistics_period_ahead: {
    status: 422,
    message: {
      uk: "Місяць {period} ще не настав: статистика є до {current} включно.",
      ru: "Месяц {period} ещё не наступил: статистика есть до {current} включительно.",
      en: "The month {period} has not begun yet: statistics go up to {current}.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
