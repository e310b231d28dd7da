// The words of the platform administrator's partner pages (/console/partners and /console/partners/:code): the
// banks and terminal networks, their providers and limits, their keys, and a new secret shown once.
import { defineMessages } from "../../../i18n/messages.ts";

export const CONSOLE_PARTNERS = defineMessages("console: partners", {
  title: { uk: "Партнери", ru: "Партнёры", en: "Partners" },
  lead: {
    uk: "Банки й термінальні мережі, що приймають платежі за рахунками постачальників.",
    ru: "Банки и терминальные сети, принимающие платежи по счетам поставщиков.",
    en: "Banks and terminal networks that take payments for the providers' accounts.",
  },
  caption: { uk: "Партнери платформи", ru: "Партнёры платформы", en: "The platform's partners" },
  none: { uk: "Партнерів ще немає.", ru: "Партнёров ещё нет.", en: "There are no partners yet." },
  colCode: { uk: "Код", ru: "Код", en: "Code" },
  colName: { uk: "Назва", ru: "Название", en: "Name" },
  colProviders: { uk: "Постачальники", ru: "Поставщики", en: "Providers" },
  colLimits: { uk: "Ліміти", ru: "Лимиты", en: "Limits" },
  colToday: { uk: "Прийнято сьогодні", ru: "Принято сегодня", en: "Taken today" },
  colKeys: { uk: "Дійсні ключі", ru: "Действующие ключи", en: "Valid keys" },
  limitsText: {
    uk: "платіж {min} – {max}, за день {daily}",
    ru: "платёж {min} – {max}, за день {daily}",
    en: "a payment {min} – {max}, a day {daily}",
  },
  todayText: {
    uk: "{amount} ({payments} плат.)",
    ru: "{amount} ({payments} плат.)",
    en: "{amount} ({payments} payments)",
  },
  noProviders: { uk: "жодного", ru: "ни одного", en: "none" },
  disabledMark: { uk: "вимкнено", ru: "отключён", en: "disabled" },

  registerTitle: { uk: "Зареєструвати партнера", ru: "Зарегистрировать партнёра", en: "Register a partner" },
  register: { uk: "Зареєструвати партнера", ru: "Зарегистрировать партнёра", en: "Register the partner" },
  code: { uk: "Код", ru: "Код", en: "Code" },
  codeHint: {
    uk: "Малі латинські літери, цифри й дефіс, з літери, наприклад privat-terminals.",
    ru: "Строчные латинские буквы, цифры и дефис, с буквы, например privat-terminals.",
    en: "Lower-case Latin letters, digits and hyphens, starting with a letter, e.g. privat-terminals.",
  },
  name: { uk: "Назва", ru: "Название", en: "Name" },
  providers: {
    uk: "Постачальники, яких партнер обслуговує",
    ru: "Поставщики, которых партнёр обслуживает",
    en: "Providers the partner may serve",
  },
  terminalProtocol: {
    uk: "Протокол платіжних терміналів",
    ru: "Протокол платёжных терминалов",
    en: "Payment terminals' protocol",
  },
  terminalProtocolHint: {
    uk: "Партнер може звертатися за протоколом терміналів (check/pay) замість JSON API.",
    ru: "Партнёр может обращаться по протоколу терминалов (check/pay) вместо JSON API.",
    en: "The partner may call with the terminals' protocol (check/pay) besides the JSON API.",
  },
  ipAllow: { uk: "Дозволені адреси", ru: "Разрешённые адреса", en: "Allowed addresses" },
  ipAllowHint: {
    uk: "По одній на рядок: адреса або мережа, наприклад 203.0.113.0/24. Порожньо — будь-яка.",
    ru: "По одной на строку: адрес или сеть, например 203.0.113.0/24. Пусто — любой.",
    en: "One a line: an address or a network, e.g. 203.0.113.0/24. Empty: any.",
  },
  ratePerMinute: { uk: "Запитів за хвилину", ru: "Запросов в минуту", en: "Requests a minute" },
  minPayment: { uk: "Найменший платіж, грн", ru: "Наименьший платёж, грн", en: "Smallest payment, UAH" },
  maxPayment: { uk: "Найбільший платіж, грн", ru: "Наибольший платёж, грн", en: "Largest payment, UAH" },
  dailyLimit: { uk: "Денний ліміт, грн", ru: "Дневной лимит, грн", en: "Daily limit, UAH" },
  amountHint: {
    uk: "Гривні, наприклад 15000 або 15 000,50.",
    ru: "Гривны, например 15000 или 15 000,50.",
    en: "Hryvnias, e.g. 15000 or 15000.50.",
  },

  missing: { uk: "Заповніть це поле", ru: "Заполните это поле", en: "Fill in this field" },
  badCode: {
    uk: "Код: 2–30 малих латинських літер, цифр і дефісів, з літери",
    ru: "Код: 2–30 строчных латинских букв, цифр и дефисов, с буквы",
    en: "The code: 2–30 lower-case Latin letters, digits and hyphens, starting with a letter",
  },
  badRate: {
    uk: "Ціле число від 1 до 100 000",
    ru: "Целое число от 1 до 100 000",
    en: "A whole number from 1 to 100,000",
  },
  badAmount: {
    uk: "Сума в гривнях більша за нуль, не більше двох знаків після коми",
    ru: "Сумма в гривнах больше нуля, не более двух знаков после запятой",
    en: "An amount in hryvnias above zero, at most two decimals",
  },
  badLimits: {
    uk: "Найменший платіж не може бути більшим за найбільший, а найбільший — за денний ліміт",
    ru: "Наименьший платёж не может быть больше наибольшего, а наибольший — дневного лимита",
    en: "The smallest payment may not exceed the largest, nor the largest the daily limit",
  },

  secretTitle: { uk: "Новий ключ партнера", ru: "Новый ключ партнёра", en: "The partner's new key" },
  keyId: { uk: "Ідентифікатор ключа", ru: "Идентификатор ключа", en: "Key id" },
  secret: { uk: "Секрет", ru: "Секрет", en: "Secret" },
  secretOnce: {
    uk: "Передайте секрет партнерові захищеним каналом зараз: більше його не буде показано ніде.",
    ru: "Передайте секрет партнёру защищённым каналом сейчас: больше он нигде показан не будет.",
    en: "Give the secret to the partner over a secure channel now: it will not be shown again anywhere.",
  },
  registered: {
    uk: "Партнера «{code}» зареєстровано.",
    ru: "Партнёр «{code}» зарегистрирован.",
    en: "Partner “{code}” is registered.",
  },
  oldKeysExpire: {
    uk: "Попередні ключі діятимуть до {at} (за київським часом).",
    ru: "Прежние ключи будут действовать до {at} (по киевскому времени).",
    en: "The previous keys stay valid until {at} (Kyiv time).",
  },

  back: { uk: "Усі партнери", ru: "Все партнёры", en: "All partners" },
  partnerTitle: { uk: "Партнер «{name}»", ru: "Партнёр «{name}»", en: "Partner “{name}”" },
  reconciliations: { uk: "Звірки", ru: "Сверки", en: "Reconciliations" },
  registrySource: { uk: "Джерело реєстрів", ru: "Источник реестров", en: "Registry source" },
  state: { uk: "Стан", ru: "Состояние", en: "State" },
  active: { uk: "діє", ru: "действует", en: "active" },
  settingsTitle: { uk: "Налаштування", ru: "Настройки", en: "Settings" },
  save: { uk: "Зберегти", ru: "Сохранить", en: "Save" },
  saved: { uk: "Налаштування збережено.", ru: "Настройки сохранены.", en: "The settings are saved." },
  disable: { uk: "Вимкнути партнера", ru: "Отключить партнёра", en: "Disable the partner" },
  disableHint: {
    uk: "Усі його ключі одразу перестануть діяти, доки партнера не буде ввімкнено.",
    ru: "Все его ключи сразу перестанут действовать, пока партнёр не будет включён.",
    en: "All its keys stop working at once, until the partner is enabled again.",
  },
  enable: { uk: "Увімкнути партнера", ru: "Включить партнёра", en: "Enable the partner" },
  disabledNotice: {
    uk: "Партнера вимкнено: його запити не приймаються.",
    ru: "Партнёр отключён: его запросы не принимаются.",
    en: "The partner is disabled: its requests are refused.",
  },
  enabledNotice: { uk: "Партнера ввімкнено.", ru: "Партнёр включён.", en: "The partner is enabled." },

  keysTitle: { uk: "Ключі", ru: "Ключи", en: "Keys" },
  keysCaption: { uk: "Ключі партнера", ru: "Ключи партнёра", en: "The partner's keys" },
  colCreated: { uk: "Створено", ru: "Создан", en: "Created" },
  colExpires: { uk: "Діє до", ru: "Действует до", en: "Valid until" },
  colValid: { uk: "Стан", ru: "Состояние", en: "State" },
  noExpiry: { uk: "безстроково", ru: "бессрочно", en: "no end" },
  keyValid: { uk: "діє", ru: "действует", en: "valid" },
  keyExpired: { uk: "не діє", ru: "не действует", en: "not valid" },
  colRevoke: { uk: "Відкликання", ru: "Отзыв", en: "Revoking" },
  revoke: { uk: "Відкликати {keyId}", ru: "Отозвать {keyId}", en: "Revoke {keyId}" },
  revoked: {
    uk: "Ключ {keyId} відкликано: він більше не діє.",
    ru: "Ключ {keyId} отозван: он больше не действует.",
    en: "Key {keyId} is revoked: it no longer works.",
  },
  rotate: { uk: "Видати новий ключ", ru: "Выдать новый ключ", en: "Issue a new key" },
  rotateHint: {
    uk: "Новий секрет буде показано один раз; чинні ключі діятимуть ще 24 години.",
    ru: "Новый секрет будет показан один раз; действующие ключи будут работать ещё 24 часа.",
    en: "The new secret is shown once; the keys in use stay valid for 24 more hours.",
  },
});
