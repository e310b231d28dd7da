// The words of the settings pages: language, e-mail and phone, reminders, API tokens, signing out everywhere.
import { defineMessages } from "../../../i18n/messages.ts";

export const SETTINGS = defineMessages("cabinet: settings", {
  title: { uk: "Налаштування", ru: "Настройки", en: "Settings" },
  language: { uk: "Мова", ru: "Язык", en: "Language" },
  languageIs: {
    uk: "Кабінет, коди й повідомлення — цією мовою.",
    ru: "Кабинет, коды и сообщения — на этом языке.",
    en: "The cabinet, codes and messages are in this language.",
  },
  changeLanguage: { uk: "Змінити мову", ru: "Изменить язык", en: "Change the language" },
  languageLegend: {
    uk: "Якою мовою показувати кабінет?",
    ru: "На каком языке показывать кабинет?",
    en: "Which language should the cabinet be in?",
  },
  save: { uk: "Зберегти", ru: "Сохранить", en: "Save" },
  chooseOne: { uk: "Оберіть один варіант", ru: "Выберите один вариант", en: "Choose one option" },

  identities: { uk: "Пошта й телефон", ru: "Почта и телефон", en: "E-mail and phone" },
  identitiesIntro: {
    uk: "З будь-якою з цих адрес можна увійти, і на них приходять коди.",
    ru: "С любым из этих адресов можно войти, и на них приходят коды.",
    en: "You can sign in with any of these, and codes are sent to them.",
  },
  kind: {
    uk: "{kind, select, email {Електронна пошта} phone {Телефон} telegram {Чат Telegram} viber {Чат Viber} messenger {Чат Messenger} other {Номер для дзвінків}}",
    ru: "{kind, select, email {Электронная почта} phone {Телефон} telegram {Чат Telegram} viber {Чат Viber} messenger {Чат Messenger} other {Номер для звонков}}",
    en: "{kind, select, email {E-mail} phone {Phone} telegram {Telegram chat} viber {Viber chat} messenger {Messenger chat} other {Number for calls}}",
  },
  confirmed: { uk: "Підтверджено", ru: "Подтверждено", en: "Confirmed" },
  noIdentities: {
    uk: "Немає підтверджених адрес.",
    ru: "Нет подтверждённых адресов.",
    en: "No confirmed addresses.",
  },
  addIdentity: {
    uk: "Додати пошту або телефон",
    ru: "Добавить почту или телефон",
    en: "Add an e-mail or phone",
  },
  addIdentityIntro: {
    uk: "Ми надішлемо на адресу код, щоб переконатися, що вона ваша. Потім з нею можна буде входити й отримувати нагадування.",
    ru: "Мы отправим на адрес код, чтобы убедиться, что он ваш. Потом с ним можно будет входить и получать напоминания.",
    en: "We will send a code to the address to make sure it is yours. Then you can sign in with it and get reminders there.",
  },
  identityCodeSentNote: {
    uk: "Якщо ця адреса вже належить іншому кабінету, код не прийде: ми повідомимо її власника.",
    ru: "Если этот адрес уже принадлежит другому кабинету, код не придёт: мы уведомим его владельца.",
    en: "If the address already belongs to another cabinet, no code comes: we tell its owner instead.",
  },
  identityAdded: {
    uk: "Адресу додано й підтверджено: тепер з нею можна входити.",
    ru: "Адрес добавлен и подтверждён: теперь с ним можно входить.",
    en: "The address has been added and confirmed: you can now sign in with it.",
  },

  reminders: { uk: "Нагадування", ru: "Напоминания", en: "Reminders" },
  remindersGoTo: {
    uk: "{channel, select, email {Нагадування про показники й оплату приходять на пошту.} sms {Нагадування про показники й оплату приходять у SMS.} telegram {Нагадування про показники й оплату приходять у Telegram.} viber {Нагадування про показники й оплату приходять у Viber.} messenger {Нагадування про показники й оплату приходять у Messenger.} other {Нагадування не надсилаються.}}",
    ru: "{channel, select, email {Напоминания о показаниях и оплате приходят на почту.} sms {Напоминания о показаниях и оплате приходят в SMS.} telegram {Напоминания о показаниях и оплате приходят в Telegram.} viber {Напоминания о показаниях и оплате приходят в Viber.} messenger {Напоминания о показаниях и оплате приходят в Messenger.} other {Напоминания не отправляются.}}",
    en: "{channel, select, email {Reminders about readings and payments come by e-mail.} sms {Reminders about readings and payments come by SMS.} telegram {Reminders about readings and payments come in Telegram.} viber {Reminders about readings and payments come in Viber.} messenger {Reminders about readings and payments come in Messenger.} other {No reminders are sent.}}",
  },
  changeReminders: {
    uk: "Змінити, куди надходять нагадування",
    ru: "Изменить, куда приходят напоминания",
    en: "Change where reminders go",
  },
  remindersLegend: {
    uk: "Куди надсилати нагадування?",
    ru: "Куда отправлять напоминания?",
    en: "Where should reminders go?",
  },
  remindersHint: {
    uk: "Нагадаємо, коли відкриється період передачі показань і коли настане час оплати.",
    ru: "Напомним, когда откроется период передачи показаний и когда придёт время оплаты.",
    en: "We remind you when the reading window opens and when payment is due.",
  },
  channelEmail: { uk: "На пошту {address}", ru: "На почту {address}", en: "By e-mail to {address}" },
  channelSms: { uk: "У SMS на {address}", ru: "В SMS на {address}", en: "By SMS to {address}" },
  channelChat: { uk: "У чат {platform}", ru: "В чат {platform}", en: "In the {platform} chat" },
  channelNone: { uk: "Не надсилати", ru: "Не отправлять", en: "Do not send reminders" },
  remindersNeedAddress: {
    uk: "Щоб отримувати нагадування в SMS або на пошту, спершу додайте й підтвердьте телефон або пошту.",
    ru: "Чтобы получать напоминания в SMS или на почту, сначала добавьте и подтвердите телефон или почту.",
    en: "To get reminders by SMS or e-mail, first add and confirm a phone or an e-mail.",
  },
  remindersSaved: {
    uk: "Збережено, куди надходять нагадування.",
    ru: "Сохранено, куда приходят напоминания.",
    en: "Where reminders go has been saved.",
  },
  languageSaved: { uk: "Мову збережено.", ru: "Язык сохранён.", en: "The language has been saved." },

  tokens: { uk: "Ключі доступу до API", ru: "Ключи доступа к API", en: "API tokens" },
  tokensIntro: {
    uk: "Ключ дає вашим програмам (наприклад, розумному дому) доступ до кабінету без пароля: передавати показники, бачити рахунки. Створюйте окремий ключ для кожної програми.",
    ru: "Ключ даёт вашим программам (например, умному дому) доступ к кабинету без пароля: передавать показания, видеть счета. Создавайте отдельный ключ для каждой программы.",
    en: "A token lets your own tools (home automation, for example) use your cabinet without your password: submit readings, see bills. Create one token per tool.",
  },
  tokensCaption: { uk: "Ваші ключі", ru: "Ваши ключи", en: "Your tokens" },
  tokenName: { uk: "Назва", ru: "Название", en: "Name" },
  tokenStart: { uk: "Починається з", ru: "Начинается с", en: "Starts with" },
  tokenCreated: { uk: "Створено", ru: "Создан", en: "Created" },
  tokenLastUsed: { uk: "Останнє використання", ru: "Последнее использование", en: "Last used" },
  tokenAction: { uk: "Дія", ru: "Действие", en: "Action" },
  never: { uk: "ще не використовувався", ru: "ещё не использовался", en: "not yet" },
  noTokens: { uk: "У вас немає ключів.", ru: "У вас нет ключей.", en: "You have no tokens." },
  revoke: { uk: "Відкликати", ru: "Отозвать", en: "Revoke" },
  revokeNamed: { uk: "ключ «{name}»", ru: "ключ «{name}»", en: "the token “{name}”" },
  createToken: { uk: "Створити ключ", ru: "Создать ключ", en: "Create a token" },
  newTokenTitle: { uk: "Новий ключ доступу", ru: "Новый ключ доступа", en: "New API token" },
  newTokenName: {
    uk: "Для чого цей ключ?",
    ru: "Для чего этот ключ?",
    en: "What is this token for?",
  },
  newTokenNameHint: {
    uk: "Наприклад, «Розумний дім». До 60 символів.",
    ru: "Например, «Умный дом». До 60 символов.",
    en: "For example, “Home Assistant”. Up to 60 characters.",
  },
  newTokenNameMissing: {
    uk: "Вкажіть, для чого цей ключ",
    ru: "Укажите, для чего этот ключ",
    en: "Enter what this token is for",
  },
  tokenShownTitle: { uk: "Ваш новий ключ", ru: "Ваш новый ключ", en: "Your new token" },
  tokenShownOnce: {
    uk: "Скопіюйте ключ зараз і збережіть у надійному місці: більше ми його не покажемо.",
    ru: "Скопируйте ключ сейчас и сохраните в надёжном месте: больше мы его не покажем.",
    en: "Copy the token now and keep it somewhere safe: it will not be shown again.",
  },
  tokenLabel: { uk: "Ключ «{name}»", ru: "Ключ «{name}»", en: "Token “{name}”" },
  tokenUse: {
    uk: "Програма надсилає його в заголовку: Authorization: Bearer <ключ>",
    ru: "Программа отправляет его в заголовке: Authorization: Bearer <ключ>",
    en: "Your tool sends it in the header: Authorization: Bearer <token>",
  },
  tokenRevoked: { uk: "Ключ відкликано.", ru: "Ключ отозван.", en: "The token has been revoked." },
  backToSettings: { uk: "Повернутися до налаштувань", ru: "Вернуться к настройкам", en: "Back to settings" },

  everywhere: {
    uk: "Вийти на всіх пристроях",
    ru: "Выйти на всех устройствах",
    en: "Sign out on every device",
  },
  everywhereIntro: {
    uk: "Якщо ви входили з чужого телефона чи комп'ютера або загубили телефон. Ключі доступу до API залишаться — відкличте їх окремо.",
    ru: "Если вы входили с чужого телефона или компьютера или потеряли телефон. Ключи доступа к API останутся — отзовите их отдельно.",
    en: "If you signed in on someone else's phone or computer, or lost your phone. API tokens stay: revoke them above.",
  },
});
