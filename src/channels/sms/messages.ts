// The words of the short number's replies. Short on purpose: every 67 Cyrillic characters is another SMS part.
import { defineMessages } from "../../i18n/messages.ts";

export const SMS = defineMessages("sms: replies", {
  help: {
    uk: "Формат: РАХУНОК ПОКАЗНИКИ, напр. «ВК0000123 12345»; для двозонного лічильника два числа. Борг: «БОРГ РАХУНОК».",
    ru: "Формат: СЧЁТ ПОКАЗАНИЯ, напр. «ВК0000123 12345»; для двухзонного счётчика два числа. Долг: «ДОЛГ СЧЁТ».",
    en: 'Format: ACCOUNT READING, e.g. "VK0000123 12345"; two numbers for a two-zone meter. What you owe: "BORG ACCOUNT".',
  },
  stopped: {
    uk: "Нагадування більше не надходитимуть. Увімкнути знову: {url}",
    ru: "Напоминания больше не будут приходить. Включить снова: {url}",
    en: "You will get no more reminders. To turn them back on: {url}",
  },
  notLinked: {
    uk: "Номер {phone} не підтверджено в кабінеті Абонент. Додайте його в налаштуваннях і привʼяжіть рахунок: {url}",
    ru: "Номер {phone} не подтверждён в кабинете Абонент. Добавьте его в настройках и привяжите счёт: {url}",
    en: "The number {phone} is not confirmed in an Abonent cabinet. Add it in the settings and link your account: {url}",
  },
  accountNotYours: {
    uk: "Рахунок {account} не привʼязано до вашого кабінету. Привʼяжіть його: {url}",
    ru: "Счёт {account} не привязан к вашему кабинету. Привяжите его: {url}",
    en: "The account {account} is not linked to your cabinet. Link it here: {url}",
  },
  accepted: {
    uk: "Показники {values} прийнято{late, select, yes { (за наступний період)} other {}}. Квитанція {receipt}.{review, select, yes { Їх перевірить оператор.} other {}}",
    ru: "Показания {values} приняты{late, select, yes { (за следующий период)} other {}}. Квитанция {receipt}.{review, select, yes { Их проверит оператор.} other {}}",
    en: "Reading {values} accepted{late, select, yes { (for the next period)} other {}}. Receipt {receipt}.{review, select, yes { An operator will check it.} other {}}",
  },
  unchanged: {
    uk: "Ці показники вже прийнято. Квитанція {receipt}.",
    ru: "Эти показания уже приняты. Квитанция {receipt}.",
    en: "This reading was already accepted. Receipt {receipt}.",
  },
  confirm: {
    uk: "Показники {values} набагато більші за звичайні. Якщо цифри правильні, надішліть те саме з «+» в кінці: {again}",
    ru: "Показания {values} намного больше обычных. Если цифры верны, отправьте то же с «+» в конце: {again}",
    en: 'Reading {values} is far above the usual. If the digits are right, send it again with "+" at the end: {again}',
  },
  refused: {
    uk: "Не прийнято. {reason}",
    ru: "Не принято. {reason}",
    en: "Not accepted. {reason}",
  },
  debt: {
    uk: "Рахунок {account} на {date}: до сплати {total}.",
    ru: "Счёт {account} на {date}: к оплате {total}.",
    en: "Account {account} on {date}: {total} to pay.",
  },
  noDebt: {
    uk: "Рахунок {account} на {date}: боргу немає.{advance, select, none {} other { Переплата {advance}.}}",
    ru: "Счёт {account} на {date}: долга нет.{advance, select, none {} other { Переплата {advance}.}}",
    en: "Account {account} on {date}: nothing owed.{advance, select, none {} other { Paid ahead {advance}.}}",
  },
  debtLine: {
    uk: "{service, select, electricity {Електроенергія} cold_water {Холодна вода} hot_water {Гаряча вода} gas {Газ} heating {Опалення} sewerage {Водовідведення} other {Інше}} {period}: {amount}",
    ru: "{service, select, electricity {Электроэнергия} cold_water {Холодная вода} hot_water {Горячая вода} gas {Газ} heating {Отопление} sewerage {Водоотведение} other {Прочее}} {period}: {amount}",
    en: "{service, select, electricity {Electricity} cold_water {Cold water} hot_water {Hot water} gas {Gas} heating {Heating} sewerage {Sewerage} other {Other}} {period}: {amount}",
  },
});
