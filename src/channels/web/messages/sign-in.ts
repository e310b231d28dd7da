// The words of the sign-in form.
import { defineMessages } from "../../../i18n/messages.ts";

export const SIGN_IN = defineMessages("cabinet: sign-in", {
  title: { uk: "Вхід до кабінету", ru: "Вход в кабинет", en: "Sign in" },
  intro: {
    uk: "Показники, рахунки й оплата всіх ваших комунальних послуг в одному місці.",
    ru: "Показания, счета и оплата всех ваших коммунальных услуг в одном месте.",
    en: "Readings, bills and payments for all your utilities in one place.",
  },
  login: {
    uk: "Електронна пошта або номер телефону",
    ru: "Электронная почта или номер телефона",
    en: "E-mail or phone number",
  },
  loginHint: {
    uk: "Наприклад, 067 123 45 67",
    ru: "Например, 067 123 45 67",
    en: "For example, 067 123 45 67",
  },
  password: { uk: "Пароль", ru: "Пароль", en: "Password" },
  submit: { uk: "Увійти", ru: "Войти", en: "Sign in" },
  loginMissing: {
    uk: "Введіть електронну пошту або номер телефону",
    ru: "Введите электронную почту или номер телефона",
    en: "Enter your e-mail or phone number",
  },
  passwordMissing: { uk: "Введіть пароль", ru: "Введите пароль", en: "Enter your password" },
  noAccount: { uk: "Ще не маєте кабінету?", ru: "Ещё нет кабинета?", en: "No cabinet yet?" },
  signUp: { uk: "Зареєструватися", ru: "Зарегистрироваться", en: "Sign up" },
  byCode: {
    uk: "Увійти за одноразовим кодом",
    ru: "Войти по одноразовому коду",
    en: "Sign in with a one-time code",
  },
  forgot: { uk: "Забули пароль?", ru: "Забыли пароль?", en: "Forgotten your password?" },
  signedOut: { uk: "Ви вийшли з кабінету.", ru: "Вы вышли из кабинета.", en: "You have signed out." },
  passwordReset: {
    uk: "Пароль змінено. Увійдіть з новим паролем.",
    ru: "Пароль изменён. Войдите с новым паролем.",
    en: "Your password has been changed. Sign in with the new one.",
  },
  signedOutEverywhere: {
    uk: "Ви вийшли з кабінету на всіх пристроях.",
    ru: "Вы вышли из кабинета на всех устройствах.",
    en: "You have signed out on every device.",
  },
});
