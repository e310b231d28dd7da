// The words of finding an account in the console: the one search field, its refusals, and the table of hits.
import { defineMessages } from "../../../i18n/messages.ts";

export const SEARCH = defineMessages("console: search", {
  label: {
    uk: "Номер рахунку, телефон, прізвище або адреса",
    ru: "Номер счёта, телефон, фамилия или адрес",
    en: "Account number, phone, surname or address",
  },
  hint: {
    uk: "Як каже абонент: «ВК-0291000», «067 111 22 33», «Шевченко Марія», «Краматорськ, Шкільна 82, кв. 23».",
    ru: "Как говорит абонент: «ВК-0291000», «067 111 22 33», «Шевченко Мария», «Краматорск, Школьная 82, кв. 23».",
    en: "As the caller says it: “ВК-0291000”, “067 111 22 33”, “Шевченко Марія”, “Kramatorsk, Шкільна 82, flat 23”.",
  },
  submit: { uk: "Знайти", ru: "Найти", en: "Search" },
  empty: {
    uk: "Введіть номер рахунку, телефон, прізвище або адресу.",
    ru: "Введите номер счёта, телефон, фамилию или адрес.",
    en: "Enter an account number, a phone number, a surname or an address.",
  },
  tooLong: {
    uk: "Запит задовгий: не більше {max} символів.",
    ru: "Запрос слишком длинный: не более {max} символов.",
    en: "The search is too long: {max} characters at most.",
  },
  resultsHeading: {
    uk: "Знайдено за запитом «{query}»",
    ru: "Найдено по запросу «{query}»",
    en: "Found for “{query}”",
  },
  count: {
    uk: "{n, plural, one {# рахунок} few {# рахунки} many {# рахунків} other {# рахунку}}, найкращі збіги першими.",
    ru: "{n, plural, one {# счёт} few {# счёта} many {# счетов} other {# счёта}}, лучшие совпадения первыми.",
    en: "{n, plural, one {# account} other {# accounts}}, best matches first.",
  },
  countMax: {
    uk: "Показано перші {n}: уточніть запит, якщо потрібного рахунку немає.",
    ru: "Показаны первые {n}: уточните запрос, если нужного счёта нет.",
    en: "The first {n} are shown: make the search more precise if the account is not among them.",
  },
  nothing: {
    uk: "За запитом «{query}» нічого не знайдено. Перевірте написання або шукайте інакше: за номером рахунку, телефоном, прізвищем чи адресою.",
    ru: "По запросу «{query}» ничего не найдено. Проверьте написание или ищите иначе: по номеру счёта, телефону, фамилии или адресу.",
    en: "Nothing was found for “{query}”. Check the spelling, or search another way: by account number, phone, surname or address.",
  },
  caption: {
    uk: "Рахунки, знайдені за запитом «{query}»",
    ru: "Счета, найденные по запросу «{query}»",
    en: "Accounts found for “{query}”",
  },
  colNumber: { uk: "Рахунок", ru: "Счёт", en: "Account" },
  colHolder: { uk: "Власник", ru: "Владелец", en: "Holder" },
  colAddress: { uk: "Адреса", ru: "Адрес", en: "Address" },
  colProvider: { uk: "Постачальник", ru: "Поставщик", en: "Provider" },
  colServices: { uk: "Послуги", ru: "Услуги", en: "Services" },
  colMatched: { uk: "Знайдено за", ru: "Найдено по", en: "Found by" },
  matchedBy: {
    uk: "{by, select, number {номером} phone {телефоном} name {іменем} address {адресою} other {{by}}}",
    ru: "{by, select, number {номеру} phone {телефону} name {имени} address {адресу} other {{by}}}",
    en: "{by, select, number {number} phone {phone} name {name} address {address} other {{by}}}",
  },
  closed: { uk: "закрито {date}", ru: "закрыт {date}", en: "closed {date}" },
  apartment: { uk: "кв.", ru: "кв.", en: "flat" },
});
