// The words of the operator's queue of bank registry lines that were not posted: assign to an account, or return.
import { defineMessages } from "../../../i18n/messages.ts";

export const CONSOLE_REGISTRY_LINES = defineMessages("console: registry lines", {
  title: {
    uk: "Нерозпізнані платежі з реєстрів",
    ru: "Нераспознанные платежи из реестров",
    en: "Unmatched registry payments",
  },
  lead: {
    uk: "Ці платежі з банківських реєстрів не вдалося зарахувати: рахунок не знайдено або рядок не прочитано. Знайдіть рахунок і зарахуйте платіж (один раз), або поверніть платіж банку з поясненням.",
    ru: "Эти платежи из банковских реестров не удалось зачислить: счёт не найден или строка не прочитана. Найдите счёт и зачислите платёж (один раз) или верните платёж банку с объяснением.",
    en: "These payments from bank registries could not be posted: no account was found or the line could not be read. Find the account and post the payment (once), or return it to the bank with an explanation.",
  },
  empty: {
    uk: "Немає нерозпізнаних платежів.",
    ru: "Нет нераспознанных платежей.",
    en: "There are no unmatched payments.",
  },
  caption: {
    uk: "Рядки реєстрів, що чекають на рішення, найстаріші першими",
    ru: "Строки реестров, ожидающие решения, самые старые первыми",
    en: "Registry lines waiting for a decision, oldest first",
  },
  colLine: { uk: "Файл і рядок", ru: "Файл и строка", en: "File and line" },
  colPayer: { uk: "Платник", ru: "Плательщик", en: "Payer" },
  colAmount: { uk: "Сума і дата", ru: "Сумма и дата", en: "Amount and date" },
  colAccount: { uk: "Рахунок у рядку", ru: "Счёт в строке", en: "Account as written" },
  colReason: { uk: "Чому не зараховано", ru: "Почему не зачислено", en: "Why it was not posted" },
  colDecision: { uk: "Рішення", ru: "Решение", en: "Decision" },
  line: {
    uk: "{file}, рядок {line}",
    ru: "{file}, строка {line}",
    en: "{file}, line {line}",
  },
  imported: { uk: "Імпортовано {when}", ru: "Импортировано {when}", en: "Imported {when}" },
  reference: { uk: "Платіж № {reference}", ru: "Платёж № {reference}", en: "Payment no. {reference}" },
  none: { uk: "не вказано", ru: "не указано", en: "not given" },
  raw: { uk: "Рядок як у файлі", ru: "Строка как в файле", en: "The line as in the file" },
  accountNumber: {
    uk: "Номер рахунку для зарахування",
    ru: "Номер счёта для зачисления",
    en: "Account number to post it to",
  },
  assign: { uk: "Зарахувати", ru: "Зачислить", en: "Post to account" },
  notAssignable: {
    uk: "Суму чи дату не прочитано: платіж можна лише повернути.",
    ru: "Сумма или дата не прочитаны: платёж можно только вернуть.",
    en: "The amount or date could not be read: the payment can only be returned.",
  },
  returnReason: {
    uk: "Чому повертається банку",
    ru: "Почему возвращается банку",
    en: "Why it goes back to the bank",
  },
  returnButton: { uk: "Повернути банку", ru: "Вернуть банку", en: "Return to bank" },
  assigned: {
    uk: "Платіж {amount} зараховано на рахунок {account}.",
    ru: "Платёж {amount} зачислен на счёт {account}.",
    en: "The payment of {amount} was posted to account {account}.",
  },
  returned: {
    uk: "Рядок {line} файлу позначено як повернений банку.",
    ru: "Строка {line} файла отмечена как возвращённая банку.",
    en: "Line {line} of the file is marked as returned to the bank.",
  },
  nextPage: { uk: "Наступна сторінка", ru: "Следующая страница", en: "Next page" },
  firstPage: { uk: "На початок черги", ru: "В начало очереди", en: "Back to the start of the queue" },
});
