// What a person can be told about two-factor sign-in, in their language.
import type { ErrorSpec } from "../error-spec.ts";

export const TWO_FACTOR_ERROR_CODES = {
  second_factor_invalid: {
    status: 401,
    message: {
      uk: "Код не підходить. Введіть поточний код із застосунку-автентифікатора або один із резервних кодів.",
      ru: "Код не подходит. Введите текущий код из приложения-аутентификатора или один из резервных кодов.",
      en: "The code is not right. Please enter the current code from your authenticator app, or one of your recovery codes.",
    },
  },
  sign_in_challenge_expired: {
    status: 401,
    message: {
      uk: "Час на введення коду минув. Увійдіть ще раз.",
      ru: "Время на ввод кода истекло. Войдите ещё раз.",
      en: "The time to enter the code has run out. Please sign in again.",
    },
  },
  two_factor_already_on: {
    status: 409,
    message: {
      uk: "Двоетапний вхід уже ввімкнено.",
      ru: "Двухэтапный вход уже включён.",
      en: "Two-step sign-in is already on.",
    },
  },
  two_factor_not_started: {
    status: 409,
    message: {
      uk: "Спершу почніть налаштування двоетапного входу.",
      ru: "Сначала начните настройку двухэтапного входа.",
      en: "Please start setting up two-step sign-in first.",
    },
  },
  two_factor_off: {
    status: 409,
    message: {
      uk: "Двоетапний вхід не ввімкнено.",
      ru: "Двухэтапный вход не включён.",
      en: "Two-step sign-in is not on.",
    },
  },
  two_factor_code_invalid: {
    status: 422,
    message: {
      uk: "Код не підходить. Введіть 6 цифр, які зараз показує застосунок-автентифікатор.",
      ru: "Код не подходит. Введите 6 цифр, которые сейчас показывает приложение-аутентификатор.",
      en: "The code is not right. Please enter the 6 digits your authenticator app shows now.",
    },
  },
  two_factor_required_for_role: {
    status: 403,
    message: {
      uk: "Адміністратори не можуть вимкнути двоетапний вхід: він обов'язковий для їхньої ролі.",
      ru: "Администраторы не могут отключить двухэтапный вход: он обязателен для их роли.",
      en: "Administrators cannot turn two-step sign-in off: it is required for their role.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
