// The words of signing up, signing in with a one-time code, and resetting a password.
import { defineMessages } from "../../../i18n/messages.ts";

export const IDENTITY = defineMessages("cabinet: identity", {
  signUpTitle: { uk: "Створити кабінет", ru: "Создать кабинет", en: "Create your cabinet" },
  signUpIntro: {
    uk: "Один кабінет для всіх ваших постачальників. Ми надішлемо код, щоб переконатися, що адреса ваша.",
    ru: "Один кабинет для всех ваших поставщиков. Мы отправим код, чтобы убедиться, что адрес ваш.",
    en: "One cabinet for all your providers. We will send a code to make sure the address is yours.",
  },
  fullName: { uk: "Прізвище, ім'я та по батькові", ru: "Фамилия, имя и отчество", en: "Full name" },
  fullNameHint: {
    uk: "Як у договорі з постачальником",
    ru: "Как в договоре с поставщиком",
    en: "As on your contract with the provider",
  },
  fullNameMissing: {
    uk: "Введіть прізвище, ім'я та по батькові",
    ru: "Введите фамилию, имя и отчество",
    en: "Enter your full name",
  },
  login: {
    uk: "Електронна пошта або номер мобільного телефону",
    ru: "Электронная почта или номер мобильного телефона",
    en: "E-mail or mobile phone number",
  },
  loginHint: {
    uk: "Наприклад, olena@ukr.net або 067 123 45 67. Сюди прийде код.",
    ru: "Например, olena@ukr.net или 067 123 45 67. Сюда придёт код.",
    en: "For example, olena@ukr.net or 067 123 45 67. The code will be sent here.",
  },
  loginMissing: {
    uk: "Введіть електронну пошту або номер телефону",
    ru: "Введите электронную почту или номер телефона",
    en: "Enter your e-mail or phone number",
  },
  newPassword: { uk: "Придумайте пароль", ru: "Придумайте пароль", en: "Create a password" },
  newPasswordHint: {
    uk: "Щонайменше {min} символів. Найлегше запам'ятати фразу з кількох слів. Не беріть поширений пароль, свою пошту чи телефон.",
    ru: "Не менее {min} символов. Легче всего запомнить фразу из нескольких слов. Не используйте распространённый пароль, свою почту или телефон.",
    en: "At least {min} characters. A phrase of several words is easiest to remember. Do not use a common password, your e-mail or your phone number.",
  },
  newPasswordMissing: { uk: "Придумайте пароль", ru: "Придумайте пароль", en: "Create a password" },
  continue: { uk: "Продовжити", ru: "Продолжить", en: "Continue" },
  haveCabinet: {
    uk: "Уже маєте кабінет? Увійти",
    ru: "Уже есть кабинет? Войти",
    en: "Already have a cabinet? Sign in",
  },

  codeTitle: { uk: "Введіть код", ru: "Введите код", en: "Enter the code" },
  codeSentEmail: {
    uk: "Ми надіслали 6-значний код на {login}. Перевірте вхідні листи, а також папку «Спам».",
    ru: "Мы отправили 6-значный код на {login}. Проверьте входящие письма, а также папку «Спам».",
    en: "We have sent a 6-digit code to {login}. Check your inbox, and your spam folder too.",
  },
  codeSentSms: {
    uk: "Ми надіслали 6-значний код у SMS на номер {login}.",
    ru: "Мы отправили 6-значный код в SMS на номер {login}.",
    en: "We have sent a 6-digit code by SMS to {login}.",
  },
  codeSentIfKnownEmail: {
    uk: "Якщо з адресою {login} є кабінет, ми надіслали на неї 6-значний код. Перевірте вхідні листи, а також папку «Спам».",
    ru: "Если с адресом {login} есть кабинет, мы отправили на него 6-значный код. Проверьте входящие письма, а также папку «Спам».",
    en: "If a cabinet uses {login}, we have sent a 6-digit code there. Check your inbox, and your spam folder too.",
  },
  codeSentIfKnownSms: {
    uk: "Якщо з номером {login} є кабінет, ми надіслали на нього 6-значний код у SMS.",
    ru: "Если с номером {login} есть кабинет, мы отправили на него 6-значный код в SMS.",
    en: "If a cabinet uses {login}, we have sent a 6-digit code there by SMS.",
  },
  codeTakenNote: {
    uk: "Якщо з цією адресою вже є кабінет, замість коду ми надіслали туди нагадування: увійдіть або відновіть пароль.",
    ru: "Если с этим адресом уже есть кабинет, вместо кода мы отправили туда напоминание: войдите или восстановите пароль.",
    en: "If this address already has a cabinet, we have sent a reminder there instead of a code: sign in or reset your password.",
  },
  codeValid: {
    uk: "Код діє {minutes, plural, one {# хвилину} few {# хвилини} many {# хвилин} other {# хвилини}}.",
    ru: "Код действует {minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}.",
    en: "The code is valid for {minutes, plural, one {# minute} other {# minutes}}.",
  },
  code: { uk: "Код", ru: "Код", en: "Code" },
  codeHint: {
    uk: "6 цифр, наприклад 123456",
    ru: "6 цифр, например 123456",
    en: "6 digits, for example 123456",
  },
  codeMissing: {
    uk: "Введіть 6 цифр коду",
    ru: "Введите 6 цифр кода",
    en: "Enter the 6 digits of the code",
  },
  triesLeft: {
    uk: "{n, plural, one {Залишилася # спроба} few {Залишилося # спроби} many {Залишилося # спроб} other {Залишилося # спроби}}.",
    ru: "{n, plural, one {Осталась # попытка} few {Осталось # попытки} many {Осталось # попыток} other {Осталось # попытки}}.",
    en: "{n, plural, one {# try left} other {# tries left}}.",
  },
  confirm: { uk: "Підтвердити", ru: "Подтвердить", en: "Confirm" },
  noCode: { uk: "Не отримали код?", ru: "Не получили код?", en: "Not received the code?" },
  noCodeHint: {
    uk: "Лист або SMS іноді йде кілька хвилин. Новий код скасовує попередній.",
    ru: "Письмо или SMS иногда идёт несколько минут. Новый код отменяет предыдущий.",
    en: "An e-mail or SMS can take a few minutes. A new code replaces the previous one.",
  },
  sendNewCode: { uk: "Надіслати новий код", ru: "Отправить новый код", en: "Send a new code" },
  newCodeSent: {
    uk: "Ми надіслали новий код.",
    ru: "Мы отправили новый код.",
    en: "We have sent a new code.",
  },
  signUpAgain: {
    uk: "Надіслати новий код або змінити адресу",
    ru: "Отправить новый код или изменить адрес",
    en: "Send a new code or change the address",
  },
  signUpAgainNote: {
    uk: "Перевірте адресу й ще раз введіть пароль — ми надішлемо новий код.",
    ru: "Проверьте адрес и ещё раз введите пароль — мы отправим новый код.",
    en: "Check the address and enter your password again — we will send a new code.",
  },
  changeLogin: { uk: "Змінити адресу", ru: "Изменить адрес", en: "Change the address" },

  codeSignInTitle: {
    uk: "Вхід за одноразовим кодом",
    ru: "Вход по одноразовому коду",
    en: "Sign in with a one-time code",
  },
  codeSignInIntro: {
    uk: "Ми надішлемо код на вашу пошту або телефон — пароль не потрібен.",
    ru: "Мы отправим код на вашу почту или телефон — пароль не нужен.",
    en: "We will send a code to your e-mail or phone — no password needed.",
  },
  sendCode: { uk: "Надіслати код", ru: "Отправить код", en: "Send the code" },
  signIn: { uk: "Увійти", ru: "Войти", en: "Sign in" },
  byPassword: { uk: "Увійти з паролем", ru: "Войти с паролем", en: "Sign in with a password" },

  resetTitle: { uk: "Відновлення пароля", ru: "Восстановление пароля", en: "Reset your password" },
  resetIntro: {
    uk: "Вкажіть пошту або телефон вашого кабінету. Ми надішлемо код, з яким ви задасте новий пароль.",
    ru: "Укажите почту или телефон вашего кабинета. Мы отправим код, с которым вы зададите новый пароль.",
    en: "Enter your cabinet's e-mail or phone. We will send a code to set a new password with.",
  },
  resetCodeTitle: { uk: "Новий пароль", ru: "Новый пароль", en: "Set a new password" },
  resetWarning: {
    uk: "Після зміни пароля ви вийдете з кабінету на всіх пристроях, а ключі доступу до API буде відкликано.",
    ru: "После смены пароля вы выйдете из кабинета на всех устройствах, а ключи доступа к API будут отозваны.",
    en: "Once the password is changed you are signed out on every device, and your API tokens are revoked.",
  },
  setPassword: { uk: "Змінити пароль", ru: "Сменить пароль", en: "Change the password" },
});
