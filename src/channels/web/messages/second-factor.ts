// The words of the second step of signing in (two-step sign-in with an authenticator app).
import { defineMessages } from "../../../i18n/messages.ts";

export const SECOND_FACTOR = defineMessages("cabinet: second factor", {
  title: { uk: "Код підтвердження", ru: "Код подтверждения", en: "Confirmation code" },
  intro: {
    uk: "У вас увімкнено двоетапний вхід. Введіть 6 цифр, які зараз показує ваш застосунок-автентифікатор.",
    ru: "У вас включён двухэтапный вход. Введите 6 цифр, которые сейчас показывает ваше приложение-аутентификатор.",
    en: "Two-step sign-in is on for you. Enter the 6 digits your authenticator app shows now.",
  },
  code: { uk: "Код", ru: "Код", en: "Code" },
  codeHint: {
    uk: "Немає телефону з собою? Введіть один із резервних кодів, наприклад k7mqa-2xw9p.",
    ru: "Нет телефона с собой? Введите один из резервных кодов, например k7mqa-2xw9p.",
    en: "No phone with you? Enter one of your recovery codes, such as k7mqa-2xw9p.",
  },
  codeMissing: {
    uk: "Введіть код із застосунку або резервний код",
    ru: "Введите код из приложения или резервный код",
    en: "Enter the code from your app or a recovery code",
  },
  submit: { uk: "Підтвердити й увійти", ru: "Подтвердить и войти", en: "Confirm and sign in" },
  startAgain: { uk: "Почати вхід заново", ru: "Начать вход заново", en: "Start signing in again" },
});

/** Notices on the sign-in page after the second step ran out, or an invitation was accepted. */
export const TWO_STEP_NOTICES = defineMessages("cabinet: sign-in notices of staff access", {
  secondFactorExpired: {
    uk: "Час на введення коду минув. Увійдіть ще раз.",
    ru: "Время на ввод кода истекло. Войдите ещё раз.",
    en: "The time to enter the code ran out. Please sign in again.",
  },
  invitationAccepted: {
    uk: "Запрошення прийнято. Увійдіть зі своїм e-mail і новим паролем.",
    ru: "Приглашение принято. Войдите со своим e-mail и новым паролем.",
    en: "Invitation accepted. Sign in with your e-mail and your new password.",
  },
});
