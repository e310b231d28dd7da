// E-mail through an SMTP server (SMTP_URL: smtp://host:port, smtps://user:pass@host:465), plain text in UTF-8.
import nodemailer from "nodemailer";
import type { Sender } from "../../services/outbox/deliver-outbox.ts";

export const DEFAULT_MAIL_FROM = "Abonent <no-reply@abonent.local>";

export interface SmtpSender {
  send: Sender;
  close(): void;
}

export function smtpSender(url: string, from = DEFAULT_MAIL_FROM): SmtpSender {
  const transport = nodemailer.createTransport(url);
  return {
    send: async (message) => {
      await transport.sendMail({
        from,
        to: message.address,
        subject: message.subject ?? "Abonent",
        text: message.body,
        headers: { "Content-Language": message.locale },
      });
    },
    close: () => transport.close(),
  };
}
