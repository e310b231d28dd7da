// The words of the bill and the reconciliation statement in Ukrainian (the default), Russian and English, as ICU
// messages (i18n/messages.ts): {placeholders}, and selects for a method, a unit, a ledger entry's kind and source.
// Zone names are i18n/format.ts's, shared with the readings' messages.
import type { Locale } from "../../../i18n/locale.ts";
import { type BoundMessages, bindMessages, defineMessages } from "../../../i18n/messages.ts";

export const DOCUMENT_MESSAGES = defineMessages("documents", {
  billTitle: {
    uk: "Рахунок за {month}",
    ru: "Счёт за {month}",
    en: "Bill for {month}",
  },
  issuedOn: {
    uk: "Сформовано {date}",
    ru: "Сформирован {date}",
    en: "Issued on {date}",
  },
  provider: {
    uk: "Постачальник",
    ru: "Поставщик",
    en: "Provider",
  },
  edrpou: {
    uk: "Код ЄДРПОУ",
    ru: "Код ЕГРПОУ",
    en: "EDRPOU code",
  },
  iban: {
    uk: "IBAN",
    ru: "IBAN",
    en: "IBAN",
  },
  holder: {
    uk: "Абонент",
    ru: "Абонент",
    en: "Account holder",
  },
  address: {
    uk: "Адреса",
    ru: "Адрес",
    en: "Address",
  },
  apartment: {
    uk: "кв.",
    ru: "кв.",
    en: "apt.",
  },
  accountNumber: {
    uk: "Особовий рахунок",
    ru: "Лицевой счёт",
    en: "Account number",
  },
  meter: {
    uk: "Лічильник",
    ru: "Счётчик",
    en: "Meter",
  },
  zone: {
    uk: "Зона",
    ru: "Зона",
    en: "Zone",
  },
  previous: {
    uk: "Попередні",
    ru: "Предыдущие",
    en: "Previous",
  },
  current: {
    uk: "Поточні",
    ru: "Текущие",
    en: "Current",
  },
  quantity: {
    uk: "Обсяг",
    ru: "Объём",
    en: "Quantity",
  },
  amount: {
    uk: "Сума, грн",
    ru: "Сумма, грн",
    en: "Amount, UAH",
  },
  billedBy: {
    uk: "Спосіб",
    ru: "Способ",
    en: "Basis",
  },
  /** How a service's quantity was found (billed_usage.method). */
  method: {
    uk: "{method, select, actual {за показаннями} average {оцінка: за середнім*} norm {оцінка: за нормою*} none {оцінка: немає даних*} unmetered {за нормою споживання} opening {вхідні показання} other {{method}}}",
    ru: "{method, select, actual {по показаниям} average {оценка: по среднему*} norm {оценка: по норме*} none {оценка: нет данных*} unmetered {по норме потребления} opening {входящие показания} other {{method}}}",
    en: "{method, select, actual {meter reading} average {estimate: average*} norm {estimate: norm*} none {estimate: no data*} unmetered {consumption norm} opening {opening reading} other {{method}}}",
  },
  estimatedNote: {
    uk: "* Показань за місяць не надано: обсяг нараховано за оцінкою. Після надходження показань буде зроблено перерахунок.",
    ru: "* Показания за месяц не переданы: объём начислен по оценке. После получения показаний будет сделан перерасчёт.",
    en: "* No reading was submitted for the month: the quantity is an estimate, recalculated once a reading arrives.",
  },
  tariffLines: {
    uk: "Розрахунок за тарифом",
    ru: "Расчёт по тарифу",
    en: "Tariff",
  },
  block: {
    uk: "блок {block}",
    ru: "блок {block}",
    en: "block {block}",
  },
  tariffDays: {
    uk: "{from}–{to}",
    ru: "{from}–{to}",
    en: "{from}–{to}",
  },
  fixedFee: {
    uk: "Абонентська плата",
    ru: "Абонентская плата",
    en: "Fixed fee",
  },
  recalculation: {
    uk: "Перерахунок за {period}",
    ru: "Перерасчёт за {period}",
    en: "Recalculation for {period}",
  },
  recalculationLine: {
    uk: "оцінка {estimated}, фактично {actual} {unit}: було {charged}, стало {recalculated}",
    ru: "оценка {estimated}, фактически {actual} {unit}: было {charged}, стало {recalculated}",
    en: "estimated {estimated}, actual {actual} {unit}: was {charged}, now {recalculated}",
  },
  serviceTotal: {
    uk: "Разом за послугою",
    ru: "Итого по услуге",
    en: "Service total",
  },
  summary: {
    uk: "Розрахунки за період",
    ru: "Расчёты за период",
    en: "Account for the period",
  },
  opening: {
    uk: "Заборгованість (+) / переплата (-) на {date}",
    ru: "Задолженность (+) / переплата (-) на {date}",
    en: "Owed (+) / overpaid (-) on {date}",
  },
  charges: {
    uk: "Нараховано за період",
    ru: "Начислено за период",
    en: "Charged for the period",
  },
  otherCharges: {
    uk: "у тому числі інші нарахування та коригування",
    ru: "в том числе прочие начисления и корректировки",
    en: "of which other charges and adjustments",
  },
  payments: {
    uk: "Оплачено в періоді",
    ru: "Оплачено в периоде",
    en: "Paid in the period",
  },
  payment: {
    uk: "Оплата {date}",
    ru: "Оплата {date}",
    en: "Payment {date}",
  },
  amountDue: {
    uk: "До сплати",
    ru: "К оплате",
    en: "Amount due",
  },
  overpaid: {
    uk: "Переплата: сплачувати не потрібно",
    ru: "Переплата: оплачивать не нужно",
    en: "Overpaid: nothing to pay",
  },
  planned: {
    uk: "Плановий платіж на {month}",
    ru: "Плановый платёж на {month}",
    en: "Planned payment for {month}",
  },
  noPlanned: {
    uk: "не встановлено",
    ru: "не установлен",
    en: "none",
  },
  qrCaption: {
    uk: "Скануйте QR-код у застосунку свого банку, щоб сплатити",
    ru: "Отсканируйте QR-код в приложении своего банка, чтобы оплатить",
    en: "Scan the QR code in your banking app to pay",
  },
  qrNoAmount: {
    uk: "Суму в QR-коді не вказано: заборгованості немає",
    ru: "Сумма в QR-коде не указана: задолженности нет",
    en: "The QR code carries no amount: nothing is owed",
  },
  /** Owed, but more than the QR code's amount field holds. */
  qrTypeAmount: {
    uk: "Суму в QR-коді не вказано (вона більша, ніж уміщує код): введіть її в застосунку банку",
    ru: "Сумма в QR-коде не указана (она больше, чем вмещает код): введите её в приложении банка",
    en: "The QR code carries no amount (it is more than the code holds): type it in your banking app",
  },
  /** The amount due per service, under the amount due. */
  dueByService: {
    uk: "у тому числі:",
    ru: "в том числе:",
    en: "of which:",
  },
  /** The currency after a price in the tariff's lines. */
  currency: { uk: "грн", ru: "грн", en: "UAH" },
  /** A service's unit of measure; an unknown one is shown as is. */
  unit: {
    uk: "{unit, select, kWh {кВт·год} m3 {м³} Gcal {Гкал} other {{unit}}}",
    ru: "{unit, select, kWh {кВт·ч} m3 {м³} Gcal {Гкал} other {{unit}}}",
    en: "{unit, select, kWh {kWh} m3 {m³} Gcal {Gcal} other {{unit}}}",
  },
  statementTitle: {
    uk: "Акт звірки розрахунків",
    ru: "Акт сверки расчётов",
    en: "Reconciliation statement",
  },
  statementRange: {
    uk: "за період з {from} по {to}",
    ru: "за период с {from} по {to}",
    en: "from {from} to {to}",
  },
  date: {
    uk: "Дата",
    ru: "Дата",
    en: "Date",
  },
  document: {
    uk: "Документ",
    ru: "Документ",
    en: "Document",
  },
  service: {
    uk: "Послуга",
    ru: "Услуга",
    en: "Service",
  },
  charged: {
    uk: "Нараховано",
    ru: "Начислено",
    en: "Charged",
  },
  paid: {
    uk: "Оплачено",
    ru: "Оплачено",
    en: "Paid",
  },
  openingRow: {
    uk: "Сальдо на початок {date}",
    ru: "Сальдо на начало {date}",
    en: "Opening balance on {date}",
  },
  closingRow: {
    uk: "Сальдо на кінець {date}",
    ru: "Сальдо на конец {date}",
    en: "Closing balance on {date}",
  },
  noEntries: {
    uk: "За період операцій немає",
    ru: "За период операций нет",
    en: "No entries in the period",
  },
  byService: {
    uk: "Підсумки за послугами",
    ru: "Итоги по услугам",
    en: "By service",
  },
  openingColumn: {
    uk: "На початок",
    ru: "На начало",
    en: "Opening",
  },
  closingColumn: {
    uk: "На кінець",
    ru: "На конец",
    en: "Closing",
  },
  /** The balance line of charges that name no service. */
  wholeAccount: {
    uk: "Інші нарахування (весь рахунок)",
    ru: "Прочие начисления (весь счёт)",
    en: "Other charges (whole account)",
  },
  /** The balance line of the advance. */
  advance: {
    uk: "Аванс (переплата)",
    ru: "Аванс (переплата)",
    en: "Advance (overpayment)",
  },
  /** The service column of an entry for the whole account. */
  anyService: {
    uk: "весь рахунок",
    ru: "весь счёт",
    en: "whole account",
  },
  /** The service column of a payment that named no service. */
  oldestDebts: {
    uk: "найдавніші борги",
    ru: "самые давние долги",
    en: "oldest debts",
  },
  /** How a payment that named no service, and the advance, are counted per service. */
  allocationNote: {
    uk: "Оплату, у якій не вказано послугу, зараховано в найдавніші борги (за місяцями, у місяці — за послугами). Аванс — сплачене наперед, що ще не пішло на жоден борг; його буде зараховано в наступні нарахування.",
    ru: "Оплата, в которой не указана услуга, зачтена в самые давние долги (по месяцам, в месяце — по услугам). Аванс — оплаченное вперёд, ещё не зачтённое ни в один долг; он будет зачтён в следующие начисления.",
    en: "A payment that named no service was set against the oldest debts (month by month, within a month service by service). The advance is what was paid ahead and not yet set against any debt; the next charges take it.",
  },
  total: {
    uk: "Усього",
    ru: "Всего",
    en: "Total",
  },
  signNote: {
    uk: "Сальдо: «+» — заборгованість абонента, «-» — переплата.",
    ru: "Сальдо: «+» — задолженность абонента, «-» — переплата.",
    en: "Balance: “+” is owed by the account holder, “-” is overpaid.",
  },
  /** A ledger entry's kind. */
  kind: {
    uk: "{kind, select, charge {Нарахування} estimated_charge {Нарахування (оцінка)} recalculation {Перерахунок} payment {Оплата} adjustment {Коригування} opening_balance {Вхідне сальдо} other {{kind}}}",
    ru: "{kind, select, charge {Начисление} estimated_charge {Начисление (оценка)} recalculation {Перерасчёт} payment {Оплата} adjustment {Корректировка} opening_balance {Входящее сальдо} other {{kind}}}",
    en: "{kind, select, charge {Charge} estimated_charge {Charge (estimate)} recalculation {Recalculation} payment {Payment} adjustment {Adjustment} opening_balance {Opening balance} other {{kind}}}",
  },
  /** Where a ledger entry came from. */
  source: {
    uk: "{source, select, billing {Рахунок} payment_gateway {Онлайн-оплата} bank_registry {Реєстр банку} operator {Оператор} seed {демонстраційні дані} import {Імпорт} other {{source}}}",
    ru: "{source, select, billing {Счёт} payment_gateway {Онлайн-оплата} bank_registry {Реестр банка} operator {Оператор} seed {демонстрационные данные} import {Импорт} other {{source}}}",
    en: "{source, select, billing {Bill} payment_gateway {Online payment} bank_registry {Bank registry} operator {Operator} seed {demo data} import {Import} other {{source}}}",
  },
  billFor: {
    uk: "за {period}",
    ru: "за {period}",
    en: "for {period}",
  },
  page: {
    uk: "Сторінка {n}",
    ru: "Страница {n}",
    en: "Page {n}",
  },
});

/** The documents' words in one language: words.billTitle({ month }), words.method({ method }). */
export type DocumentWords = BoundMessages<typeof DOCUMENT_MESSAGES>;

export function documentWords(locale: Locale): DocumentWords {
  return bindMessages(DOCUMENT_MESSAGES, locale);
}
