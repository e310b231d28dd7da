// The e-mail that carries an invitation, in the inviter's language (the invited person's is not known yet).

import type { InvitedRole } from "../../db/tables/staff-access.table.ts";
import type { Locale, Translated } from "../../i18n/locale.ts";
import { format } from "../../i18n/messages.ts";

const SUBJECT = {
  uk: "Запрошення до консолі Abonent: {provider}",
  ru: "Приглашение в консоль Abonent: {provider}",
  en: "Your invitation to the Abonent console: {provider}",
};
const BODY = {
  uk: "Вітаємо, {name}! Вас запрошено до консолі Abonent постачальника «{provider}» як {role}. Щоб прийняти запрошення й задати пароль, відкрийте посилання (воно діє {days} днів і лише один раз): {link} Якщо ви не чекали цього листа, просто проігноруйте його.",
  ru: "Здравствуйте, {name}! Вас пригласили в консоль Abonent поставщика «{provider}» как {role}. Чтобы принять приглашение и задать пароль, откройте ссылку (она действует {days} дней и только один раз): {link} Если вы не ждали этого письма, просто проигнорируйте его.",
  en: "Hello {name}, you are invited to the Abonent console of {provider} as {role}. To accept and set your password, open this link (valid for {days} days, once): {link} If you did not expect this e-mail, you can ignore it.",
};
export const ROLE_NAMES: Record<InvitedRole, Translated> = {
  operator: { uk: "оператора", ru: "оператора", en: "an operator" },
  administrator: { uk: "адміністратора", ru: "администратора", en: "an administrator" },
};

export function invitationMessage(
  locale: Locale,
  o: { name: string; provider: Translated; role: InvitedRole; link: string; days: number },
): { subject: string; body: string } {
  const params = {
    name: o.name,
    provider: o.provider[locale],
    role: ROLE_NAMES[o.role][locale],
    link: o.link,
    days: o.days,
  };
  return { subject: format(SUBJECT, locale, params), body: format(BODY, locale, params) };
}
