// The words of the administrator's news page: the list with each item's state, the form to write or edit an
// item, and the withdraw button.
import { defineMessages } from "../../../i18n/messages.ts";

export const CONSOLE_NEWS = defineMessages("console: news", {
  title: { uk: "Новини та оголошення", ru: "Новости и объявления", en: "News and announcements" },
  lead: {
    uk: "Абоненти бачать новину в кабінеті від дати публікації до кінця показу. Час — київський.",
    ru: "Абоненты видят новость в кабинете от даты публикации до конца показа. Время — киевское.",
    en: "Residents see an item in the cabinet from its publication time until its expiry. Times are Kyiv time.",
  },
  tableCaption: {
    uk: "Усі новини постачальника",
    ru: "Все новости поставщика",
    en: "All the provider's news",
  },
  colTitle: { uk: "Заголовок", ru: "Заголовок", en: "Title" },
  colKind: { uk: "Тема", ru: "Тема", en: "Kind" },
  colPublished: { uk: "Публікація", ru: "Публикация", en: "Published" },
  colExpires: { uk: "Кінець показу", ru: "Конец показа", en: "Expires" },
  colState: { uk: "Стан", ru: "Состояние", en: "State" },
  colActions: { uk: "Дії", ru: "Действия", en: "Actions" },
  never: { uk: "без кінця", ru: "без конца", en: "never" },
  none: { uk: "Новин ще немає.", ru: "Новостей ещё нет.", en: "There are no news items yet." },
  state: {
    uk: "{state, select, scheduled {Заплановано} published {Опубліковано} other {Показ завершено}}",
    ru: "{state, select, scheduled {Запланировано} published {Опубликовано} other {Показ завершён}}",
    en: "{state, select, scheduled {Scheduled} published {Published} other {Expired}}",
  },
  kind: {
    uk: "{kind, select, tariff {Тарифи} payment {Оплата} schedule {Графік роботи} energy_saving {Енергозбереження} other {Загальне}}",
    ru: "{kind, select, tariff {Тарифы} payment {Оплата} schedule {График работы} energy_saving {Энергосбережение} other {Общее}}",
    en: "{kind, select, tariff {Tariffs} payment {Payment} schedule {Working hours} energy_saving {Energy saving} other {General}}",
  },
  edit: { uk: "Редагувати «{title}»", ru: "Редактировать «{title}»", en: "Edit “{title}”" },
  withdraw: { uk: "Зняти «{title}»", ru: "Снять «{title}»", en: "Withdraw “{title}”" },
  newTitle: { uk: "Нова новина", ru: "Новая новость", en: "New news item" },
  editTitle: { uk: "Редагування новини", ru: "Редактирование новости", en: "Editing a news item" },
  cancelEdit: { uk: "Скасувати редагування", ru: "Отменить редактирование", en: "Cancel editing" },
  fieldKind: { uk: "Тема", ru: "Тема", en: "Kind" },
  fieldPublished: {
    uk: "Дата й час публікації",
    ru: "Дата и время публикации",
    en: "Publication date and time",
  },
  fieldPublishedHint: {
    uk: "Київський час. Пізніша дата — новина зʼявиться тоді.",
    ru: "Киевское время. Более поздняя дата — новость появится тогда.",
    en: "Kyiv time. A later date schedules the item for then.",
  },
  fieldExpires: {
    uk: "Кінець показу (необовʼязково)",
    ru: "Конец показа (необязательно)",
    en: "Expiry (optional)",
  },
  fieldExpiresHint: {
    uk: "Київський час. Порожньо — новина не зникне сама.",
    ru: "Киевское время. Пусто — новость не исчезнет сама.",
    en: "Kyiv time. Empty: the item stays until withdrawn.",
  },
  fieldTitle: {
    uk: "Заголовок ({lang, select, uk {українською} ru {російською} other {англійською}})",
    ru: "Заголовок ({lang, select, uk {на украинском} ru {на русском} other {на английском}})",
    en: "Title ({lang, select, uk {Ukrainian} ru {Russian} other {English}})",
  },
  fieldBody: {
    uk: "Текст ({lang, select, uk {українською} ru {російською} other {англійською}})",
    ru: "Текст ({lang, select, uk {на украинском} ru {на русском} other {на английском}})",
    en: "Text ({lang, select, uk {Ukrainian} ru {Russian} other {English}})",
  },
  fallbackHint: {
    uk: "Необовʼязково: порожнє поле покаже український текст.",
    ru: "Необязательно: пустое поле покажет украинский текст.",
    en: "Optional: left empty, readers see the Ukrainian text.",
  },
  save: { uk: "Зберегти новину", ru: "Сохранить новость", en: "Save the news item" },
  dateTimeInvalid: {
    uk: "Вкажіть дату й час, наприклад 2026-12-01 09:00.",
    ru: "Укажите дату и время, например 2026-12-01 09:00.",
    en: "Please give a date and time, such as 2026-12-01 09:00.",
  },
  saved: { uk: "Новину збережено.", ru: "Новость сохранена.", en: "The news item is saved." },
  expired: {
    uk: "Новину знято: абоненти її більше не бачать.",
    ru: "Новость снята: абоненты её больше не видят.",
    en: "The item is withdrawn: residents no longer see it.",
  },
  deleted: {
    uk: "Заплановану новину видалено: її ще ніхто не бачив.",
    ru: "Запланированная новость удалена: её ещё никто не видел.",
    en: "The scheduled item is deleted: nobody had seen it yet.",
  },
});
