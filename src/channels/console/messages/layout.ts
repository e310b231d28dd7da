// The words of the console's frame: its name, the sections' navigation (operators' work first, then the
// administrator's settings) and the staff member's place in the header.
import { defineMessages } from "../../../i18n/messages.ts";

export const CONSOLE_LAYOUT = defineMessages("console: layout", {
  brand: { uk: "Абонент · Консоль", ru: "Абонент · Консоль", en: "Abonent · Console" },
  navLabel: { uk: "Розділи консолі", ru: "Разделы консоли", en: "Console sections" },
  operatorWork: { uk: "Робота оператора", ru: "Работа оператора", en: "Operator's work" },
  administration: { uk: "Адміністрування", ru: "Администрирование", en: "Administration" },
  navAccounts: { uk: "Пошук рахунку", ru: "Поиск счёта", en: "Find an account" },
  navReviews: { uk: "Показники на перевірці", ru: "Показания на проверке", en: "Readings to review" },
  navRegistryLines: { uk: "Нерозпізнані платежі", ru: "Нераспознанные платежи", en: "Unmatched payments" },
  navInbox: { uk: "Чати", ru: "Чаты", en: "Chats" },
  navWindows: { uk: "Вікна подачі", ru: "Окна подачи", en: "Submission windows" },
  navTariffs: { uk: "Тарифи", ru: "Тарифы", en: "Tariffs" },
  navNews: { uk: "Новини", ru: "Новости", en: "News" },
  navContactCentre: { uk: "Контакт-центр", ru: "Контакт-центр", en: "Contact centre" },
  navChannels: { uk: "Канали", ru: "Каналы", en: "Channels" },
  navBilling: { uk: "Нарахування", ru: "Начисления", en: "Billing" },
  navRegistries: { uk: "Реєстри платежів", ru: "Реестры платежей", en: "Payment registries" },
  navStatistics: { uk: "Статистика", ru: "Статистика", en: "Statistics" },
  navStaff: { uk: "Працівники", ru: "Сотрудники", en: "Staff" },
  navAudit: { uk: "Журнал дій", ru: "Журнал действий", en: "Audit log" },
  navProviders: { uk: "Постачальники", ru: "Поставщики", en: "Providers" },
  navPartners: { uk: "Партнери", ru: "Партнёры", en: "Partners" },
  navSecurity: { uk: "Вхід і захист", ru: "Вход и защита", en: "Sign-in security" },
  roleOperator: { uk: "Оператор", ru: "Оператор", en: "Operator" },
  roleAdministrator: { uk: "Адміністратор", ru: "Администратор", en: "Administrator" },
  rolePlatformAdmin: {
    uk: "Адміністратор платформи",
    ru: "Администратор платформы",
    en: "Platform administrator",
  },
  footer: {
    uk: "Абонент — консоль працівників постачальника.",
    ru: "Абонент — консоль сотрудников поставщика.",
    en: "Abonent — the provider staff's console.",
  },
});
