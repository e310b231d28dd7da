// The messages that carry one-time codes, in the person's language. SMS bodies are short and the code comes
// first, so a phone's preview shows it; e-mails add a subject. Nobody from Abonent ever asks for a code.
import { fill, type Locale } from "../../i18n/locale.ts";

export type CodeTemplate =
  | "sign_up_code"
  | "sign_up_taken"
  | "sign_in_code"
  | "reset_password_code"
  | "link_chat_code"
  | "add_identity_code"
  | "add_identity_taken";

interface Text {
  subject: string;
  body: string;
}

const NEVER_SHARE: Record<Locale, string> = {
  uk: "Нікому не повідомляйте цей код, навіть працівникам Abonent.",
  ru: "Никому не сообщайте этот код, даже сотрудникам Abonent.",
  en: "Never share this code, not even with Abonent staff.",
};

const TEXTS: Record<CodeTemplate, Record<Locale, Text>> = {
  sign_up_code: {
    uk: {
      subject: "Код для реєстрації в Abonent: {code}",
      body: "{code} — ваш код для реєстрації в Abonent. Діє {minutes} хв.",
    },
    ru: {
      subject: "Код для регистрации в Abonent: {code}",
      body: "{code} — ваш код для регистрации в Abonent. Действует {minutes} мин.",
    },
    en: {
      subject: "Your Abonent sign-up code: {code}",
      body: "{code} is your code to sign up to Abonent. Valid for {minutes} min.",
    },
  },
  sign_in_code: {
    uk: {
      subject: "Код для входу в Abonent: {code}",
      body: "{code} — ваш код для входу в Abonent. Діє {minutes} хв.",
    },
    ru: {
      subject: "Код для входа в Abonent: {code}",
      body: "{code} — ваш код для входа в Abonent. Действует {minutes} мин.",
    },
    en: {
      subject: "Your Abonent sign-in code: {code}",
      body: "{code} is your code to sign in to Abonent. Valid for {minutes} min.",
    },
  },
  reset_password_code: {
    uk: {
      subject: "Код для зміни пароля Abonent: {code}",
      body: "{code} — ваш код для зміни пароля в Abonent. Діє {minutes} хв.",
    },
    ru: {
      subject: "Код для смены пароля Abonent: {code}",
      body: "{code} — ваш код для смены пароля в Abonent. Действует {minutes} мин.",
    },
    en: {
      subject: "Your Abonent password reset code: {code}",
      body: "{code} is your code to reset your Abonent password. Valid for {minutes} min.",
    },
  },
  link_chat_code: {
    uk: {
      subject: "Код для підключення чату Abonent: {code}",
      body: "{code} — ваш код, щоб підключити чат до кабінету Abonent. Діє {minutes} хв.",
    },
    ru: {
      subject: "Код для подключения чата Abonent: {code}",
      body: "{code} — ваш код, чтобы подключить чат к кабинету Abonent. Действует {minutes} мин.",
    },
    en: {
      subject: "Your Abonent chat link code: {code}",
      body: "{code} is your code to link a chat to your Abonent account. Valid for {minutes} min.",
    },
  },
  add_identity_code: {
    uk: {
      subject: "Код для підтвердження адреси в Abonent: {code}",
      body: "{code} — ваш код, щоб додати цю адресу до кабінету Abonent. Діє {minutes} хв.",
    },
    ru: {
      subject: "Код для подтверждения адреса в Abonent: {code}",
      body: "{code} — ваш код, чтобы добавить этот адрес в кабинет Abonent. Действует {minutes} мин.",
    },
    en: {
      subject: "Your Abonent code to confirm this address: {code}",
      body: "{code} is your code to add this address to your Abonent cabinet. Valid for {minutes} min.",
    },
  },
  add_identity_taken: {
    uk: {
      subject: "Спроба додати вашу адресу до іншого кабінету Abonent",
      body: "Хтось намагався додати {login} до іншого кабінету Abonent. Адреса й далі належить вашому кабінету. Якщо це були ви — увійдіть до кабінету з цією адресою. Якщо ні — нічого робити не треба.",
    },
    ru: {
      subject: "Попытка добавить ваш адрес в другой кабинет Abonent",
      body: "Кто-то пытался добавить {login} в другой кабинет Abonent. Адрес по-прежнему принадлежит вашему кабинету. Если это были вы — войдите в кабинет с этим адресом. Если нет — ничего делать не нужно.",
    },
    en: {
      subject: "Someone tried to add your address to another Abonent cabinet",
      body: "Someone tried to add {login} to another Abonent cabinet. The address still belongs to your cabinet. If it was you, sign in to your cabinet with this address. If not, you need not do anything.",
    },
  },
  sign_up_taken: {
    uk: {
      subject: "Спроба реєстрації в Abonent з вашою адресою",
      body: "Хтось намагався зареєструватися в Abonent з {login}, але у вас уже є кабінет. Якщо це були ви — увійдіть або відновіть пароль. Якщо ні — нічого робити не треба.",
    },
    ru: {
      subject: "Попытка регистрации в Abonent с вашим адресом",
      body: "Кто-то пытался зарегистрироваться в Abonent с {login}, но у вас уже есть кабинет. Если это были вы — войдите или восстановите пароль. Если нет — ничего делать не нужно.",
    },
    en: {
      subject: "Someone tried to sign up to Abonent with your address",
      body: "Someone tried to sign up to Abonent with {login}, but you already have an account. If it was you, sign in or reset your password. If not, you need not do anything.",
    },
  },
};

/** The message in a language, with its code (if any) and the address filled in. */
export function codeMessage(
  template: CodeTemplate,
  locale: Locale,
  params: { code?: string; minutes?: number; login?: string },
): Text {
  const text = TEXTS[template][locale];
  const values = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<
    string,
    string | number
  >;
  const body = fill(text.body, values);
  return {
    subject: fill(text.subject, values),
    body: params.code ? `${body} ${NEVER_SHARE[locale]}` : body,
  };
}
