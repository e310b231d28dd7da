// The words of the audit log page (/console/audit).
import { defineMessages } from "../../../i18n/messages.ts";

export const AUDIT = defineMessages("console: audit", {
  title: { uk: "Журнал дій", ru: "Журнал действий", en: "Audit log" },
  intro: {
    uk: "Кожна зміна, яку зробили працівники, будь-яким каналом. Найновіші — зверху.",
    ru: "Каждое изменение, сделанное сотрудниками, любым каналом. Самые новые — сверху.",
    en: "Every change staff made, through any channel. Newest first.",
  },
  filters: { uk: "Фільтр", ru: "Фильтр", en: "Filter" },
  staff: { uk: "Працівник", ru: "Сотрудник", en: "Staff member" },
  anyone: { uk: "Усі", ru: "Все", en: "Anyone" },
  staffId: {
    uk: "Працівник (номер користувача)",
    ru: "Сотрудник (номер пользователя)",
    en: "Staff member (user id)",
  },
  action: { uk: "Дія", ru: "Действие", en: "Action" },
  actionHint: {
    uk: "Назва дії, як у журналі, наприклад inviteStaff",
    ru: "Название действия, как в журнале, например inviteStaff",
    en: "The action's name as the log shows it, e.g. inviteStaff",
  },
  account: { uk: "Рахунок (внутрішній номер)", ru: "Счёт (внутренний номер)", en: "Account (internal id)" },
  apply: { uk: "Показати", ru: "Показать", en: "Show" },
  caption: { uk: "Записи журналу дій", ru: "Записи журнала действий", en: "Audit log lines" },
  colWhen: { uk: "Коли (Київ)", ru: "Когда (Киев)", en: "When (Kyiv)" },
  colWho: { uk: "Хто", ru: "Кто", en: "Who" },
  colProvider: { uk: "Постачальник", ru: "Поставщик", en: "Provider" },
  colAction: { uk: "Дія", ru: "Действие", en: "Action" },
  colChannel: { uk: "Канал", ru: "Канал", en: "Channel" },
  colAccount: { uk: "Рахунок", ru: "Счёт", en: "Account" },
  colDetails: { uk: "Подробиці", ru: "Подробности", en: "Details" },
  system: { uk: "Система", ru: "Система", en: "System" },
  none: { uk: "Записів не знайдено.", ru: "Записей не найдено.", en: "No lines found." },
  older: { uk: "Старіші записи", ru: "Более старые записи", en: "Older lines" },
  newest: { uk: "До найновіших", ru: "К самым новым", en: "Back to the newest" },
  badNumber: {
    uk: "Тут має бути ціле число",
    ru: "Здесь должно быть целое число",
    en: "This must be a whole number",
  },
});
