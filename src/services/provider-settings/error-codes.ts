// What an administrator is told when the news, the contact centre's schedule or the channels cannot be saved.
// details.field names the input field, so a form draws the message beside it.
import type { ErrorSpec } from "../error-spec.ts";

export const PROVIDER_SETTINGS_ERROR_CODES = {
  news_text_missing: {
    status: 422,
    message: {
      uk: "Заповніть {what} новини українською.",
      ru: "Заполните {what} новости на украинском.",
      en: "Please enter the news item's {what} in Ukrainian.",
    },
  },
  news_expiry_before_publication: {
    status: 422,
    message: {
      uk: "Новина має зникати пізніше, ніж зʼявляється: вкажіть кінець показу після дати публікації.",
      ru: "Новость должна исчезать позже, чем появляется: укажите конец показа после даты публикации.",
      en: "A news item must end after it starts: please give an expiry after its publication time.",
    },
  },
  contact_phone_invalid: {
    status: 422,
    message: {
      uk: "«{phone}» не схоже на український номер телефону. Напишіть його, наприклад, як 067 652 60 00.",
      ru: "«{phone}» не похоже на украинский номер телефона. Напишите его, например, как 067 652 60 00.",
      en: "“{phone}” does not look like a Ukrainian phone number. Please write it like 067 652 60 00.",
    },
  },
  contact_hours_invalid: {
    status: 422,
    message: {
      uk: "Години роботи ({day}) мають бути у форматі ГГ:ХХ, і закриття — пізніше за відкриття.",
      ru: "Часы работы ({day}) должны быть в формате ЧЧ:ММ, а закрытие — позже открытия.",
      en: "The hours ({day}) must be times like 08:00, closing later than opening.",
    },
  },
  contact_hours_repeated: {
    status: 422,
    message: {
      uk: "Для одного дня ({day}) години вказано двічі.",
      ru: "Для одного дня ({day}) часы указаны дважды.",
      en: "The hours of one day ({day}) are given twice.",
    },
  },
  hours_exception_invalid: {
    status: 422,
    message: {
      uk: "Години на {date} мають бути у форматі ГГ:ХХ, і закриття — пізніше за відкриття; або залиште обидва поля порожніми, якщо вихідний.",
      ru: "Часы на {date} должны быть в формате ЧЧ:ММ, а закрытие — позже открытия; или оставьте оба поля пустыми, если выходной.",
      en: "The hours on {date} must be times like 08:00, closing later than opening; or leave both empty for a day off.",
    },
  },
  hours_exception_repeated: {
    status: 422,
    message: {
      uk: "Особливий графік на {date} для цієї лінії вже є. Спершу видаліть його.",
      ru: "Особый график на {date} для этой линии уже есть. Сначала удалите его.",
      en: "There is already a special schedule for this line on {date}. Please remove it first.",
    },
  },
  hours_exception_in_past: {
    status: 422,
    message: {
      uk: "Дата {date} уже минула: особливий графік задають на сьогодні чи наперед.",
      ru: "Дата {date} уже прошла: особый график задают на сегодня или наперёд.",
      en: "{date} has passed: a special schedule is set for today or a day ahead.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
