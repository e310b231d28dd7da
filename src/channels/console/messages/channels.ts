// The words of the channels page: each door readings come through, what it is, and whether it is on.
import { defineMessages } from "../../../i18n/messages.ts";

export const CONSOLE_CHANNELS = defineMessages("console: channels", {
  title: { uk: "Канали прийому показників", ru: "Каналы приёма показаний", en: "Channels for readings" },
  lead: {
    uk: "Показники, передані через вимкнений канал, не приймаються: абонент бачить, що треба обрати інший спосіб.",
    ru: "Показания, переданные через выключенный канал, не принимаются: абонент видит, что нужно выбрать другой способ.",
    en: "A reading sent through a channel that is off is refused, and the resident is told to use another way.",
  },
  legend: { uk: "Увімкнені канали", ru: "Включённые каналы", en: "Channels that are on" },
  name: {
    uk: "{channel, select, web {Особистий кабінет і API} contact_centre {Контакт-центр} voice {Голосовий бот} viber {Viber} telegram {Telegram} facebook {Facebook} sms {SMS} bank {Банки й термінали} other {Імпорт файлів}}",
    ru: "{channel, select, web {Личный кабинет и API} contact_centre {Контакт-центр} voice {Голосовой бот} viber {Viber} telegram {Telegram} facebook {Facebook} sms {SMS} bank {Банки и терминалы} other {Импорт файлов}}",
    en: "{channel, select, web {Personal cabinet and API} contact_centre {Contact centre} voice {Voice bot} viber {Viber} telegram {Telegram} facebook {Facebook} sms {SMS} bank {Banks and terminals} other {File import}}",
  },
  about: {
    uk: "{channel, select, web {Абонент сам вводить показники на сайті чи в застосунку.} contact_centre {Оператор вводить показники за абонента, що телефонує.} voice {Абонент називає населений пункт, рахунок і показники голосовому боту.} viber {Бот постачальника у Viber.} telegram {Бот постачальника в Telegram.} facebook {Сторінка постачальника у Facebook.} sms {Абонент надсилає SMS на короткий номер: рахунок і показники.} bank {Абонент передає показники в застосунку свого банку.} other {Файли й командний рядок: показники пакетом.}}",
    ru: "{channel, select, web {Абонент сам вводит показания на сайте или в приложении.} contact_centre {Оператор вводит показания за звонящего абонента.} voice {Абонент называет населённый пункт, счёт и показания голосовому боту.} viber {Бот поставщика в Viber.} telegram {Бот поставщика в Telegram.} facebook {Страница поставщика в Facebook.} sms {Абонент отправляет SMS на короткий номер: счёт и показания.} bank {Абонент передаёт показания в приложении своего банка.} other {Файлы и командная строка: показания пакетом.}}",
    en: "{channel, select, web {Residents enter readings on the website or in an app.} contact_centre {An operator enters a caller's reading.} voice {Callers say their town, account and reading to the voice bot.} viber {The provider's Viber bot.} telegram {The provider's Telegram bot.} facebook {The provider's Facebook page.} sms {Residents text their account and reading to the short number.} bank {Residents send readings in their bank's app.} other {Files and the command line: readings in bulk.}}",
  },
  state: {
    uk: "{on, select, yes {увімкнено} other {вимкнено}}",
    ru: "{on, select, yes {включён} other {выключен}}",
    en: "{on, select, yes {on} other {off}}",
  },
  save: { uk: "Зберегти канали", ru: "Сохранить каналы", en: "Save the channels" },
  saved: { uk: "Канали збережено.", ru: "Каналы сохранены.", en: "The channels are saved." },
  noneOn: {
    uk: "Усі канали вимкнено: показники зараз не приймаються ніяк.",
    ru: "Все каналы выключены: показания сейчас не принимаются никак.",
    en: "Every channel is off: no readings are taken at all.",
  },
});
