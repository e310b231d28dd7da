// What a partner (a bank, a terminal network) can be told: its request's signature, its limits, its payments.
// An account outside its providers is the general not_found, exactly as an unknown one.
import type { ErrorSpec } from "../error-spec.ts";

export const PARTNER_ERROR_CODES = {
  partner_signature_invalid: {
    status: 401,
    message: {
      uk: "Підпис запиту не збігається або ключ невідомий чи відкликаний.",
      ru: "Подпись запроса не совпадает, или ключ неизвестен либо отозван.",
      en: "The request's signature does not match, or the key is unknown or revoked.",
    },
  },
  partner_timestamp_stale: {
    status: 401,
    message: {
      uk: "Час запиту відрізняється від нашого більш ніж на 5 хвилин.",
      ru: "Время запроса отличается от нашего более чем на 5 минут.",
      en: "The request's timestamp is more than 5 minutes from ours.",
    },
  },
  partner_replay: {
    status: 409,
    message: {
      uk: "Цей підписаний запит уже надходив. Підпишіть повтор заново.",
      ru: "Этот подписанный запрос уже приходил. Подпишите повтор заново.",
      en: "This signed request was received before. Sign a retry anew.",
    },
  },
  partner_ip_not_allowed: {
    status: 403,
    message: {
      uk: "Запити цього партнера з адреси {ip} не приймаються.",
      ru: "Запросы этого партнёра с адреса {ip} не принимаются.",
      en: "This partner's requests are not accepted from {ip}.",
    },
  },
  partner_amount_too_small: {
    status: 422,
    message: {
      uk: "Сума менша за найменшу дозволену ({min} грн).",
      ru: "Сумма меньше наименьшей разрешённой ({min} грн).",
      en: "The amount is below the smallest allowed ({min} UAH).",
    },
  },
  partner_amount_too_large: {
    status: 422,
    message: {
      uk: "Сума більша за найбільшу дозволену ({max} грн).",
      ru: "Сумма больше наибольшей разрешённой ({max} грн).",
      en: "The amount is above the largest allowed ({max} UAH).",
    },
  },
  partner_daily_limit: {
    status: 422,
    message: {
      uk: "Платіж перевищив би денний ліміт партнера ({limit} грн).",
      ru: "Платёж превысил бы дневной лимит партнёра ({limit} грн).",
      en: "The payment would exceed the partner's daily limit ({limit} UAH).",
    },
  },
  partner_txn_conflict: {
    status: 409,
    message: {
      uk: "Транзакція {txnId} уже надходила з іншими даними.",
      ru: "Транзакция {txnId} уже приходила с другими данными.",
      en: "Transaction {txnId} was received before with other content.",
    },
  },
  partner_cancel_too_late: {
    status: 409,
    message: {
      uk: "Скасувати можна лише в день платежу ({paidOn}).",
      ru: "Отменить можно только в день платежа ({paidOn}).",
      en: "A payment can be cancelled only on its day ({paidOn}).",
    },
  },
  partner_paid_at_invalid: {
    status: 422,
    message: {
      uk: "Час платежу ({paidAt}) має бути не пізніше за теперішній і не раніше ніж за 3 дні.",
      ru: "Время платежа ({paidAt}) должно быть не позже текущего и не раньше чем за 3 дня.",
      en: "The payment's time ({paidAt}) must not be in the future or more than 3 days ago.",
    },
  },
  partner_terminal_disabled: {
    status: 403,
    message: {
      uk: "Протокол платіжних терміналів для цього партнера не ввімкнено. Зверніться до адміністратора платформи.",
      ru: "Протокол платёжных терминалов для этого партнёра не включён. Обратитесь к администратору платформы.",
      en: "The payment terminals' protocol is not enabled for this partner. Ask the platform administrator.",
    },
  },
  partner_terminal_command_unknown: {
    status: 400,
    message: {
      uk: "Невідома команда «{command}»: очікується check або pay.",
      ru: "Неизвестная команда «{command}»: ожидается check или pay.",
      en: 'Unknown command "{command}": expected check or pay.',
    },
  },
  partner_terminal_field_invalid: {
    status: 400,
    message: {
      uk: "Поле {field} відсутнє або має неправильний формат.",
      ru: "Поле {field} отсутствует или имеет неверный формат.",
      en: "The field {field} is missing or malformed.",
    },
  },
  partner_terminal_account_invalid: {
    status: 422,
    message: {
      uk: "«{account}» не є номером особового рахунку.",
      ru: "«{account}» не является номером лицевого счёта.",
      en: '"{account}" is not a personal account number.',
    },
  },
  partner_code_taken: {
    status: 409,
    message: {
      uk: "Партнер з кодом {code} уже є.",
      ru: "Партнёр с кодом {code} уже есть.",
      en: "A partner with code {code} already exists.",
    },
  },
  partner_reconciliation_line_resolved: {
    status: 409,
    message: {
      uk: "Рядок {line} звірки вже розглянуто.",
      ru: "Строка {line} сверки уже рассмотрена.",
      en: "Line {line} of the reconciliation has already been decided.",
    },
  },
  partner_reconciliation_line_not_postable: {
    status: 422,
    message: {
      uk: "Рядок {line} звірки не можна провести: провести можна лише прочитаний платіж, якого в нас немає, на рахунок одного з постачальників партнера.",
      ru: "Строку {line} сверки нельзя провести: провести можно только прочитанный платёж, которого у нас нет, на счёт одного из поставщиков партнёра.",
      en: "Line {line} of the reconciliation cannot be posted: only a readable payment we lack, to an account of one of the partner's providers, can be.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
