// What a resident can be told about a reading, in their language. Placeholders come from AppError params.
import type { ErrorSpec } from "../error-spec.ts";

export const READING_ERROR_CODES = {
  reading_channel_off: {
    status: 422,
    message: {
      uk: "Цей постачальник не приймає показники через {channel, select, web {особистий кабінет} voice {голосового бота} viber {Viber} telegram {Telegram} facebook {Facebook} sms {SMS} contact_centre {контакт-центр} other {файли імпорту}}. Передайте їх іншим способом — їх перелічено на сторінці контактів.",
      ru: "Этот поставщик не принимает показания через {channel, select, web {личный кабинет} voice {голосового бота} viber {Viber} telegram {Telegram} facebook {Facebook} sms {SMS} contact_centre {контакт-центр} other {файлы импорта}}. Передайте их другим способом — они перечислены на странице контактов.",
      en: "This provider does not take readings through {channel, select, web {the personal cabinet} voice {the voice bot} viber {Viber} telegram {Telegram} facebook {Facebook} sms {SMS} contact_centre {the contact centre} other {import files}}. Please send them another way: the contacts page lists them.",
    },
  },
  meter_not_chosen: {
    status: 422,
    message: {
      uk: "На цьому рахунку кілька лічильників. Оберіть, для якого ви передаєте показання.",
      ru: "На этом счёте несколько счётчиков. Выберите, для какого вы передаёте показания.",
      en: "This account has several meters. Please choose the meter this reading is for.",
    },
  },
  meter_removed: {
    status: 422,
    message: {
      uk: "Лічильник {serial} знято {date}. Показання приймаються з нового лічильника.",
      ru: "Счётчик {serial} снят {date}. Показания принимаются с нового счётчика.",
      en: "Meter {serial} was removed on {date}. Readings are taken from the new meter.",
    },
  },
  meter_verification_overdue: {
    status: 422,
    message: {
      uk: "Строк повірки лічильника {serial} минув {date}. Зверніться до контакт-центру, щоб замовити повірку.",
      ru: "Срок поверки счётчика {serial} истёк {date}. Обратитесь в контакт-центр, чтобы заказать поверку.",
      en: "Meter {serial} was due for verification on {date}. Please call the contact centre to arrange it.",
    },
  },
  reading_zones_mismatch: {
    status: 422,
    message: {
      uk: "Лічильник має {zones, plural, one {# зону} few {# зони} many {# зон} other {# зони}}. Передайте показання кожної зони ({expected}) одним разом.",
      ru: "У счётчика {zones, plural, one {# зона} few {# зоны} many {# зон} other {# зоны}}. Передайте показания каждой зоны ({expected}) за один раз.",
      en: "The meter has {zones, plural, one {# zone} other {# zones}}. Please send a reading for each zone ({expected}) together.",
    },
  },
  reading_empty: {
    status: 422,
    message: {
      uk: "Введіть показання{zoneLabel}.",
      ru: "Введите показания{zoneLabel}.",
      en: "Please enter the reading{zoneLabel}.",
    },
  },
  reading_not_a_number: {
    status: 422,
    message: {
      uk: "Показання{zoneLabel} мають бути числом, наприклад 12345 або 12345,6.",
      ru: "Показания{zoneLabel} должны быть числом, например 12345 или 12345,6.",
      en: "The reading{zoneLabel} must be a number, such as 12345 or 12345.6.",
    },
  },
  reading_negative: {
    status: 422,
    message: {
      uk: "Показання{zoneLabel} не можуть бути відʼємними.",
      ru: "Показания{zoneLabel} не могут быть отрицательными.",
      en: "The reading{zoneLabel} cannot be negative.",
    },
  },
  reading_too_many_decimals: {
    status: 422,
    message: {
      uk: "Лічильник показує {maxDecimals, plural, =0 {лише цілі числа} one {не більше # знака після коми} few {не більше # знаків після коми} many {не більше # знаків після коми} other {не більше # знака після коми}}{zoneLabel}.",
      ru: "Счётчик показывает {maxDecimals, plural, =0 {только целые числа} one {не больше # знака после запятой} few {не больше # знаков после запятой} many {не больше # знаков после запятой} other {не больше # знака после запятой}}{zoneLabel}.",
      en: "The meter shows {maxDecimals, plural, =0 {whole numbers only} one {at most # decimal place} other {at most # decimal places}}{zoneLabel}.",
    },
  },
  reading_too_many_digits: {
    status: 422,
    message: {
      uk: "Лічильник має лише {maxDigits, plural, one {# цифру} few {# цифри} many {# цифр} other {# цифри}} до коми{zoneLabel}. Перепишіть цифри з табло ще раз.",
      ru: "У счётчика только {maxDigits, plural, one {# цифра} few {# цифры} many {# цифр} other {# цифры}} до запятой{zoneLabel}. Перепишите цифры с табло ещё раз.",
      en: "The meter has only {maxDigits, plural, one {# digit} other {# digits}} before the decimal point{zoneLabel}. Please copy the dial again.",
    },
  },
  reading_below_previous: {
    status: 422,
    message: {
      uk: "Показання {value}{zoneLabel} менші за попередні: {previous} від {date}. Перевірте цифри.",
      ru: "Показания {value}{zoneLabel} меньше предыдущих: {previous} от {date}. Проверьте цифры.",
      en: "The reading {value}{zoneLabel} is below the previous one: {previous} on {date}. Please check the digits.",
    },
  },
  window_closed: {
    status: 422,
    message: {
      uk: "Зараз показання не приймаються. Наступний період передачі: з {opensOn} по {closesOn}.",
      ru: "Сейчас показания не принимаются. Следующий период передачи: с {opensOn} по {closesOn}.",
      en: "Readings are not being accepted now. The next submission window is {opensOn} to {closesOn}.",
    },
  },
  idempotency_key_reused: {
    status: 422,
    message: {
      uk: "Цей ключ ідемпотентності вже використано для іншого запиту.",
      ru: "Этот ключ идемпотентности уже использован для другого запроса.",
      en: "This Idempotency-Key was already used for a different request.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
