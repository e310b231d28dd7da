// The words of the contact-centre page: whether each line answers now, the phones, the weekly hours of the
// contact centre and the voice bot, and the weekend and holiday schedule.
import { defineMessages } from "../../../i18n/messages.ts";

export const CONSOLE_CONTACT = defineMessages("console: contact centre", {
  title: { uk: "Контакт-центр", ru: "Контакт-центр", en: "Contact centre" },
  lead: {
    uk: "Телефони й години роботи, які абоненти бачать на сторінці контактів. Час — київський.",
    ru: "Телефоны и часы работы, которые абоненты видят на странице контактов. Время — киевское.",
    en: "The phones and hours residents see on the contacts page. Times are Kyiv time.",
  },
  line: {
    uk: "{line, select, voice {Голосовий бот} other {Контакт-центр}}",
    ru: "{line, select, voice {Голосовой бот} other {Контакт-центр}}",
    en: "{line, select, voice {Voice bot} other {Contact centre}}",
  },
  openUntil: {
    uk: "зараз працює, до {time}",
    ru: "сейчас работает, до {time}",
    en: "open now, until {time}",
  },
  closedUntil: {
    uk: "зараз зачинено, відкриється {when}",
    ru: "сейчас закрыто, откроется {when}",
    en: "closed now, opens {when}",
  },
  closedNoHours: {
    uk: "зараз зачинено, годин роботи не задано",
    ru: "сейчас закрыто, часы работы не заданы",
    en: "closed now, no hours set",
  },
  statusTitle: { uk: "Зараз", ru: "Сейчас", en: "Right now" },
  phonesTitle: {
    uk: "Телефони й тижневий графік",
    ru: "Телефоны и недельный график",
    en: "Phones and weekly hours",
  },
  phones: { uk: "Телефони контакт-центру", ru: "Телефоны контакт-центра", en: "Contact-centre phones" },
  phonesHint: {
    uk: "По одному номеру в рядку, наприклад (067) 652 60 00.",
    ru: "По одному номеру в строке, например (067) 652 60 00.",
    en: "One number a line, such as (067) 652 60 00.",
  },
  hoursCaption: {
    uk: "{line, select, voice {Голосовий бот} other {Контакт-центр}}: години за днями тижня",
    ru: "{line, select, voice {Голосовой бот} other {Контакт-центр}}: часы по дням недели",
    en: "{line, select, voice {Voice bot} other {Contact centre}}: hours by weekday",
  },
  hoursHint: {
    uk: "Залиште обидва поля дня порожніми, якщо це вихідний. Типові години зі статті — з 07:00 до 21:00.",
    ru: "Оставьте оба поля дня пустыми, если это выходной. Типовые часы из статьи — с 07:00 до 21:00.",
    en: "Leave both of a day's fields empty for a day off. The usual hours are 07:00 to 21:00.",
  },
  day: { uk: "День", ru: "День", en: "Day" },
  opens: { uk: "Відкривається", ru: "Открывается", en: "Opens" },
  closes: { uk: "Зачиняється", ru: "Закрывается", en: "Closes" },
  opensOn: { uk: "{day}: відкривається", ru: "{day}: открывается", en: "{day}: opens" },
  closesOn: { uk: "{day}: зачиняється", ru: "{day}: закрывается", en: "{day}: closes" },
  weekday: {
    uk: "{day, select, 1 {Понеділок} 2 {Вівторок} 3 {Середа} 4 {Четвер} 5 {Пʼятниця} 6 {Субота} other {Неділя}}",
    ru: "{day, select, 1 {Понедельник} 2 {Вторник} 3 {Среда} 4 {Четверг} 5 {Пятница} 6 {Суббота} other {Воскресенье}}",
    en: "{day, select, 1 {Monday} 2 {Tuesday} 3 {Wednesday} 4 {Thursday} 5 {Friday} 6 {Saturday} other {Sunday}}",
  },
  save: {
    uk: "Зберегти телефони й графік",
    ru: "Сохранить телефоны и график",
    en: "Save the phones and hours",
  },
  timeInvalid: {
    uk: "Вкажіть обидва часи, наприклад 08:00 і 20:00, або залиште обидва порожніми.",
    ru: "Укажите оба времени, например 08:00 и 20:00, или оставьте оба пустыми.",
    en: "Please give both times, such as 08:00 and 20:00, or leave both empty.",
  },
  exceptionsTitle: {
    uk: "Вихідні та святкові дні",
    ru: "Выходные и праздничные дни",
    en: "Weekend and holiday schedule",
  },
  exceptionsCaption: {
    uk: "Дні з особливим графіком, від сьогодні",
    ru: "Дни с особым графиком, начиная с сегодня",
    en: "Days with other hours, from today",
  },
  noExceptions: {
    uk: "Особливих днів попереду немає: діє тижневий графік.",
    ru: "Особых дней впереди нет: действует недельный график.",
    en: "No special days ahead: the weekly hours apply.",
  },
  colDate: { uk: "Дата", ru: "Дата", en: "Date" },
  colLine: { uk: "Лінія", ru: "Линия", en: "Line" },
  colHours: { uk: "Години", ru: "Часы", en: "Hours" },
  colNote: { uk: "Примітка", ru: "Примечание", en: "Note" },
  colActions: { uk: "Дії", ru: "Действия", en: "Actions" },
  closedAllDay: { uk: "не працює", ru: "не работает", en: "closed" },
  timeRange: { uk: "з {opens} до {closes}", ru: "с {opens} до {closes}", en: "{opens} to {closes}" },
  remove: { uk: "Видалити {date}", ru: "Удалить {date}", en: "Remove {date}" },
  addTitle: { uk: "Додати особливий день", ru: "Добавить особый день", en: "Add a special day" },
  fieldDate: { uk: "Дата", ru: "Дата", en: "Date" },
  fieldLine: { uk: "Лінія", ru: "Линия", en: "Line" },
  fieldOpens: {
    uk: "Відкривається (необовʼязково)",
    ru: "Открывается (необязательно)",
    en: "Opens (optional)",
  },
  fieldCloses: {
    uk: "Зачиняється (необовʼязково)",
    ru: "Закрывается (необязательно)",
    en: "Closes (optional)",
  },
  closedHint: {
    uk: "Обидва порожні — цього дня лінія не працює.",
    ru: "Оба пустые — в этот день линия не работает.",
    en: "Both empty: the line is closed that day.",
  },
  fieldNote: {
    uk: "Примітка для абонентів ({lang, select, uk {українською} ru {російською} other {англійською}})",
    ru: "Примечание для абонентов ({lang, select, uk {на украинском} ru {на русском} other {на английском}})",
    en: "Note for residents ({lang, select, uk {Ukrainian} ru {Russian} other {English}})",
  },
  noteHint: {
    uk: "Наприклад: День Незалежності. Російською й англійською необовʼязково.",
    ru: "Например: День Независимости. На русском и английском необязательно.",
    en: "For example: Independence Day. Russian and English are optional.",
  },
  add: { uk: "Додати день", ru: "Добавить день", en: "Add the day" },
  dateInvalid: {
    uk: "Вкажіть дату, наприклад 2026-12-25.",
    ru: "Укажите дату, например 2026-12-25.",
    en: "Please give a date, such as 2026-12-25.",
  },
  saved: { uk: "Графік збережено.", ru: "График сохранён.", en: "The schedule is saved." },
  added: { uk: "Особливий день додано.", ru: "Особый день добавлен.", en: "The special day is added." },
  removed: { uk: "Особливий день видалено.", ru: "Особый день удалён.", en: "The special day is removed." },
});
