// The words of the console's statistics page: the metrics, the channels, the month range and the refresh.
import { defineMessages } from "../../../i18n/messages.ts";

export const STATISTICS = defineMessages("console: statistics", {
  title: { uk: "Статистика", ru: "Статистика", en: "Statistics" },
  intro: {
    uk: "Показники за місяцями та каналами. Минулі місяці беруться з нічних підсумків, поточний місяць рахується під час перегляду.",
    ru: "Показатели по месяцам и каналам. Прошлые месяцы берутся из ночных итогов, текущий месяц считается при просмотре.",
    en: "Figures per month and channel. Past months come from the nightly totals; the current month is counted as you view it.",
  },
  rangeLegend: { uk: "Місяці", ru: "Месяцы", en: "Months" },
  from: { uk: "З місяця", ru: "С месяца", en: "From month" },
  to: { uk: "По місяць", ru: "По месяц", en: "To month" },
  monthHint: { uk: "Наприклад, 2026-05", ru: "Например, 2026-05", en: "For example, 2026-05" },
  provider: { uk: "Постачальник", ru: "Поставщик", en: "Provider" },
  show: { uk: "Показати", ru: "Показать", en: "Show" },
  downloadCsv: {
    uk: "Завантажити CSV за {from} – {to}",
    ru: "Скачать CSV за {from} – {to}",
    en: "Download CSV for {from} – {to}",
  },
  refreshHeading: { uk: "Оновити підсумки", ru: "Обновить итоги", en: "Refresh the totals" },
  refreshPeriod: { uk: "Місяць для перерахунку", ru: "Месяц для пересчёта", en: "Month to recount" },
  refreshHint: {
    uk: "Підсумки перераховуються щоночі о 02:40. Перерахуйте місяць зараз, якщо дані змінилися.",
    ru: "Итоги пересчитываются каждую ночь в 02:40. Пересчитайте месяц сейчас, если данные изменились.",
    en: "The totals are recounted every night at 02:40. Recount a month now if its data has changed.",
  },
  refreshButton: { uk: "Перерахувати зараз", ru: "Пересчитать сейчас", en: "Recount now" },
  refreshed: {
    uk: "Підсумки за {period} перераховано.",
    ru: "Итоги за {period} пересчитаны.",
    en: "The totals for {period} have been recounted.",
  },
  computedLive: {
    uk: "{period}: пораховано щойно (місяць триває або ще не має збережених підсумків).",
    ru: "{period}: посчитано только что (месяц идёт или ещё не имеет сохранённых итогов).",
    en: "{period}: counted just now (the month is under way or has no stored totals yet).",
  },
  computedAt: {
    uk: "{period}: підсумки від {at}.",
    ru: "{period}: итоги от {at}.",
    en: "{period}: totals of {at}.",
  },
  freshness: { uk: "Звідки цифри", ru: "Откуда цифры", en: "Where the figures come from" },
  channel: { uk: "Канал", ru: "Канал", en: "Channel" },
  total: { uk: "Разом", ru: "Итого", en: "Total" },
  noData: { uk: "Немає даних", ru: "Нет данных", en: "No data" },
  noDataYet: {
    uk: "Даних ще немає: голосовий бот і месенджери поки не записують дзвінки й розмови. Показники з цих каналів, що вже є, — у таблиці поданих показників.",
    ru: "Данных ещё нет: голосовой бот и мессенджеры пока не записывают звонки и разговоры. Показания по этим каналам, что уже есть, — в таблице поданных показаний.",
    en: "No data yet: the voice bot and the messengers do not record calls and conversations yet. The readings these channels already bring are in the readings table.",
  },
  tableCaption: {
    uk: "{metric}: за каналами (рядки) і місяцями (стовпці)",
    ru: "{metric}: по каналам (строки) и месяцам (столбцы)",
    en: "{metric}: by channel (rows) and month (columns)",
  },
  amountCaption: {
    uk: "{metric}, сума: за каналами і місяцями",
    ru: "{metric}, сумма: по каналам и месяцам",
    en: "{metric}, amount: by channel and month",
  },
  chartTitle: {
    uk: "{metric}: разом за місяцями",
    ru: "{metric}: итого по месяцам",
    en: "{metric}: total per month",
  },
  chartDesc: {
    uk: "Стовпчики за місяцями; ті самі числа — у таблиці нижче, рядок «Разом».",
    ru: "Столбики по месяцам; те же числа — в таблице ниже, строка «Итого».",
    en: "A bar per month; the same figures are in the table below, row “Total”.",
  },
  activeTotalNote: {
    uk: "«Разом» рахує кожну людину один раз, навіть якщо вона користувалася кількома каналами.",
    ru: "«Итого» считает каждого человека один раз, даже если он пользовался несколькими каналами.",
    en: "“Total” counts each person once, even one who used several channels.",
  },
});

/** The metrics' names and what they count (docs/console.md, "Statistics"). */
export const METRIC_NAMES = defineMessages("console: statistics metrics", {
  active_residents: { uk: "Активні абоненти", ru: "Активные абоненты", en: "Active residents" },
  readings_submitted: { uk: "Подані показники", ru: "Поданные показания", en: "Readings submitted" },
  readings_late: {
    uk: "Показники поза вікном подачі",
    ru: "Показания вне окна подачи",
    en: "Readings outside their window",
  },
  bills_issued: { uk: "Рахунки", ru: "Счета", en: "Bills" },
  bills_estimated: {
    uk: "Рахунки за середнім або нормою",
    ru: "Счета по среднему или норме",
    en: "Bills by average or norm",
  },
  payments: { uk: "Платежі", ru: "Платежи", en: "Payments" },
  logged_actions: { uk: "Записи журналу дій", ru: "Записи журнала действий", en: "Audit log lines" },
  calls: { uk: "Дзвінки", ru: "Звонки", en: "Calls" },
  conversations: {
    uk: "Розмови в месенджерах",
    ru: "Разговоры в мессенджерах",
    en: "Messenger conversations",
  },
});

export const METRIC_HINTS = defineMessages("console: statistics metric hints", {
  active_residents: {
    uk: "Люди з привʼязаним рахунком, які за місяць увійшли до кабінету, самі подали показники за цей місяць або оплатили онлайн.",
    ru: "Люди с привязанным счётом, которые за месяц вошли в кабинет, сами подали показания за этот месяц или оплатили онлайн.",
    en: "People with a linked account who signed in during the month, submitted that month's readings themselves or paid online.",
  },
  readings_submitted: {
    uk: "Подання показників за розрахунковий місяць, разом із виправленнями; подання кількох зон — одне.",
    ru: "Подачи показаний за расчётный месяц, вместе с исправлениями; подача нескольких зон — одна.",
    en: "Submissions closing the billing month, corrections included; one submission however many zones.",
  },
  readings_late: {
    uk: "Подані поза вікном подачі свого місяця: прийняті наперед після закриття попереднього вікна або внесені після закриття.",
    ru: "Поданные вне окна подачи своего месяца: принятые заранее после закрытия предыдущего окна или внесённые после закрытия.",
    en: "Submitted outside their month's window: accepted ahead after the previous window closed, or entered after it closed.",
  },
  bills_issued: {
    uk: "Один рахунок на особовий рахунок і послугу за місяць; сума нарахувань.",
    ru: "Один счёт на лицевой счёт и услугу за месяц; сумма начислений.",
    en: "One per account and service for the month; the amount charged.",
  },
  bills_estimated: {
    uk: "Рахунки, де хоч одну зону нараховано за середнім споживанням або нормою, бо показників не було.",
    ru: "Счета, где хотя бы одна зона начислена по среднему потреблению или норме, потому что показаний не было.",
    en: "Bills with at least one zone charged by average consumption or the norm for want of a reading.",
  },
  payments: {
    uk: "Платежі, проведені за місяць, за способом: картковий шлюз, реєстр банку, оператор, імпорт.",
    ru: "Платежи, проведённые за месяц, по способу: карточный шлюз, реестр банка, оператор, импорт.",
    en: "Payments posted to the month, by how they came: a card gateway, a bank registry, an operator, an import.",
  },
  logged_actions: {
    uk: "Дії, записані в журнал за місяць, за каналом: подання показників, привʼязки рахунків, дії працівників.",
    ru: "Действия, записанные в журнал за месяц, по каналу: подачи показаний, привязки счетов, действия сотрудников.",
    en: "Actions written to the audit log in the month, by channel: readings, account links, staff work.",
  },
  calls: {
    uk: "Дзвінки голосовому боту та до контакт-центру.",
    ru: "Звонки голосовому боту и в контакт-центр.",
    en: "Calls to the voice bot and the contact centre.",
  },
  conversations: {
    uk: "Розмови у Viber, Telegram і Facebook.",
    ru: "Разговоры в Viber, Telegram и Facebook.",
    en: "Conversations in Viber, Telegram and Facebook.",
  },
});

export const CHANNEL_NAMES = defineMessages("console: statistics channels", {
  all: { uk: "Усі канали", ru: "Все каналы", en: "All channels" },
  web: { uk: "Кабінет (веб)", ru: "Кабинет (веб)", en: "Cabinet (web)" },
  api: { uk: "API", ru: "API", en: "API" },
  voice: { uk: "Голосовий бот", ru: "Голосовой бот", en: "Voice bot" },
  viber: { uk: "Viber", ru: "Viber", en: "Viber" },
  telegram: { uk: "Telegram", ru: "Telegram", en: "Telegram" },
  facebook: { uk: "Facebook", ru: "Facebook", en: "Facebook" },
  sms: { uk: "SMS", ru: "SMS", en: "SMS" },
  contact_centre: { uk: "Контакт-центр", ru: "Контакт-центр", en: "Contact centre" },
  import: { uk: "Імпорт", ru: "Импорт", en: "Import" },
  bank: { uk: "Реєстр банку", ru: "Реестр банка", en: "Bank registry" },
  liqpay: { uk: "LiqPay", ru: "LiqPay", en: "LiqPay" },
  demo: { uk: "Демо-шлюз", ru: "Демо-шлюз", en: "Demo gateway" },
  seed: { uk: "Демонстраційні дані", ru: "Демонстрационные данные", en: "Demo data" },
  cli: { uk: "Командний рядок", ru: "Командная строка", en: "Command line" },
  billing: { uk: "Нарахування", ru: "Начисления", en: "Billing" },
});
