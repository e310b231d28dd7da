// The words of the operator's review queue: readings flagged as implausible, with accept and reject.
import { defineMessages } from "../../../i18n/messages.ts";

export const CONSOLE_REVIEWS = defineMessages("console: reviews", {
  title: { uk: "Показники на перевірку", ru: "Показания на проверку", en: "Readings to review" },
  lead: {
    uk: "Ці показники здалися неправдоподібними під час передачі: абонент підтвердив їх, і тепер їх має переглянути оператор. Порівняйте споживання зі звичайним, прийміть їх або відхиліть із поясненням, яке побачить абонент.",
    ru: "Эти показания показались неправдоподобными при передаче: абонент подтвердил их, и теперь их должен просмотреть оператор. Сравните потребление с обычным, примите их или отклоните с объяснением, которое увидит абонент.",
    en: "These readings looked implausible when they were sent: the resident confirmed them, and now an operator must look at them. Compare the use with the usual one, then accept them or reject them with an explanation the resident will see.",
  },
  empty: {
    uk: "Немає показників, що чекають на перевірку.",
    ru: "Нет показаний, ожидающих проверки.",
    en: "No readings are waiting for review.",
  },
  caption: {
    uk: "Показники, що чекають на перевірку, найстаріші першими",
    ru: "Показания, ожидающие проверки, самые старые первыми",
    en: "Readings waiting for review, oldest first",
  },
  colAccount: { uk: "Рахунок", ru: "Счёт", en: "Account" },
  colMeter: { uk: "Лічильник", ru: "Счётчик", en: "Meter" },
  colReading: { uk: "Показники та споживання", ru: "Показания и потребление", en: "Reading and use" },
  colSent: { uk: "Передано", ru: "Передано", en: "Sent" },
  colDecision: { uk: "Рішення", ru: "Решение", en: "Decision" },
  meter: { uk: "{service}, № {serial}", ru: "{service}, № {serial}", en: "{service}, no. {serial}" },
  value: { uk: "Показники: {value}", ru: "Показания: {value}", en: "Reading: {value}" },
  previous: {
    uk: "Попередні: {value} від {date}",
    ru: "Предыдущие: {value} от {date}",
    en: "Previous: {value} on {date}",
  },
  noPrevious: { uk: "Попередніх немає", ru: "Предыдущих нет", en: "No previous reading" },
  used: { uk: "Спожито: {used} {unit}", ru: "Потреблено: {used} {unit}", en: "Used: {used} {unit}" },
  usual: {
    uk: "Зазвичай за ці дні: {usual} {unit}",
    ru: "Обычно за эти дни: {usual} {unit}",
    en: "Usual for these days: {usual} {unit}",
  },
  usualUnknown: {
    uk: "Звичайне споживання невідоме",
    ru: "Обычное потребление неизвестно",
    en: "Usual use not known",
  },
  flag: {
    uk: "{reason, select, above_own_average {Значно більше, ніж зазвичай на цьому лічильнику} above_service_limit {Більше, ніж може спожити домогосподарство} other {Позначено для перевірки}}",
    ru: "{reason, select, above_own_average {Намного больше, чем обычно на этом счётчике} above_service_limit {Больше, чем может потребить домохозяйство} other {Отмечено для проверки}}",
    en: "{reason, select, above_own_average {Far above this meter's usual use} above_service_limit {More than a household can use} other {Flagged for review}}",
  },
  sent: {
    uk: "{when}, {channel}; квитанція {receipt}; за {period}",
    ru: "{when}, {channel}; квитанция {receipt}; за {period}",
    en: "{when}, {channel}; receipt {receipt}; for {period}",
  },
  channel: {
    uk: "{channel, select, web {кабінет} api {застосунок} voice {голосовий бот} viber {Viber} telegram {Telegram} facebook {Facebook} sms {SMS} bank {банк} contact_centre {контакт-центр} import {імпорт} other {{channel}}}",
    ru: "{channel, select, web {кабинет} api {приложение} voice {голосовой бот} viber {Viber} telegram {Telegram} facebook {Facebook} sms {SMS} bank {банк} contact_centre {контакт-центр} import {импорт} other {{channel}}}",
    en: "{channel, select, web {cabinet} api {app} voice {voice bot} viber {Viber} telegram {Telegram} facebook {Facebook} sms {SMS} bank {bank} contact_centre {contact centre} import {import} other {{channel}}}",
  },
  accept: {
    uk: "Прийняти показники {account}",
    ru: "Принять показания {account}",
    en: "Accept reading of {account}",
  },
  acceptShort: { uk: "Прийняти", ru: "Принять", en: "Accept" },
  reason: {
    uk: "Чому відхилено (побачить абонент)",
    ru: "Почему отклонено (увидит абонент)",
    en: "Why it is rejected (the resident will see this)",
  },
  reject: { uk: "Відхилити", ru: "Отклонить", en: "Reject" },
  done: {
    uk: "{status, select, accepted {Показники за рахунком {account} прийнято.} rejected {Показники за рахунком {account} відхилено; абонент побачить пояснення.} other {Готово.}}",
    ru: "{status, select, accepted {Показания по счёту {account} приняты.} rejected {Показания по счёту {account} отклонены; абонент увидит объяснение.} other {Готово.}}",
    en: "{status, select, accepted {The reading of account {account} was accepted.} rejected {The reading of account {account} was rejected; the resident will see the explanation.} other {Done.}}",
  },
  nextPage: { uk: "Наступна сторінка", ru: "Следующая страница", en: "Next page" },
  firstPage: { uk: "На початок черги", ru: "В начало очереди", en: "Back to the start of the queue" },
});
