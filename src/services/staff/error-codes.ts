// What staff, invited people and the platform administrator can be told about staff access, in their language.
import type { ErrorSpec } from "../error-spec.ts";

export const STAFF_ERROR_CODES = {
  invitation_invalid: {
    status: 404,
    message: {
      uk: "Це запрошення недійсне: його вже використано, скасовано або посилання неповне. Попросіть адміністратора надіслати нове.",
      ru: "Это приглашение недействительно: его уже использовали, отменили или ссылка неполная. Попросите администратора прислать новое.",
      en: "This invitation is not valid: it was used or withdrawn, or the link is incomplete. Please ask your administrator for a new one.",
    },
  },
  invitation_expired: {
    status: 410,
    message: {
      uk: "Термін дії запрошення минув (воно діє {days} днів). Попросіть адміністратора надіслати нове.",
      ru: "Срок действия приглашения истёк (оно действует {days} дней). Попросите администратора прислать новое.",
      en: "This invitation has expired (it is valid for {days} days). Please ask your administrator for a new one.",
    },
  },
  staff_already_member: {
    status: 409,
    message: {
      uk: "Людина з цим e-mail уже є працівником постачальника. Спершу видаліть її доступ, якщо роль треба змінити.",
      ru: "Человек с этим e-mail уже является сотрудником поставщика. Сначала удалите его доступ, если роль нужно изменить.",
      en: "The person with this e-mail is already a provider's staff member. Remove their access first to change the role.",
    },
  },
  staff_email_invalid: {
    status: 422,
    message: {
      uk: "Вкажіть e-mail працівника, наприклад olena@example.ua.",
      ru: "Укажите e-mail сотрудника, например olena@example.ua.",
      en: "Please enter the staff member's e-mail, e.g. olena@example.ua.",
    },
  },
  staff_name_invalid: {
    status: 422,
    message: {
      uk: "Вкажіть повне ім'я працівника (до 200 символів).",
      ru: "Укажите полное имя сотрудника (до 200 символов).",
      en: "Please enter the staff member's full name (up to 200 characters).",
    },
  },
  cannot_remove_self: {
    status: 409,
    message: {
      uk: "Ви не можете видалити власний доступ. Попросіть про це іншого адміністратора.",
      ru: "Вы не можете удалить собственный доступ. Попросите об этом другого администратора.",
      en: "You cannot remove your own access. Please ask another administrator.",
    },
  },
  provider_code_invalid: {
    status: 422,
    message: {
      uk: "Код постачальника: малі латинські літери, цифри та дефіс, від 2 до 30 символів, починається з літери.",
      ru: "Код поставщика: строчные латинские буквы, цифры и дефис, от 2 до 30 символов, начинается с буквы.",
      en: "The provider code: lower-case Latin letters, digits and hyphens, 2 to 30 characters, starting with a letter.",
    },
  },
  provider_code_taken: {
    status: 409,
    message: {
      uk: "Постачальник з кодом «{code}» уже є. Оберіть інший код.",
      ru: "Поставщик с кодом «{code}» уже есть. Выберите другой код.",
      en: "A provider with the code “{code}” already exists. Please choose another code.",
    },
  },
  provider_name_invalid: {
    status: 422,
    message: {
      uk: "Вкажіть назву постачальника українською, російською та англійською (до 200 символів кожна).",
      ru: "Укажите название поставщика на украинском, русском и английском (до 200 символов каждое).",
      en: "Please enter the provider's name in Ukrainian, Russian and English (up to 200 characters each).",
    },
  },
  edrpou_invalid: {
    status: 422,
    message: {
      uk: "Код ЄДРПОУ має складатися з 8 цифр із правильною контрольною цифрою.",
      ru: "Код ЕГРПОУ должен состоять из 8 цифр с правильной контрольной цифрой.",
      en: "The EDRPOU code must be 8 digits with a correct check digit.",
    },
  },
  iban_invalid: {
    status: 422,
    message: {
      uk: "Вкажіть український IBAN: UA і 27 цифр із правильною контрольною сумою.",
      ru: "Укажите украинский IBAN: UA и 27 цифр с правильной контрольной суммой.",
      en: "Please enter a Ukrainian IBAN: UA and 27 digits with a correct checksum.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
