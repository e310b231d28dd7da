// Every error a user can meet: a stable code, its HTTP status, and its message in each language.
// Messages are ICU MessageFormat (i18n/messages.ts): {placeholders} from the error's params, and plural rules
// where a count is said ("{n, plural, one {# спроба} few {# спроби} many {# спроб} other {# спроби}}").

import { ACCOUNT_SEARCH_ERROR_CODES } from "./account-search/error-codes.ts";
import { ACCOUNT_VIEW_ERROR_CODES } from "./account-view/error-codes.ts";
import { ACCOUNT_ERROR_CODES } from "./accounts/error-codes.ts";
import { CALCULATOR_ERROR_CODES } from "./billing/calculator-error-codes.ts";
import { BILLING_ERROR_CODES } from "./billing/error-codes.ts";
import { BILLING_SCHEDULE_ERROR_CODES } from "./billing/schedule-error-codes.ts";
import { CONVERSATION_ERROR_CODES } from "./conversations/error-codes.ts";
import type { ErrorSpec } from "./error-spec.ts";
import { IDENTITY_ERROR_CODES } from "./identity/error-codes.ts";
import { PARTNER_ERROR_CODES } from "./partners/error-codes.ts";
import { PAYMENT_ERROR_CODES } from "./payments/error-codes.ts";
import { PROVIDER_SETTINGS_ERROR_CODES } from "./provider-settings/error-codes.ts";
import { READING_ERROR_CODES } from "./readings/error-codes.ts";
import { REGISTRY_ERROR_CODES } from "./registries/error-codes.ts";
import { REGISTRY_LINE_ERROR_CODES } from "./registry-lines/error-codes.ts";
import { REVIEW_ERROR_CODES } from "./reviews/error-codes.ts";
import { SMS_ERROR_CODES } from "./sms/error-codes.ts";
import { STAFF_ERROR_CODES } from "./staff/error-codes.ts";
import { STATISTICS_ERROR_CODES } from "./statistics/error-codes.ts";
import { TARIFF_ERROR_CODES } from "./tariffs/error-codes.ts";
import { TWO_FACTOR_ERROR_CODES } from "./two-factor/error-codes.ts";
import { VOICE_ERROR_CODES } from "./voice/error-codes.ts";
import { WINDOW_ERROR_CODES } from "./windows/error-codes.ts";

export type { ErrorSpec };

export const ERROR_CODES = {
  ...WINDOW_ERROR_CODES,
  ...TARIFF_ERROR_CODES,
  ...READING_ERROR_CODES,
  ...BILLING_ERROR_CODES,
  ...BILLING_SCHEDULE_ERROR_CODES,
  ...CALCULATOR_ERROR_CODES,
  ...REGISTRY_ERROR_CODES,
  ...REGISTRY_LINE_ERROR_CODES,
  ...REVIEW_ERROR_CODES,
  ...PAYMENT_ERROR_CODES,
  ...STATISTICS_ERROR_CODES,
  ...ACCOUNT_ERROR_CODES,
  ...ACCOUNT_SEARCH_ERROR_CODES,
  ...CONVERSATION_ERROR_CODES,
  ...ACCOUNT_VIEW_ERROR_CODES,
  ...IDENTITY_ERROR_CODES,
  ...STAFF_ERROR_CODES,
  ...TWO_FACTOR_ERROR_CODES,
  ...PROVIDER_SETTINGS_ERROR_CODES,
  ...SMS_ERROR_CODES,
  ...VOICE_ERROR_CODES,
  ...PARTNER_ERROR_CODES,
  validation_failed: {
    status: 400,
    message: {
      uk: "Перевірте введені дані: {details}",
      ru: "Проверьте введённые данные: {details}",
      en: "Please check the input: {details}",
    },
  },
  request_malformed: {
    status: 400,
    message: {
      uk: "Запит не вдалося прочитати: він пошкоджений або має неправильний формат.",
      ru: "Запрос не удалось прочитать: он повреждён или имеет неверный формат.",
      en: "The request could not be read: it is damaged or in the wrong format.",
    },
  },
  unsupported_media_type: {
    status: 415,
    message: {
      uk: "Дані такого типу тут не приймаються: перевірте заголовок Content-Type.",
      ru: "Данные такого типа здесь не принимаются: проверьте заголовок Content-Type.",
      en: "This kind of content is not accepted here: please check the Content-Type header.",
    },
  },
  payload_too_large: {
    status: 413,
    message: {
      uk: "Надіслані дані завеликі.",
      ru: "Отправленные данные слишком велики.",
      en: "The data sent is too large.",
    },
  },
  headers_too_large: {
    status: 431,
    message: {
      uk: "Заголовки запиту завеликі.",
      ru: "Заголовки запроса слишком велики.",
      en: "The request's headers are too large.",
    },
  },
  request_timeout: {
    status: 408,
    message: {
      uk: "Запит надходив надто довго. Спробуйте ще раз.",
      ru: "Запрос поступал слишком долго. Попробуйте ещё раз.",
      en: "The request took too long to arrive. Please try again.",
    },
  },
  not_found: {
    status: 404,
    message: { uk: "Не знайдено.", ru: "Не найдено.", en: "Not found." },
  },
  database_unavailable: {
    status: 503,
    message: {
      uk: "Сервіс тимчасово недоступний. Спробуйте за кілька хвилин.",
      ru: "Сервис временно недоступен. Попробуйте через несколько минут.",
      en: "The service is temporarily unavailable. Please try again in a few minutes.",
    },
  },
  internal: {
    status: 500,
    message: {
      uk: "Сталася помилка. Ми вже знаємо про неї.",
      ru: "Произошла ошибка. Мы уже знаем о ней.",
      en: "Something went wrong. We have been notified.",
    },
  },
  form_expired: {
    status: 403,
    message: {
      uk: "Форма застаріла або надіслана не з цього сайту. Відкрийте сторінку ще раз і надішліть форму знову.",
      ru: "Форма устарела или отправлена не с этого сайта. Откройте страницу ещё раз и отправьте форму снова.",
      en: "The form has expired or was not sent from this site. Please open the page again and resend the form.",
    },
  },
  unauthenticated: {
    status: 401,
    message: {
      uk: "Будь ласка, увійдіть до свого кабінету, щоб продовжити.",
      ru: "Пожалуйста, войдите в свой кабинет, чтобы продолжить.",
      en: "Please sign in to continue.",
    },
  },
  invalid_credentials: {
    status: 401,
    message: {
      uk: "Неправильний e-mail, телефон або пароль. Будь ласка, перевірте їх і спробуйте ще раз.",
      ru: "Неверный e-mail, телефон или пароль. Пожалуйста, проверьте их и попробуйте ещё раз.",
      en: "The e-mail, phone number or password is not right. Please check them and try again.",
    },
  },
  too_many_attempts: {
    status: 429,
    message: {
      uk: "Забагато спроб поспіль. Для вашої безпеки зачекайте, будь ласка, і спробуйте ще раз через {minutes, plural, one {# хвилину} few {# хвилини} many {# хвилин} other {# хвилини}}.",
      ru: "Слишком много попыток подряд. Для вашей безопасности подождите, пожалуйста, и попробуйте снова через {minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}.",
      en: "Too many attempts in a row. For your safety, please wait and try again in {minutes, plural, one {# minute} other {# minutes}}.",
    },
  },
  too_many_tokens: {
    status: 409,
    message: {
      uk: "У вас уже {limit, plural, one {# ключ} few {# ключі} many {# ключів} other {# ключа}} доступу — це найбільша кількість. Будь ласка, відкличте ключ, яким більше не користуєтеся, і створіть новий.",
      ru: "У вас уже {limit, plural, one {# ключ} few {# ключа} many {# ключей} other {# ключа}} доступа — это максимум. Пожалуйста, отзовите ключ, которым больше не пользуетесь, и создайте новый.",
      en: "You already have {limit, plural, one {# access token} other {# access tokens}}, the most allowed. Please revoke one you no longer use, then create a new one.",
    },
  },
  forbidden: {
    status: 403,
    message: {
      uk: "На жаль, ця дія вам недоступна.",
      ru: "К сожалению, это действие вам недоступно.",
      en: "Sorry, you are not allowed to do this.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;
