// The words of the home page: each account's card (money, the reading window, the one next thing to do).
import { defineMessages } from "../../../i18n/messages.ts";

export const HOME = defineMessages("cabinet: home", {
  title: { uk: "Ваші рахунки", ru: "Ваши счета", en: "Your accounts" },
  noAccountsTitle: {
    uk: "Додайте свій перший особовий рахунок",
    ru: "Добавьте свой первый лицевой счёт",
    en: "Add your first personal account",
  },
  noAccounts: {
    uk: "У кабінеті ще немає жодного рахунку. Додайте рахунок за останнім паперовим рахунком — і тут будуть ваші борги, показники та оплата.",
    ru: "В кабинете ещё нет ни одного счёта. Добавьте счёт по последнему бумажному счёту — и здесь будут ваши долги, показания и оплата.",
    en: "There are no accounts in your cabinet yet. Add one from your last paper bill, and your balance, readings and payments will be here.",
  },
  addAccount: { uk: "Додати особовий рахунок", ru: "Добавить лицевой счёт", en: "Add a personal account" },
  addAnother: { uk: "Додати ще один рахунок", ru: "Добавить ещё один счёт", en: "Add another account" },
  balance: { uk: "Стан рахунку", ru: "Состояние счёта", en: "Balance" },
  debt: { uk: "Борг {amount}", ru: "Долг {amount}", en: "You owe {amount}" },
  overpaid: { uk: "Переплата {amount}", ru: "Переплата {amount}", en: "Paid ahead {amount}" },
  settled: { uk: "Боргу немає", ru: "Долга нет", en: "Nothing owed" },
  amountDue: { uk: "До сплати за рахунком", ru: "К оплате по счёту", en: "Amount due on the bill" },
  amountDueFor: {
    uk: "{amount} (рахунок за {month})",
    ru: "{amount} (счёт за {month})",
    en: "{amount} (bill for {month})",
  },
  noBill: { uk: "Рахунків ще не було", ru: "Счетов ещё не было", en: "No bill yet" },
  readings: { uk: "Показники", ru: "Показания", en: "Readings" },
  windowOpen: {
    uk: "Приймаються до {date} включно",
    ru: "Принимаются до {date} включительно",
    en: "Being accepted until {date}",
  },
  windowOpenDays: {
    uk: "{days, plural, one {залишився # день} few {залишилося # дні} many {залишилося # днів} other {залишилося # дня}}",
    ru: "{days, plural, one {остался # день} few {осталось # дня} many {осталось # дней} other {осталось # дня}}",
    en: "{days, plural, one {# day left} other {# days left}}",
  },
  windowClosed: {
    uk: "Зараз не приймаються. Наступний період: з {opens} по {closes}",
    ru: "Сейчас не принимаются. Следующий период: с {opens} по {closes}",
    en: "Not being accepted now. Next window: {opens} to {closes}",
  },
  readingGiven: {
    uk: "Показники за цей період передано",
    ru: "Показания за этот период переданы",
    en: "Readings for this window have been sent",
  },
  noMeters: { uk: "Лічильників немає", ru: "Счётчиков нет", en: "No meters" },
  nextAction: { uk: "Що зробити", ru: "Что сделать", en: "What to do next" },
  actionSubmit: {
    uk: "Передати показники ({provider})",
    ru: "Передать показания ({provider})",
    en: "Submit readings ({provider})",
  },
  actionPay: {
    uk: "Оплатити {amount} ({provider})",
    ru: "Оплатить {amount} ({provider})",
    en: "Pay {amount} ({provider})",
  },
  actionNone: {
    uk: "Зараз нічого робити не потрібно.",
    ru: "Сейчас ничего делать не нужно.",
    en: "There is nothing you need to do now.",
  },
  moneyLink: {
    uk: "Нарахування й оплати за рахунком {number}",
    ru: "Начисления и оплаты по счёту {number}",
    en: "Charges and payments for account {number}",
  },
});
