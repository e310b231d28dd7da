// What notifications say, in the person's language, each with a way to stop them that fits its channel: a chat
// takes "STOP" / "СТОП" as a reply, an SMS "STOP", an e-mail links to the cabinet's settings (and carries a
// List-Unsubscribe header, gateways/mail/smtp-sender.ts). E-mail bodies name the cabinet as "{cabinet}", which the
// mail sender fills with the installation's address: a notification written inside a reading's transaction
// does not know it. Values that differ per recipient (an account number) stay "{name}" here and are filled in
// SQL (notify.ts), so a window opening renders its text fifteen times (languages × channels), not once a person.
import type { OutboxChannel } from "../../db/tables/identity.table.ts";
import type { Locale } from "../../i18n/locale.ts";
import { defineMessages, format, type MessageParams } from "../../i18n/messages.ts";

export const NOTIFICATION_MESSAGES = defineMessages("notifications", {
  window_opens_subject: {
    uk: "Час передати показники: {service}",
    ru: "Время передать показания: {service}",
    en: "Time to submit your readings: {service}",
  },
  window_opens: {
    uk: "{provider}: прийом показників ({service}) відкрито до {closesOn} включно.",
    ru: "{provider}: приём показаний ({service}) открыт до {closesOn} включительно.",
    en: "{provider}: readings ({service}) are taken until {closesOn} inclusive.",
  },
  window_closes_subject: {
    uk: "Залишилось два дні, щоб передати показники: {service}",
    ru: "Осталось два дня, чтобы передать показания: {service}",
    en: "Two days left to submit your readings: {service}",
  },
  window_closes: {
    uk: "{provider}: прийом показників ({service}) закінчується {closesOn}, а від вас їх ще немає.",
    ru: "{provider}: приём показаний ({service}) заканчивается {closesOn}, а от вас их ещё нет.",
    en: "{provider}: readings ({service}) close on {closesOn}, and we have none from you yet.",
  },
  reading_accepted_subject: {
    uk: "Показники прийнято, квитанція {receipt}",
    ru: "Показания приняты, квитанция {receipt}",
    en: "Reading accepted, receipt {receipt}",
  },
  reading_accepted: {
    uk: "Показники за рахунком {account} прийнято. Квитанція {receipt}.",
    ru: "Показания по счёту {account} приняты. Квитанция {receipt}.",
    en: "The reading for account {account} is accepted. Receipt {receipt}.",
  },
  reading_flagged_subject: {
    uk: "Показники на перевірці, квитанція {receipt}",
    ru: "Показания на проверке, квитанция {receipt}",
    en: "Reading under review, receipt {receipt}",
  },
  reading_flagged: {
    uk: "Показники за рахунком {account} отримано й передано на перевірку. Квитанція {receipt}.",
    ru: "Показания по счёту {account} получены и переданы на проверку. Квитанция {receipt}.",
    en: "The reading for account {account} is received and goes to review. Receipt {receipt}.",
  },
  reading_reviewed_subject: {
    uk: "Показники перевірено, квитанція {receipt}",
    ru: "Показания проверены, квитанция {receipt}",
    en: "Reading reviewed, receipt {receipt}",
  },
  reading_reviewed: {
    uk: "{status, select, accepted {Показники за рахунком {account} перевірено й прийнято.} other {Показники за рахунком {account} відхилено: {reason}.}} Квитанція {receipt}.",
    ru: "{status, select, accepted {Показания по счёту {account} проверены и приняты.} other {Показания по счёту {account} отклонены: {reason}.}} Квитанция {receipt}.",
    en: "{status, select, accepted {The reading for account {account} is reviewed and accepted.} other {The reading for account {account} is rejected: {reason}.}} Receipt {receipt}.",
  },
  bill_ready_subject: {
    uk: "Новий рахунок за {period}",
    ru: "Новый счёт за {period}",
    en: "Your bill for {period}",
  },
  bill_ready: {
    uk: "{provider}: рахунок за {period} за особовим рахунком {account} готовий.",
    ru: "{provider}: счёт за {period} по лицевому счёту {account} готов.",
    en: "{provider}: the bill for {period} for account {account} is ready.",
  },
  payment_received_subject: {
    uk: "Оплату отримано",
    ru: "Оплата получена",
    en: "Payment received",
  },
  payment_received: {
    uk: "Оплату {amount} грн за рахунком {account} отримано. Дякуємо!",
    ru: "Оплата {amount} грн по счёту {account} получена. Спасибо!",
    en: "Your payment of {amount} UAH for account {account} is received. Thank you!",
  },
  debt_reminder_subject: {
    uk: "Нагадування про борг",
    ru: "Напоминание о долге",
    en: "A reminder of your debt",
  },
  debt_reminder: {
    uk: "{provider}: за рахунком {account} борг {amount} грн. Будь ласка, сплатіть його.",
    ru: "{provider}: по счёту {account} долг {amount} грн. Пожалуйста, оплатите его.",
    en: "{provider}: account {account} owes {amount} UAH. Please pay it.",
  },
  stop_chat: {
    uk: "Щоб не отримувати сповіщень, надішліть СТОП.",
    ru: "Чтобы не получать уведомления, отправьте СТОП.",
    en: "To stop these messages, reply STOP.",
  },
  stop_sms: {
    uk: "Відписатися: STOP",
    ru: "Отписаться: STOP",
    en: "Unsubscribe: STOP",
  },
  stop_email: {
    uk: "Відписатися або вибрати інший спосіб: {cabinet}/settings",
    ru: "Отписаться или выбрать другой способ: {cabinet}/settings",
    en: "Unsubscribe or choose another way: {cabinet}/settings",
  },
});

export type NotificationTemplate =
  | "window_opens"
  | "window_closes"
  | "reading_accepted"
  | "reading_flagged"
  | "reading_reviewed"
  | "bill_ready"
  | "payment_received"
  | "debt_reminder";

/** What e-mail bodies say in place of the cabinet's address, filled by the mail sender. */
export const CABINET_PLACEHOLDER = "{cabinet}";

export interface NotificationText {
  subject: string | null;
  body: string;
}

/** The message for one channel and language; params not given stay "{name}" (notify.ts fills them per person). */
export function renderNotification(
  template: NotificationTemplate,
  channel: OutboxChannel,
  locale: Locale,
  params: MessageParams,
): NotificationText {
  const text = format(NOTIFICATION_MESSAGES[template], locale, params);
  if (channel === "email") {
    const stop = format(NOTIFICATION_MESSAGES.stop_email, locale, { cabinet: CABINET_PLACEHOLDER });
    return {
      subject: format(NOTIFICATION_MESSAGES[`${template}_subject`], locale, params),
      body: `${text}\n\n--\n${stop}`,
    };
  }
  const stop = NOTIFICATION_MESSAGES[channel === "sms" ? "stop_sms" : "stop_chat"];
  return { subject: null, body: `${text}\n${format(stop, locale)}` };
}
