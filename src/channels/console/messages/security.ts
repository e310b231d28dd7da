// The words of the security page (/console/security): two-step sign-in with an authenticator app.
import { defineMessages } from "../../../i18n/messages.ts";

export const SECURITY = defineMessages("console: security", {
  title: { uk: "Вхід і захист", ru: "Вход и защита", en: "Sign-in security" },
  requiredNotice: {
    uk: "Для вашої ролі двоетапний вхід обов'язковий. Налаштуйте його, щоб продовжити роботу в консолі.",
    ru: "Для вашей роли двухэтапный вход обязателен. Настройте его, чтобы продолжить работу в консоли.",
    en: "Your role requires two-step sign-in. Set it up to continue working in the console.",
  },
  statusOn: {
    uk: "Двоетапний вхід увімкнено. Під час кожного входу консоль попросить код із застосунку.",
    ru: "Двухэтапный вход включён. При каждом входе консоль попросит код из приложения.",
    en: "Two-step sign-in is on. Every sign-in asks for a code from your app.",
  },
  statusOff: {
    uk: "Двоетапний вхід вимкнено: для входу достатньо пароля.",
    ru: "Двухэтапный вход выключен: для входа достаточно пароля.",
    en: "Two-step sign-in is off: your password alone signs you in.",
  },
  recoveryLeft: {
    uk: "Невикористаних резервних кодів: {n}.",
    ru: "Неиспользованных резервных кодов: {n}.",
    en: "Unused recovery codes: {n}.",
  },
  start: {
    uk: "Налаштувати двоетапний вхід",
    ru: "Настроить двухэтапный вход",
    en: "Set up two-step sign-in",
  },
  setupTitle: { uk: "Налаштування", ru: "Настройка", en: "Setting up" },
  step1: {
    uk: "Відкрийте застосунок-автентифікатор (Google Authenticator, Microsoft Authenticator, FreeOTP тощо) і відскануйте QR-код.",
    ru: "Откройте приложение-аутентификатор (Google Authenticator, Microsoft Authenticator, FreeOTP и т. п.) и отсканируйте QR-код.",
    en: "Open an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP, …) and scan the QR code.",
  },
  qrLabel: {
    uk: "QR-код із секретом для застосунку-автентифікатора",
    ru: "QR-код с секретом для приложения-аутентификатора",
    en: "QR code with the secret for the authenticator app",
  },
  secretLabel: {
    uk: "Не вдається відсканувати? Введіть ключ вручну:",
    ru: "Не получается отсканировать? Введите ключ вручную:",
    en: "Cannot scan it? Enter this key by hand:",
  },
  step2: {
    uk: "Введіть 6 цифр, які показує застосунок, щоб підтвердити.",
    ru: "Введите 6 цифр, которые показывает приложение, чтобы подтвердить.",
    en: "Enter the 6 digits the app shows to confirm.",
  },
  code: { uk: "Код із застосунку", ru: "Код из приложения", en: "Code from the app" },
  codeMissing: { uk: "Введіть код", ru: "Введите код", en: "Enter the code" },
  confirm: { uk: "Підтвердити й увімкнути", ru: "Подтвердить и включить", en: "Confirm and turn on" },
  recoveryTitle: { uk: "Ваші резервні коди", ru: "Ваши резервные коды", en: "Your recovery codes" },
  recoveryIntro: {
    uk: "Двоетапний вхід увімкнено. Збережіть ці коди в надійному місці: кожен спрацює один раз, якщо телефону не буде під рукою. Більше ми їх не покажемо.",
    ru: "Двухэтапный вход включён. Сохраните эти коды в надёжном месте: каждый сработает один раз, если телефона не будет под рукой. Больше мы их не покажем.",
    en: "Two-step sign-in is on. Keep these codes somewhere safe: each works once if your phone is not at hand. They are not shown again.",
  },
  continue: { uk: "Продовжити до консолі", ru: "Перейти в консоль", en: "Continue to the console" },
  disableTitle: {
    uk: "Вимкнути двоетапний вхід",
    ru: "Отключить двухэтапный вход",
    en: "Turn two-step sign-in off",
  },
  disableCode: {
    uk: "Поточний код або резервний код",
    ru: "Текущий код или резервный код",
    en: "Current code or a recovery code",
  },
  disable: { uk: "Вимкнути", ru: "Отключить", en: "Turn off" },
  disabled: {
    uk: "Двоетапний вхід вимкнено.",
    ru: "Двухэтапный вход отключён.",
    en: "Two-step sign-in is off.",
  },
  requiredCannotDisable: {
    uk: "Для вашої ролі двоетапний вхід вимкнути не можна.",
    ru: "Для вашей роли двухэтапный вход отключить нельзя.",
    en: "Your role does not allow turning two-step sign-in off.",
  },
});
