// The words of the settings page's "Messengers" part: a one-time code that links a Telegram, Viber or Messenger
// chat to the signed-in person, and where to type it in the bot.
import { defineMessages } from "../../../i18n/messages.ts";

export const CHAT_LINK = defineMessages("cabinet: chat link", {
  heading: { uk: "Месенджери", ru: "Мессенджеры", en: "Messengers" },
  intro: {
    uk: "Бот Абонент у Telegram, Viber і Messenger приймає показники, показує борг і надсилає рахунки. Щоб бот бачив ваші рахунки, прив’яжіть чат одноразовим кодом.",
    ru: "Бот Абонент в Telegram, Viber и Messenger принимает показания, показывает долг и присылает счета. Чтобы бот видел ваши счета, привяжите чат одноразовым кодом.",
    en: "The Abonent bot on Telegram, Viber and Messenger takes readings, shows what you owe and sends bills. To let the bot see your accounts, link the chat with a one-time code.",
  },
  getCode: {
    uk: "Отримати код для прив’язки Telegram, Viber або Messenger",
    ru: "Получить код для привязки Telegram, Viber или Messenger",
    en: "Get a code to link Telegram, Viber or Messenger",
  },
  codeTitle: { uk: "Код для месенджера", ru: "Код для мессенджера", en: "Your messenger code" },
  codeLabel: { uk: "Ваш код", ru: "Ваш код", en: "Your code" },
  expires: {
    uk: "Дійсний до {time} {date} (за київським часом), один раз. Новий код замінює попередній.",
    ru: "Действует до {time} {date} (по киевскому времени), один раз. Новый код заменяет предыдущий.",
    en: "Valid until {time} on {date} (Kyiv time), once. A new code replaces the previous one.",
  },
  whereHeading: { uk: "Куди його ввести", ru: "Куда его ввести", en: "Where to type it" },
  where: {
    uk: "Відкрийте бот Абонент у Telegram, Viber чи Messenger і просто надішліть йому цей код. Або: /start чи «меню» → «Прив’язати рахунок» → «Код з кабінету», і тоді код.",
    ru: "Откройте бот Абонент в Telegram, Viber или Messenger и просто отправьте ему этот код. Или: /start либо «меню» → «Привязать счёт» → «Код из кабинета», и затем код.",
    en: "Open the Abonent bot on Telegram, Viber or Messenger and just send it this code. Or: /start or “menu” → “Link an account” → “Code from the cabinet”, then the code.",
  },
  shownOnce: {
    uk: "Код показано лише тут і лише зараз: ми його не зберігаємо у відкритому вигляді. Не повідомляйте його нікому.",
    ru: "Код показан только здесь и только сейчас: мы не храним его в открытом виде. Никому его не сообщайте.",
    en: "The code is shown only here and only now: we do not keep it in plain. Do not tell it to anyone.",
  },
  backToSettings: { uk: "Назад до налаштувань", ru: "Назад к настройкам", en: "Back to settings" },
});
