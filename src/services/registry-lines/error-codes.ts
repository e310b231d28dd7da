// What an operator can be told when settling a bank registry line by hand, in their language.
import type { ErrorSpec } from "../error-spec.ts";

export const REGISTRY_LINE_ERROR_CODES = {
  registry_line_settled: {
    status: 409,
    message: {
      uk: "Цей рядок реєстру вже не відкритий: {outcome, select, posted {платіж зараховано на рахунок} returned {платіж повернуто банку} duplicate {це повтор уже зарахованого платежу} other {його опрацьовано}}.",
      ru: "Эта строка реестра уже не открыта: {outcome, select, posted {платёж зачислен на счёт} returned {платёж возвращён банку} duplicate {это повтор уже зачисленного платежа} other {она обработана}}.",
      en: "This registry line is no longer open: {outcome, select, posted {the payment was posted to an account} returned {the payment was returned to the bank} duplicate {it repeats a payment already posted} other {it has been dealt with}}.",
    },
  },
  registry_line_not_payable: {
    status: 409,
    message: {
      uk: "Суму, дату чи номер платежу в цьому рядку прочитати не вдалося, тож зарахувати його не можна. Поверніть його банку.",
      ru: "Сумму, дату или номер платежа в этой строке прочитать не удалось, поэтому зачислить его нельзя. Верните его банку.",
      en: "The amount, date or reference of this line could not be read, so it cannot be posted. Return it to the bank.",
    },
  },
  registry_line_reference_posted: {
    status: 409,
    message: {
      uk: "Платіж з номером {reference} від цього банку вже зараховано. Поверніть цей рядок банку, якщо це повтор.",
      ru: "Платёж с номером {reference} от этого банка уже зачислен. Верните эту строку банку, если это повтор.",
      en: "A payment with reference {reference} from this bank is already posted. Return this line to the bank if it is a repeat.",
    },
  },
  registry_line_other_provider: {
    status: 422,
    message: {
      uk: "Рахунок {number} належить іншому постачальнику, ніж той, кому адресовано платіж.",
      ru: "Счёт {number} принадлежит другому поставщику, чем тот, кому адресован платёж.",
      en: "Account {number} belongs to another provider than the one the payment is addressed to.",
    },
  },
  registry_line_account_missing: {
    status: 422,
    message: {
      uk: "Введіть номер особового рахунку, на який зарахувати платіж.",
      ru: "Введите номер лицевого счёта, на который зачислить платёж.",
      en: "Enter the personal account number to post the payment to.",
    },
  },
  registry_line_account_unknown: {
    status: 422,
    message: {
      uk: "Рахунку «{number}» у постачальника {provider} немає. Перевірте номер.",
      ru: "Счёта «{number}» у поставщика {provider} нет. Проверьте номер.",
      en: 'There is no account "{number}" at {provider}. Check the number.',
    },
  },
  registry_line_no_provider: {
    status: 422,
    message: {
      uk: "Рядок не називає постачальника, тож рахунок за номером не знайти. Вкажіть рахунок за його ідентифікатором або поверніть платіж банку.",
      ru: "Строка не называет поставщика, поэтому счёт по номеру не найти. Укажите счёт по его идентификатору или верните платёж банку.",
      en: "The line names no provider, so no account can be found by number. Give the account by its id, or return the payment to the bank.",
    },
  },
  registry_return_note_empty: {
    status: 422,
    message: {
      uk: "Напишіть, чому платіж повертається банку.",
      ru: "Напишите, почему платёж возвращается банку.",
      en: "Write why the payment is returned to the bank.",
    },
  },
  registry_return_note_too_long: {
    status: 422,
    message: {
      uk: "Пояснення задовге: не більше {max} символів.",
      ru: "Объяснение слишком длинное: не более {max} символов.",
      en: "The explanation is too long: at most {max} characters.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
