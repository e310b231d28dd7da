// The words of the bill and the reconciliation statement in Ukrainian (the default), Russian and English.
// {placeholders} are filled with fill() from i18n/locale.ts.
import type { BilledUsageMethod } from "../../../db/tables/billing.table.ts";
import type { LedgerKind, LedgerSource } from "../../../db/tables/money.table.ts";
import type { Locale } from "../../../i18n/locale.ts";

export interface DocumentMessages {
  billTitle: string;
  issuedOn: string;
  provider: string;
  edrpou: string;
  iban: string;
  holder: string;
  address: string;
  apartment: string;
  accountNumber: string;
  meter: string;
  zone: string;
  previous: string;
  current: string;
  quantity: string;
  amount: string;
  billedBy: string;
  methods: Record<BilledUsageMethod, string>;
  estimatedNote: string;
  tariffLines: string;
  block: string;
  zoneNames: Record<number, Record<number, string>>;
  tariffDays: string;
  fixedFee: string;
  recalculation: string;
  recalculationLine: string;
  serviceTotal: string;
  summary: string;
  opening: string;
  charges: string;
  otherCharges: string;
  payments: string;
  payment: string;
  amountDue: string;
  overpaid: string;
  planned: string;
  noPlanned: string;
  qrCaption: string;
  qrNoAmount: string;
  /** Owed, but more than the QR code's amount field holds. */
  qrTypeAmount: string;
  /** The amount due per service, under the amount due. */
  dueByService: string;
  units: Record<string, string>;
  statementTitle: string;
  statementRange: string;
  date: string;
  document: string;
  service: string;
  charged: string;
  paid: string;
  openingRow: string;
  closingRow: string;
  noEntries: string;
  byService: string;
  openingColumn: string;
  closingColumn: string;
  /** The balance line of charges that name no service. */
  wholeAccount: string;
  /** The balance line of the advance. */
  advance: string;
  /** The service column of an entry for the whole account. */
  anyService: string;
  /** The service column of a payment that named no service. */
  oldestDebts: string;
  /** How a payment that named no service, and the advance, are counted per service. */
  allocationNote: string;
  total: string;
  signNote: string;
  kinds: Record<LedgerKind, string>;
  sources: Record<LedgerSource, string>;
  billFor: string;
  page: string;
}

export const DOCUMENT_MESSAGES: Record<Locale, DocumentMessages> = {
  uk: {
    billTitle: "Рахунок за {month}",
    issuedOn: "Сформовано {date}",
    provider: "Постачальник",
    edrpou: "Код ЄДРПОУ",
    iban: "IBAN",
    holder: "Абонент",
    address: "Адреса",
    apartment: "кв.",
    accountNumber: "Особовий рахунок",
    meter: "Лічильник",
    zone: "Зона",
    previous: "Попередні",
    current: "Поточні",
    quantity: "Обсяг",
    amount: "Сума, грн",
    billedBy: "Спосіб",
    methods: {
      actual: "за показаннями",
      average: "оцінка: за середнім*",
      norm: "оцінка: за нормою*",
      none: "оцінка: немає даних*",
      unmetered: "за нормою споживання",
      opening: "вхідні показання",
    },
    estimatedNote:
      "* Показань за місяць не надано: обсяг нараховано за оцінкою. Після надходження показань буде зроблено перерахунок.",
    tariffLines: "Розрахунок за тарифом",
    block: "блок {block}",
    zoneNames: { 2: { 1: "день", 2: "ніч" }, 3: { 1: "пік", 2: "напівпік", 3: "ніч" } },
    tariffDays: "{from}–{to}",
    fixedFee: "Абонентська плата",
    recalculation: "Перерахунок за {period}",
    recalculationLine: "оцінка {estimated}, фактично {actual} {unit}: було {charged}, стало {recalculated}",
    serviceTotal: "Разом за послугою",
    summary: "Розрахунки за період",
    opening: "Заборгованість (+) / переплата (-) на {date}",
    charges: "Нараховано за період",
    otherCharges: "у тому числі інші нарахування та коригування",
    payments: "Оплачено в періоді",
    payment: "Оплата {date}",
    amountDue: "До сплати",
    overpaid: "Переплата: сплачувати не потрібно",
    planned: "Плановий платіж на {month}",
    noPlanned: "не встановлено",
    qrCaption: "Скануйте QR-код у застосунку свого банку, щоб сплатити",
    qrNoAmount: "Суму в QR-коді не вказано: заборгованості немає",
    qrTypeAmount: "Суму в QR-коді не вказано (вона більша, ніж уміщує код): введіть її в застосунку банку",
    dueByService: "у тому числі:",
    units: { kWh: "кВт·год", m3: "м³", Gcal: "Гкал" },
    statementTitle: "Акт звірки розрахунків",
    statementRange: "за період з {from} по {to}",
    date: "Дата",
    document: "Документ",
    service: "Послуга",
    charged: "Нараховано",
    paid: "Оплачено",
    openingRow: "Сальдо на початок {date}",
    closingRow: "Сальдо на кінець {date}",
    noEntries: "За період операцій немає",
    byService: "Підсумки за послугами",
    openingColumn: "На початок",
    closingColumn: "На кінець",
    wholeAccount: "Інші нарахування (весь рахунок)",
    advance: "Аванс (переплата)",
    anyService: "весь рахунок",
    oldestDebts: "найдавніші борги",
    allocationNote:
      "Оплату, у якій не вказано послугу, зараховано в найдавніші борги (за місяцями, у місяці — за послугами). " +
      "Аванс — сплачене наперед, що ще не пішло на жоден борг; його буде зараховано в наступні нарахування.",
    total: "Усього",
    signNote: "Сальдо: «+» — заборгованість абонента, «-» — переплата.",
    kinds: {
      charge: "Нарахування",
      estimated_charge: "Нарахування (оцінка)",
      recalculation: "Перерахунок",
      payment: "Оплата",
      adjustment: "Коригування",
      opening_balance: "Вхідне сальдо",
    },
    sources: {
      billing: "Рахунок",
      payment_gateway: "Онлайн-оплата",
      bank_registry: "Реєстр банку",
      operator: "Оператор",
      seed: "демонстраційні дані",
      import: "Імпорт",
    },
    billFor: "за {period}",
    page: "Сторінка {n}",
  },
  ru: {
    billTitle: "Счёт за {month}",
    issuedOn: "Сформирован {date}",
    provider: "Поставщик",
    edrpou: "Код ЕГРПОУ",
    iban: "IBAN",
    holder: "Абонент",
    address: "Адрес",
    apartment: "кв.",
    accountNumber: "Лицевой счёт",
    meter: "Счётчик",
    zone: "Зона",
    previous: "Предыдущие",
    current: "Текущие",
    quantity: "Объём",
    amount: "Сумма, грн",
    billedBy: "Способ",
    methods: {
      actual: "по показаниям",
      average: "оценка: по среднему*",
      norm: "оценка: по норме*",
      none: "оценка: нет данных*",
      unmetered: "по норме потребления",
      opening: "входящие показания",
    },
    estimatedNote:
      "* Показания за месяц не переданы: объём начислен по оценке. После получения показаний будет сделан перерасчёт.",
    tariffLines: "Расчёт по тарифу",
    block: "блок {block}",
    zoneNames: { 2: { 1: "день", 2: "ночь" }, 3: { 1: "пик", 2: "полупик", 3: "ночь" } },
    tariffDays: "{from}–{to}",
    fixedFee: "Абонентская плата",
    recalculation: "Перерасчёт за {period}",
    recalculationLine: "оценка {estimated}, фактически {actual} {unit}: было {charged}, стало {recalculated}",
    serviceTotal: "Итого по услуге",
    summary: "Расчёты за период",
    opening: "Задолженность (+) / переплата (-) на {date}",
    charges: "Начислено за период",
    otherCharges: "в том числе прочие начисления и корректировки",
    payments: "Оплачено в периоде",
    payment: "Оплата {date}",
    amountDue: "К оплате",
    overpaid: "Переплата: оплачивать не нужно",
    planned: "Плановый платёж на {month}",
    noPlanned: "не установлен",
    qrCaption: "Отсканируйте QR-код в приложении своего банка, чтобы оплатить",
    qrNoAmount: "Сумма в QR-коде не указана: задолженности нет",
    qrTypeAmount: "Сумма в QR-коде не указана (она больше, чем вмещает код): введите её в приложении банка",
    dueByService: "в том числе:",
    units: { kWh: "кВт·ч", m3: "м³", Gcal: "Гкал" },
    statementTitle: "Акт сверки расчётов",
    statementRange: "за период с {from} по {to}",
    date: "Дата",
    document: "Документ",
    service: "Услуга",
    charged: "Начислено",
    paid: "Оплачено",
    openingRow: "Сальдо на начало {date}",
    closingRow: "Сальдо на конец {date}",
    noEntries: "За период операций нет",
    byService: "Итоги по услугам",
    openingColumn: "На начало",
    closingColumn: "На конец",
    wholeAccount: "Прочие начисления (весь счёт)",
    advance: "Аванс (переплата)",
    anyService: "весь счёт",
    oldestDebts: "самые давние долги",
    allocationNote:
      "Оплата, в которой не указана услуга, зачтена в самые давние долги (по месяцам, в месяце — по услугам). " +
      "Аванс — оплаченное вперёд, ещё не зачтённое ни в один долг; он будет зачтён в следующие начисления.",
    total: "Всего",
    signNote: "Сальдо: «+» — задолженность абонента, «-» — переплата.",
    kinds: {
      charge: "Начисление",
      estimated_charge: "Начисление (оценка)",
      recalculation: "Перерасчёт",
      payment: "Оплата",
      adjustment: "Корректировка",
      opening_balance: "Входящее сальдо",
    },
    sources: {
      billing: "Счёт",
      payment_gateway: "Онлайн-оплата",
      bank_registry: "Реестр банка",
      operator: "Оператор",
      seed: "демонстрационные данные",
      import: "Импорт",
    },
    billFor: "за {period}",
    page: "Страница {n}",
  },
  en: {
    billTitle: "Bill for {month}",
    issuedOn: "Issued on {date}",
    provider: "Provider",
    edrpou: "EDRPOU code",
    iban: "IBAN",
    holder: "Account holder",
    address: "Address",
    apartment: "apt.",
    accountNumber: "Account number",
    meter: "Meter",
    zone: "Zone",
    previous: "Previous",
    current: "Current",
    quantity: "Quantity",
    amount: "Amount, UAH",
    billedBy: "Basis",
    methods: {
      actual: "meter reading",
      average: "estimate: average*",
      norm: "estimate: norm*",
      none: "estimate: no data*",
      unmetered: "consumption norm",
      opening: "opening reading",
    },
    estimatedNote:
      "* No reading was submitted for the month: the quantity is an estimate, recalculated once a reading arrives.",
    tariffLines: "Tariff",
    block: "block {block}",
    zoneNames: { 2: { 1: "day", 2: "night" }, 3: { 1: "peak", 2: "half-peak", 3: "night" } },
    tariffDays: "{from}–{to}",
    fixedFee: "Fixed fee",
    recalculation: "Recalculation for {period}",
    recalculationLine: "estimated {estimated}, actual {actual} {unit}: was {charged}, now {recalculated}",
    serviceTotal: "Service total",
    summary: "Account for the period",
    opening: "Owed (+) / overpaid (-) on {date}",
    charges: "Charged for the period",
    otherCharges: "of which other charges and adjustments",
    payments: "Paid in the period",
    payment: "Payment {date}",
    amountDue: "Amount due",
    overpaid: "Overpaid: nothing to pay",
    planned: "Planned payment for {month}",
    noPlanned: "none",
    qrCaption: "Scan the QR code in your banking app to pay",
    qrNoAmount: "The QR code carries no amount: nothing is owed",
    qrTypeAmount:
      "The QR code carries no amount (it is more than the code holds): type it in your banking app",
    dueByService: "of which:",
    units: { kWh: "kWh", m3: "m³", Gcal: "Gcal" },
    statementTitle: "Reconciliation statement",
    statementRange: "from {from} to {to}",
    date: "Date",
    document: "Document",
    service: "Service",
    charged: "Charged",
    paid: "Paid",
    openingRow: "Opening balance on {date}",
    closingRow: "Closing balance on {date}",
    noEntries: "No entries in the period",
    byService: "By service",
    openingColumn: "Opening",
    closingColumn: "Closing",
    wholeAccount: "Other charges (whole account)",
    advance: "Advance (overpayment)",
    anyService: "whole account",
    oldestDebts: "oldest debts",
    allocationNote:
      "A payment that named no service was set against the oldest debts (month by month, within a month service " +
      "by service). The advance is what was paid ahead and not yet set against any debt; the next charges take it.",
    total: "Total",
    signNote: "Balance: “+” is owed by the account holder, “-” is overpaid.",
    kinds: {
      charge: "Charge",
      estimated_charge: "Charge (estimate)",
      recalculation: "Recalculation",
      payment: "Payment",
      adjustment: "Adjustment",
      opening_balance: "Opening balance",
    },
    sources: {
      billing: "Bill",
      payment_gateway: "Online payment",
      bank_registry: "Bank registry",
      operator: "Operator",
      seed: "demo data",
      import: "Import",
    },
    billFor: "for {period}",
    page: "Page {n}",
  },
};
