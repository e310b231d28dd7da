// What a person can be told while signing up, signing in by code or resetting a password, in their language.
import type { ErrorSpec } from "../error-spec.ts";

export const IDENTITY_ERROR_CODES = {
  login_invalid: {
    status: 400,
    message: {
      uk: "Вкажіть e-mail або номер мобільного телефону України, наприклад 067 111 22 33.",
      ru: "Укажите e-mail или номер мобильного телефона Украины, например 067 111 22 33.",
      en: "Please enter an e-mail address or a Ukrainian mobile number, e.g. 067 111 22 33.",
    },
  },
  password_too_short: {
    status: 422,
    message: {
      uk: "Пароль має містити щонайменше {min} символів. Довгу фразу з кількох слів легко запам'ятати.",
      ru: "Пароль должен содержать не менее {min} символов. Длинную фразу из нескольких слов легко запомнить.",
      en: "The password needs at least {min} characters. A phrase of several words is easy to remember.",
    },
  },
  password_too_common: {
    status: 422,
    message: {
      uk: "Цей пароль надто простий або поширений: його вгадають. Оберіть інший, наприклад фразу з кількох слів.",
      ru: "Этот пароль слишком простой или распространённый: его угадают. Выберите другой, например фразу из нескольких слов.",
      en: "This password is too simple or too common to be safe. Please choose another, e.g. a phrase of several words.",
    },
  },
  code_invalid: {
    status: 422,
    message: {
      uk: "Код не підходить. Перевірте його або попросіть новий.",
      ru: "Код не подходит. Проверьте его или запросите новый.",
      en: "The code is not right. Please check it or ask for a new one.",
    },
  },
  code_expired: {
    status: 422,
    message: {
      uk: "Термін дії коду минув (він діє {minutes} хв). Попросіть новий код.",
      ru: "Срок действия кода истёк (он действует {minutes} мин). Запросите новый код.",
      en: "The code has expired (it is valid for {minutes} min). Please ask for a new one.",
    },
  },
  code_exhausted: {
    status: 422,
    message: {
      uk: "Забагато неправильних спроб: цей код більше не діє. Попросіть новий код.",
      ru: "Слишком много неверных попыток: этот код больше не действует. Запросите новый код.",
      en: "Too many wrong tries: this code no longer works. Please ask for a new one.",
    },
  },
  identity_already_yours: {
    status: 409,
    message: {
      uk: "Ця адреса вже є у вашому кабінеті й підтверджена.",
      ru: "Этот адрес уже есть в вашем кабинете и подтверждён.",
      en: "This address is already in your cabinet and confirmed.",
    },
  },
  identity_taken: {
    status: 409,
    message: {
      uk: "Ця адреса вже належить іншому кабінету, тому додати її не можна. Якщо це ваш другий кабінет, увійдіть до нього з цією адресою.",
      ru: "Этот адрес уже принадлежит другому кабинету, поэтому добавить его нельзя. Если это ваш второй кабинет, войдите в него с этим адресом.",
      en: "This address already belongs to another cabinet, so it cannot be added. If that cabinet is yours too, sign in to it with this address.",
    },
  },
  reminder_channel_unverified: {
    status: 422,
    message: {
      uk: "Щоб отримувати нагадування так, спершу додайте й підтвердьте адресу: e-mail для листів, телефон для SMS.",
      ru: "Чтобы получать напоминания так, сначала добавьте и подтвердите адрес: e-mail для писем, телефон для SMS.",
      en: "To get reminders this way, first add and confirm the address: an e-mail for e-mails, a phone for SMS.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
