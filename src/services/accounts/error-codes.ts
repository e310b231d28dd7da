// What a resident can be told when linking an account. One refusal for a wrong proof, an unknown number and an
// unknown provider alike, so the answer never tells whether an account exists.
import type { ErrorSpec } from "../error-spec.ts";

export const ACCOUNT_ERROR_CODES = {
  link_proof_mismatch: {
    status: 422,
    message: {
      uk: "Не вдалося підтвердити особовий рахунок. Перевірте постачальника, номер рахунку та суму до сплати з останнього паперового рахунку.",
      ru: "Не удалось подтвердить лицевой счёт. Проверьте поставщика, номер счёта и сумму к оплате из последнего бумажного счёта.",
      en: "The account could not be confirmed. Please check the provider, the account number and the amount due on your last paper bill.",
    },
  },
  link_amount_unreadable: {
    status: 422,
    message: {
      uk: "Введіть суму до сплати так, як її надруковано в рахунку, наприклад 1 234,56.",
      ru: "Введите сумму к оплате так, как она напечатана в счёте, например 1 234,56.",
      en: "Please enter the amount due as printed on the bill, e.g. 1 234,56.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
