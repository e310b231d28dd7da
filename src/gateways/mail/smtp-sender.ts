// E-mail through an SMTP server (SMTP_URL: smtp://host:port, smtps://user:pass@host:465), plain text in UTF-8.
import nodemailer from "nodemailer";
import { CABINET_PLACEHOLDER } from "../../services/notifications/notification-texts.ts";
import type { Sender } from "../../services/outbox/deliver-outbox.ts";

export const DEFAULT_MAIL_FROM = "Abonent <no-reply@abonent.local>";

export interface SmtpSender {
  send: Sender;
  close(): void;
}

export function smtpSender(
  url: string,
  from = DEFAULT_MAIL_FROM,
  options: { cabinetUrl?: string | undefined } = {},
): SmtpSender {
  const transport = nodemailer.createTransport(url);
  const cabinet = (options.cabinetUrl ?? "").replace(/\/+$/, "");
  return {
    send: async (message) => {
      // A notification names the cabinet as "{cabinet}" (services/notifications/notification-texts.ts) and can be
      // stopped from its settings page, which mail clients offer as their own "unsubscribe" (RFC 2369).
      const notification = message.notification_id !== null && message.notification_id !== undefined;
      await transport.sendMail({
        from,
        to: message.address,
        subject: message.subject ?? "Abonent",
        text: notification ? message.body.replaceAll(CABINET_PLACEHOLDER, cabinet) : message.body,
        headers: {
          "Content-Language": message.locale,
          ...(notification ? { "List-Unsubscribe": `<${cabinet}/settings>` } : {}),
        },
      });
    },
    close: () => transport.close(),
  };
}
