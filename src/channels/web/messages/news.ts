// The words of the news and contacts pages.
import { defineMessages } from "../../../i18n/messages.ts";

export const NEWS = defineMessages("cabinet: news and contacts", {
  title: { uk: "Новини", ru: "Новости", en: "News" },
  lead: {
    uk: "Новини ваших постачальників: зміни тарифів, оплата, графік контакт-центру, поради з економії.",
    ru: "Новости ваших поставщиков: изменения тарифов, оплата, график контакт-центра, советы по экономии.",
    en: "News from your providers: tariff changes, payments, the contact centre's hours, tips on saving energy.",
  },
  allProviders: {
    uk: "Ви ще не додали жодного особового рахунку, тому тут новини всіх постачальників.",
    ru: "Вы ещё не добавили ни одного лицевого счёта, поэтому здесь новости всех поставщиков.",
    en: "You have not added an account yet, so this shows the news of every provider.",
  },
  contactsLink: {
    uk: "Телефони й графік роботи постачальників",
    ru: "Телефоны и график работы поставщиков",
    en: "Providers' phones and opening hours",
  },
  filterLabel: { uk: "Показати", ru: "Показать", en: "Show" },
  filterAll: { uk: "Усі новини", ru: "Все новости", en: "All news" },
  kind: {
    uk: "{kind, select, tariff {Тарифи} payment {Оплата} schedule {Графік роботи} energy_saving {Поради з економії} other {Новини}}",
    ru: "{kind, select, tariff {Тарифы} payment {Оплата} schedule {График работы} energy_saving {Советы по экономии} other {Новости}}",
    en: "{kind, select, tariff {Tariffs} payment {Payments} schedule {Opening hours} energy_saving {Saving energy} other {News}}",
  },
  published: { uk: "Опубліковано", ru: "Опубликовано", en: "Published" },
  none: {
    uk: "Новин поки немає.",
    ru: "Новостей пока нет.",
    en: "There is no news yet.",
  },
  noneOfKind: {
    uk: "Новин цього виду немає. Подивіться всі новини.",
    ru: "Новостей этого вида нет. Посмотрите все новости.",
    en: "There is no news of this kind. See all news.",
  },

  contactsTitle: { uk: "Контакти постачальників", ru: "Контакты поставщиков", en: "Providers' contacts" },
  contactsLead: {
    uk: "Зателефонуйте до контакт-центру у години його роботи. Показники й оплату кабінет приймає цілодобово.",
    ru: "Позвоните в контакт-центр в часы его работы. Показания и оплату кабинет принимает круглосуточно.",
    en: "Call the contact centre during its opening hours. The cabinet takes readings and payments day and night.",
  },
  backToNews: { uk: "Новини постачальників", ru: "Новости поставщиков", en: "Providers' news" },
  phones: { uk: "Телефони контакт-центру", ru: "Телефоны контакт-центра", en: "Contact centre phones" },
  noPhones: {
    uk: "Постачальник не вказав телефонів.",
    ru: "Поставщик не указал телефонов.",
    en: "The provider has given no phone numbers.",
  },
  call: { uk: "Зателефонувати {phone}", ru: "Позвонить {phone}", en: "Call {phone}" },
  hoursCaption: {
    uk: "Графік роботи контакт-центру (за київським часом)",
    ru: "График работы контакт-центра (по киевскому времени)",
    en: "Contact centre opening hours (Kyiv time)",
  },
  days: { uk: "Дні", ru: "Дни", en: "Days" },
  hours: { uk: "Години", ru: "Часы", en: "Hours" },
  closed: { uk: "Вихідний", ru: "Выходной", en: "Closed" },
  holidays: {
    uk: "У святкові дні контакт-центр може не працювати — стежте за новинами постачальника.",
    ru: "В праздничные дни контакт-центр может не работать — следите за новостями поставщика.",
    en: "The contact centre may be closed on public holidays: watch the provider's news.",
  },
  voice: {
    uk: "Голосовий бот для передачі показників: щодня з {opens} до {closes}, за тими ж номерами.",
    ru: "Голосовой бот для передачи показаний: ежедневно с {opens} до {closes}, по тем же номерам.",
    en: "The voice bot takes readings every day from {opens} to {closes}, on the same numbers.",
  },
  weekday: {
    uk: "{day, select, 1 {Понеділок} 2 {Вівторок} 3 {Середа} 4 {Четвер} 5 {Пʼятниця} 6 {Субота} other {Неділя}}",
    ru: "{day, select, 1 {Понедельник} 2 {Вторник} 3 {Среда} 4 {Четверг} 5 {Пятница} 6 {Суббота} other {Воскресенье}}",
    en: "{day, select, 1 {Monday} 2 {Tuesday} 3 {Wednesday} 4 {Thursday} 5 {Friday} 6 {Saturday} other {Sunday}}",
  },
  dayRange: { uk: "{from} – {to}", ru: "{from} – {to}", en: "{from} to {to}" },
  timeRange: { uk: "з {opens} до {closes}", ru: "с {opens} до {closes}", en: "{opens} to {closes}" },
  channels: {
    uk: "Показники також приймають",
    ru: "Показания также принимают",
    en: "Readings are also taken by",
  },
  channel: {
    uk: "{channel, select, web {особистий кабінет} voice {голосовий бот} viber {Viber} telegram {Telegram} facebook {Facebook} sms {SMS} contact_centre {контакт-центр} other {{channel}}}",
    ru: "{channel, select, web {личный кабинет} voice {голосовой бот} viber {Viber} telegram {Telegram} facebook {Facebook} sms {SMS} contact_centre {контакт-центр} other {{channel}}}",
    en: "{channel, select, web {the personal cabinet} voice {the voice bot} viber {Viber} telegram {Telegram} facebook {Facebook} sms {SMS} contact_centre {the contact centre} other {{channel}}}",
  },
  noProviders: {
    uk: "Постачальників поки немає.",
    ru: "Поставщиков пока нет.",
    en: "There are no providers yet.",
  },
});
