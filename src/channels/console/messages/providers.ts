// The words of the platform administrator's providers page (/console/providers).
import { defineMessages } from "../../../i18n/messages.ts";

export const PROVIDERS = defineMessages("console: providers", {
  title: { uk: "Постачальники", ru: "Поставщики", en: "Providers" },
  caption: { uk: "Постачальники платформи", ru: "Поставщики платформы", en: "The platform's providers" },
  colCode: { uk: "Код", ru: "Код", en: "Code" },
  colName: { uk: "Назва", ru: "Название", en: "Name" },
  colEdrpou: { uk: "ЄДРПОУ", ru: "ЕГРПОУ", en: "EDRPOU" },
  colIban: { uk: "IBAN", ru: "IBAN", en: "IBAN" },
  colStaff: { uk: "Працівники", ru: "Сотрудники", en: "Staff" },
  staffCount: {
    uk: "адміністраторів: {administrators}, операторів: {operators}",
    ru: "администраторов: {administrators}, операторов: {operators}",
    en: "administrators: {administrators}, operators: {operators}",
  },
  manageStaff: { uk: "Працівники: {name}", ru: "Сотрудники: {name}", en: "Staff: {name}" },
  noAdministrator: {
    uk: "Немає адміністратора — запросіть першого.",
    ru: "Нет администратора — пригласите первого.",
    en: "No administrator: invite the first one.",
  },
  createTitle: { uk: "Додати постачальника", ru: "Добавить поставщика", en: "Add a provider" },
  code: { uk: "Код", ru: "Код", en: "Code" },
  codeHint: {
    uk: "Малі латинські літери, цифри й дефіс, наприклад kramatorsk-water.",
    ru: "Строчные латинские буквы, цифры и дефис, например kramatorsk-water.",
    en: "Lower-case Latin letters, digits and hyphens, e.g. kramatorsk-water.",
  },
  nameUk: { uk: "Назва українською", ru: "Название на украинском", en: "Name in Ukrainian" },
  nameRu: { uk: "Назва російською", ru: "Название на русском", en: "Name in Russian" },
  nameEn: { uk: "Назва англійською", ru: "Название на английском", en: "Name in English" },
  edrpou: { uk: "Код ЄДРПОУ", ru: "Код ЕГРПОУ", en: "EDRPOU code" },
  iban: { uk: "IBAN для оплат", ru: "IBAN для оплат", en: "IBAN for payments" },
  create: { uk: "Додати постачальника", ru: "Добавить поставщика", en: "Add the provider" },
  created: {
    uk: "Постачальника «{code}» додано. Тепер запросіть його першого адміністратора.",
    ru: "Поставщик «{code}» добавлен. Теперь пригласите его первого администратора.",
    en: "Provider “{code}” is added. Now invite its first administrator.",
  },
  missing: { uk: "Заповніть це поле", ru: "Заполните это поле", en: "Fill in this field" },
});
