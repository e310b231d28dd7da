// The words of the operator's inbox: bot conversations handed over to the contact centre, one conversation's
// messages, the answer form and closing.
import { defineMessages } from "../../../i18n/messages.ts";

export const CONSOLE_INBOX = defineMessages("console: inbox", {
  title: { uk: "Чати з абонентами", ru: "Чаты с абонентами", en: "Chats with residents" },
  lead: {
    uk: "Розмови з ботів Telegram, Viber і Messenger, які абоненти попросили передати оператору. Відповідь надходить у той самий чат; завершена розмова повертається до бота.",
    ru: "Разговоры из ботов Telegram, Viber и Messenger, которые абоненты попросили передать оператору. Ответ приходит в тот же чат; завершённый разговор возвращается к боту.",
    en: "Conversations from the Telegram, Viber and Messenger bots that residents asked to take to an operator. An answer goes to the same chat; a closed conversation goes back to the bot.",
  },
  refresh: { uk: "Оновити список", ru: "Обновить список", en: "Refresh the list" },
  refreshConversation: { uk: "Оновити розмову", ru: "Обновить разговор", en: "Refresh the conversation" },
  empty: {
    uk: "Зараз ніхто не чекає на оператора.",
    ru: "Сейчас никто не ждёт оператора.",
    en: "Nobody is waiting for an operator now.",
  },
  caption: {
    uk: "Розмови, передані оператору, найстаріші першими",
    ru: "Разговоры, переданные оператору, самые старые первыми",
    en: "Conversations handed to an operator, oldest first",
  },
  colPlatform: { uk: "Месенджер", ru: "Мессенджер", en: "Messenger" },
  colName: { uk: "Абонент", ru: "Абонент", en: "Resident" },
  colSince: { uk: "Чекає з", ru: "Ждёт с", en: "Waiting since" },
  colLast: { uk: "Останнє повідомлення", ru: "Последнее сообщение", en: "Last message" },
  colWaiting: { uk: "Без відповіді", ru: "Без ответа", en: "Unanswered" },
  platform: {
    uk: "{platform, select, telegram {Telegram} viber {Viber} messenger {Messenger} other {{platform}}}",
    ru: "{platform, select, telegram {Telegram} viber {Viber} messenger {Messenger} other {{platform}}}",
    en: "{platform, select, telegram {Telegram} viber {Viber} messenger {Messenger} other {{platform}}}",
  },
  noName: { uk: "Без імені", ru: "Без имени", en: "No name" },
  open: {
    uk: "Розмова {number}",
    ru: "Разговор {number}",
    en: "Conversation {number}",
  },
  noMessages: { uk: "Повідомлень ще немає", ru: "Сообщений ещё нет", en: "No messages yet" },
  waiting: {
    uk: "{count, plural, one {# повідомлення} few {# повідомлення} many {# повідомлень} other {# повідомлення}}",
    ru: "{count, plural, one {# сообщение} few {# сообщения} many {# сообщений} other {# сообщения}}",
    en: "{count, plural, one {# message} other {# messages}}",
  },
  conversationTitle: {
    uk: "{name} у {platform}",
    ru: "{name} в {platform}",
    en: "{name} on {platform}",
  },
  handedOver: {
    uk: "Передано оператору {when} (за київським часом).",
    ru: "Передано оператору {when} (по киевскому времени).",
    en: "Handed to an operator on {when} (Kyiv time).",
  },
  messagesHeading: { uk: "Повідомлення", ru: "Сообщения", en: "Messages" },
  fromResident: { uk: "Абонент", ru: "Абонент", en: "Resident" },
  fromOperator: { uk: "Оператор", ru: "Оператор", en: "Operator" },
  fromYou: { uk: "Ви", ru: "Вы", en: "You" },
  answerHeading: { uk: "Відповісти", ru: "Ответить", en: "Answer" },
  answer: {
    uk: "Відповідь (надійде в чат абонента)",
    ru: "Ответ (придёт в чат абонента)",
    en: "Answer (goes to the resident's chat)",
  },
  answerHint: { uk: "До 4000 символів.", ru: "До 4000 символов.", en: "Up to 4,000 characters." },
  send: { uk: "Надіслати", ru: "Отправить", en: "Send" },
  answerMissing: {
    uk: "Напишіть відповідь",
    ru: "Напишите ответ",
    en: "Write the answer",
  },
  answerTooLong: {
    uk: "Відповідь має бути не довшою за 4000 символів",
    ru: "Ответ должен быть не длиннее 4000 символов",
    en: "The answer must be 4,000 characters or fewer",
  },
  sent: {
    uk: "Відповідь надіслано в чат.",
    ru: "Ответ отправлен в чат.",
    en: "The answer was sent to the chat.",
  },
  closeHeading: { uk: "Завершити розмову", ru: "Завершить разговор", en: "Close the conversation" },
  closeIntro: {
    uk: "Коли питання вирішено: чат повернеться до бота, а розмова зникне зі списку.",
    ru: "Когда вопрос решён: чат вернётся к боту, а разговор исчезнет из списка.",
    en: "When the question is settled: the chat goes back to the bot and the conversation leaves the list.",
  },
  close: { uk: "Завершити розмову", ru: "Завершить разговор", en: "Close the conversation" },
  closed: {
    uk: "Розмову завершено: чат знову з ботом.",
    ru: "Разговор завершён: чат снова с ботом.",
    en: "The conversation was closed: the chat is back with the bot.",
  },
  back: { uk: "До списку чатів", ru: "К списку чатов", en: "Back to the chats" },
});
