// What the operator's account page can refuse: a note with nothing in it or too long, and a caller to link
// who has no user (or whose phone or e-mail is typed wrong).
import type { ErrorSpec } from "../error-spec.ts";

export const ACCOUNT_VIEW_ERROR_CODES = {
  account_note_empty: {
    status: 422,
    message: {
      uk: "Напишіть текст нотатки.",
      ru: "Напишите текст заметки.",
      en: "Please write the note.",
    },
  },
  account_note_too_long: {
    status: 422,
    message: {
      uk: "Нотатка задовга: не більше {max} символів (зараз {length}).",
      ru: "Заметка слишком длинная: не больше {max} символов (сейчас {length}).",
      en: "The note is too long: at most {max} characters (it has {length}).",
    },
  },
  caller_login_invalid: {
    status: 422,
    message: {
      uk: "Введіть телефон абонента (наприклад, 067 111 22 33) або його e-mail.",
      ru: "Введите телефон абонента (например, 067 111 22 33) или его e-mail.",
      en: "Enter the caller's phone number (such as 067 111 22 33) or their e-mail.",
    },
  },
  caller_not_found: {
    status: 422,
    message: {
      uk: "Абонента з таким телефоном чи e-mail ще немає на платформі. Запропонуйте йому зареєструватися в особистому кабінеті, а потім привʼяжіть рахунок.",
      ru: "Абонента с таким телефоном или e-mail ещё нет на платформе. Предложите ему зарегистрироваться в личном кабинете, а затем привяжите счёт.",
      en: "No one with this phone number or e-mail is registered yet. Ask the caller to sign up in the personal cabinet first, then link the account.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
