// The words about a resident's accounts: the account card's facts, linking one by its bill, and removing a link.
import { defineMessages } from "../../../i18n/messages.ts";

export const ACCOUNTS = defineMessages("cabinet: accounts", {
  service: {
    uk: "{code, select, electricity {Електроенергія} cold_water {Холодна вода} hot_water {Гаряча вода} sewerage {Водовідведення} gas {Газ} heating {Опалення} other {{code}}}",
    ru: "{code, select, electricity {Электроэнергия} cold_water {Холодная вода} hot_water {Горячая вода} sewerage {Водоотведение} gas {Газ} heating {Отопление} other {{code}}}",
    en: "{code, select, electricity {Electricity} cold_water {Cold water} hot_water {Hot water} sewerage {Sewerage} gas {Gas} heating {Heating} other {{code}}}",
  },
  apartment: { uk: "кв.", ru: "кв.", en: "flat" },
  accountNumber: { uk: "Особовий рахунок", ru: "Лицевой счёт", en: "Account number" },
  address: { uk: "Адреса", ru: "Адрес", en: "Address" },
  provider: { uk: "Постачальник", ru: "Поставщик", en: "Provider" },

  linkTitle: { uk: "Додати особовий рахунок", ru: "Добавить лицевой счёт", en: "Add a personal account" },
  linkIntro: {
    uk: "Візьміть останній паперовий рахунок від постачальника. Усе потрібне надруковано на ньому.",
    ru: "Возьмите последний бумажный счёт от поставщика. Всё нужное напечатано на нём.",
    en: "Have your provider's last paper bill to hand. Everything you need is printed on it.",
  },
  providerLabel: { uk: "Постачальник послуги", ru: "Поставщик услуги", en: "Provider" },
  providerChoose: { uk: "Оберіть постачальника", ru: "Выберите поставщика", en: "Choose a provider" },
  providerHint: {
    uk: "Його назву надруковано вгорі рахунку.",
    ru: "Его название напечатано вверху счёта.",
    en: "Its name is printed at the top of the bill.",
  },
  numberLabel: { uk: "Номер особового рахунку", ru: "Номер лицевого счёта", en: "Account number" },
  numberHint: {
    uk: "Як надруковано в рахунку, наприклад 10-000123/4. Пробіли, риски й скісні риски можна не вводити.",
    ru: "Как напечатано в счёте, например 10-000123/4. Пробелы, дефисы и косые черты можно не вводить.",
    en: "As printed on the bill, for example 10-000123/4. Spaces, dashes and slashes are optional.",
  },
  amountLabel: {
    uk: "Сума до сплати з останнього рахунку, грн",
    ru: "Сумма к оплате из последнего счёта, грн",
    en: "Amount due on the last bill, UAH",
  },
  amountHint: {
    uk: "Так ми переконаємося, що рахунок ваш. Наприклад, 1 234,56.",
    ru: "Так мы убедимся, что счёт ваш. Например, 1 234,56.",
    en: "This shows us the account is yours. For example, 1 234,56.",
  },
  linkSubmit: { uk: "Додати рахунок", ru: "Добавить счёт", en: "Add the account" },
  providerMissing: { uk: "Оберіть постачальника", ru: "Выберите поставщика", en: "Choose a provider" },
  numberMissing: {
    uk: "Введіть номер особового рахунку",
    ru: "Введите номер лицевого счёта",
    en: "Enter the account number",
  },
  amountMissing: {
    uk: "Введіть суму до сплати з останнього рахунку",
    ru: "Введите сумму к оплате из последнего счёта",
    en: "Enter the amount due on the last bill",
  },
  linked: {
    uk: "Рахунок {number} додано.",
    ru: "Счёт {number} добавлен.",
    en: "Account {number} has been added.",
  },
  linkedAlready: {
    uk: "Рахунок {number} вже був у вашому кабінеті.",
    ru: "Счёт {number} уже был в вашем кабинете.",
    en: "Account {number} was already in your cabinet.",
  },

  unlinkLink: {
    uk: "Прибрати рахунок {number} з кабінету",
    ru: "Убрать счёт {number} из кабинета",
    en: "Remove account {number} from the cabinet",
  },
  unlinkTitle: {
    uk: "Прибрати рахунок з кабінету?",
    ru: "Убрать счёт из кабинета?",
    en: "Remove the account from your cabinet?",
  },
  unlinkExplain: {
    uk: "Рахунок зникне з вашого кабінету. Сам рахунок, його борг і платежі залишаться в постачальника, а інші члени родини, які його додали, і далі його бачитимуть. Додати його знову можна з останнього рахунку.",
    ru: "Счёт исчезнет из вашего кабинета. Сам счёт, его долг и платежи останутся у поставщика, а другие члены семьи, которые его добавили, по-прежнему будут его видеть. Добавить его снова можно по последнему счёту.",
    en: "The account will disappear from your cabinet. The account itself, its debt and payments stay with the provider, and other members of your household who added it will still see it. You can add it again from the last bill.",
  },
  unlinkConfirm: { uk: "Так, прибрати рахунок", ru: "Да, убрать счёт", en: "Yes, remove the account" },
  unlinkCancel: { uk: "Ні, залишити", ru: "Нет, оставить", en: "No, keep it" },
  unlinked: {
    uk: "Рахунок прибрано з кабінету.",
    ru: "Счёт убран из кабинета.",
    en: "The account has been removed from your cabinet.",
  },
});
