// What staff can be told about a search for an account.
import type { ErrorSpec } from "../error-spec.ts";

export const ACCOUNT_SEARCH_ERROR_CODES = {
  search_query_empty: {
    status: 422,
    message: {
      uk: "Введіть номер рахунку, телефон, прізвище або адресу.",
      ru: "Введите номер счёта, телефон, фамилию или адрес.",
      en: "Enter an account number, a phone number, a surname or an address.",
    },
  },
} satisfies Record<string, ErrorSpec>;
