// What an operator can be told when deciding a reading flagged for review, in their language.
import type { ErrorSpec } from "../error-spec.ts";

export const REVIEW_ERROR_CODES = {
  reading_already_reviewed: {
    status: 409,
    message: {
      uk: "Ці показники вже не чекають на перевірку: їх {status, select, accepted {прийнято} rejected {відхилено} superseded {замінено новішими} other {опрацьовано}}.",
      ru: "Эти показания уже не ждут проверки: они {status, select, accepted {приняты} rejected {отклонены} superseded {заменены более новыми} other {обработаны}}.",
      en: "This reading is no longer waiting for review: {status, select, accepted {it was accepted} rejected {it was rejected} superseded {a newer one replaced it} other {it has been dealt with}}.",
    },
  },
  reading_review_period_billed: {
    status: 409,
    message: {
      uk: "Рахунок за {period} уже виставлено з цими показниками, тож відхилити їх уже не можна, лише прийняти.",
      ru: "Счёт за {period} уже выставлен с этими показаниями, поэтому отклонить их уже нельзя, только принять.",
      en: "The bill for {period} has already been issued with this reading, so it can no longer be rejected, only accepted.",
    },
  },
  reading_review_billing_running: {
    status: 409,
    message: {
      uk: "Саме зараз нараховується {period}. Відхиліть показники, коли нарахування завершиться.",
      ru: "Прямо сейчас идёт начисление за {period}. Отклоните показания, когда начисление завершится.",
      en: "Billing for {period} is running right now. Reject the reading once it has finished.",
    },
  },
  review_note_empty: {
    status: 422,
    message: {
      uk: "Напишіть, чому показники відхилено: абонент побачить це пояснення.",
      ru: "Напишите, почему показания отклонены: абонент увидит это объяснение.",
      en: "Write why the reading is rejected: the resident will see this explanation.",
    },
  },
  review_note_too_long: {
    status: 422,
    message: {
      uk: "Пояснення задовге: не більше {max} символів.",
      ru: "Объяснение слишком длинное: не более {max} символов.",
      en: "The explanation is too long: at most {max} characters.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
