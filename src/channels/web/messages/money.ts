// The words of "Charges and payments", the consumption chart, the documents and paying.
import { defineMessages } from "../../../i18n/messages.ts";

export const MONEY = defineMessages("cabinet: money", {
  title: { uk: "Нарахування й оплати", ru: "Начисления и оплаты", en: "Charges and payments" },
  chooseAccount: {
    uk: "Оберіть особовий рахунок",
    ru: "Выберите лицевой счёт",
    en: "Choose an account",
  },
  noAccounts: {
    uk: "У вас ще немає жодного особового рахунку в кабінеті.",
    ru: "У вас ещё нет ни одного лицевого счёта в кабинете.",
    en: "You have no accounts in the cabinet yet.",
  },
  linkAccount: { uk: "Додати особовий рахунок", ru: "Добавить лицевой счёт", en: "Add an account" },
  accountLine: {
    uk: "Особовий рахунок {number}",
    ru: "Лицевой счёт {number}",
    en: "Account {number}",
  },
  allAccounts: { uk: "Усі особові рахунки", ru: "Все лицевые счета", en: "All accounts" },
  balanceNow: { uk: "Зараз", ru: "Сейчас", en: "Now" },
  owed: { uk: "До сплати: {amount}", ru: "К оплате: {amount}", en: "To pay: {amount}" },
  ahead: { uk: "Переплата: {amount}", ru: "Переплата: {amount}", en: "Paid ahead: {amount}" },
  settled: { uk: "Боргу немає", ru: "Долга нет", en: "Nothing owed" },
  payNow: { uk: "Оплатити", ru: "Оплатить", en: "Pay" },
  historyTitle: { uk: "Місяць за місяцем", ru: "Месяц за месяцем", en: "Month by month" },
  noHistory: {
    uk: "Нарахувань і оплат за цей час немає.",
    ru: "Начислений и оплат за это время нет.",
    en: "No charges or payments in this time.",
  },
  monthCaption: {
    uk: "{month}: нарахування й оплати",
    ru: "{month}: начисления и оплаты",
    en: "{month}: charges and payments",
  },
  colWhat: { uk: "Що", ru: "Что", en: "What" },
  colAmount: { uk: "Сума", ru: "Сумма", en: "Amount" },
  monthEnd: {
    uk: "На кінець місяця: {state}",
    ru: "На конец месяца: {state}",
    en: "At the month's end: {state}",
  },
  olderMonths: { uk: "Попередні місяці", ru: "Предыдущие месяцы", en: "Earlier months" },
  newerMonths: { uk: "Останні місяці", ru: "Последние месяцы", en: "Latest months" },
  // What each kind of ledger line is, in words.
  kindCharge: { uk: "Нараховано: {service}", ru: "Начислено: {service}", en: "Charged: {service}" },
  kindEstimated: {
    uk: "Нараховано за середнім: {service}",
    ru: "Начислено по среднему: {service}",
    en: "Charged by estimate: {service}",
  },
  explainAverage: {
    uk: "Показники не надійшли, тож нараховано за вашим середнім споживанням. Коли ви передасте показники, суму буде перераховано.",
    ru: "Показания не поступили, поэтому начислено по вашему среднему потреблению. Когда вы передадите показания, сумма будет пересчитана.",
    en: "No reading arrived, so this was estimated from your average use. When you send a reading, it will be recalculated.",
  },
  explainNorm: {
    uk: "Показники не надійшли, тож нараховано за нормою споживання. Коли ви передасте показники, суму буде перераховано.",
    ru: "Показания не поступили, поэтому начислено по норме потребления. Когда вы передадите показания, сумма будет пересчитана.",
    en: "No reading arrived, so this was charged by the consumption norm. When you send a reading, it will be recalculated.",
  },
  kindRecalculation: {
    uk: "Перерахунок: {service}",
    ru: "Перерасчёт: {service}",
    en: "Recalculation: {service}",
  },
  explainRecalculation: {
    uk: "Перераховано після ваших показників{date, select, none {} other { від {date}}}: {months}.",
    ru: "Пересчитано после ваших показаний{date, select, none {} other { от {date}}}: {months}.",
    en: "Recalculated after your reading{date, select, none {} other { of {date}}}: {months}.",
  },
  recalculatedMonth: {
    uk: "за {month} нараховано за {estimated} {unit}, а спожито {actual} {unit}",
    ru: "за {month} начислено за {estimated} {unit}, а потреблено {actual} {unit}",
    en: "{month} was billed for {estimated} {unit}, the meter showed {actual} {unit}",
  },
  kindPayment: {
    uk: "{source, select, payment_gateway {Оплата карткою онлайн} bank_registry {Оплата через банк} other {Оплата}}",
    ru: "{source, select, payment_gateway {Оплата картой онлайн} bank_registry {Оплата через банк} other {Оплата}}",
    en: "{source, select, payment_gateway {Paid by card online} bank_registry {Paid through a bank} other {Payment}}",
  },
  kindAdjustment: {
    uk: "Коригування{service, select, none {} other {: {service}}}",
    ru: "Корректировка{service, select, none {} other {: {service}}}",
    en: "Adjustment{service, select, none {} other {: {service}}}",
  },
  explainAdjustment: {
    uk: "Виправлення, яке вніс постачальник.",
    ru: "Исправление, которое внёс поставщик.",
    en: "A correction made by the provider.",
  },
  kindOpening: {
    uk: "Залишок з попередньої системи",
    ru: "Остаток из предыдущей системы",
    en: "Balance brought from the previous system",
  },
  monthTotals: {
    uk: "Нараховано {charged}, сплачено {paid}",
    ru: "Начислено {charged}, оплачено {paid}",
    en: "Charged {charged}, paid {paid}",
  },
  // The chart.
  chartTitle: { uk: "Споживання", ru: "Потребление", en: "Consumption" },
  chartIntro: {
    uk: "Скільки нараховано за кожен місяць. Стовпчики зі штриховкою й позначкою «≈» — нараховано за середнім, без показників.",
    ru: "Сколько начислено за каждый месяц. Столбцы со штриховкой и пометкой «≈» — начислено по среднему, без показаний.",
    en: "What each month was billed for. Hatched bars marked “≈” were estimated without a reading.",
  },
  chartLabel: {
    uk: "{service}: споживання за місяцями, {unit}",
    ru: "{service}: потребление по месяцам, {unit}",
    en: "{service}: consumption by month, {unit}",
  },
  chartDesc: {
    uk: "Стовпчикова діаграма. Ті самі числа є в таблиці нижче.",
    ru: "Столбчатая диаграмма. Те же числа есть в таблице ниже.",
    en: "A bar chart. The same figures are in the table below.",
  },
  legendActual: { uk: "за показниками", ru: "по показаниям", en: "from readings" },
  legendEstimated: { uk: "≈ за середнім", ru: "≈ по среднему", en: "≈ estimated" },
  tableCaption: {
    uk: "{service}: споживання за місяцями",
    ru: "{service}: потребление по месяцам",
    en: "{service}: consumption by month",
  },
  colMonth: { uk: "Місяць", ru: "Месяц", en: "Month" },
  colQuantity: { uk: "Спожито, {unit}", ru: "Потреблено, {unit}", en: "Used, {unit}" },
  colBasis: { uk: "Як визначено", ru: "Как определено", en: "How it was found" },
  basis: {
    uk: "{basis, select, actual {за показниками} average {за середнім, без показників} norm {за нормою, без показників} none {без показників, не нараховано} unmetered {за нормою (без лічильника)} other {{basis}}}",
    ru: "{basis, select, actual {по показаниям} average {по среднему, без показаний} norm {по норме, без показаний} none {без показаний, не начислено} unmetered {по норме (без счётчика)} other {{basis}}}",
    en: "{basis, select, actual {from readings} average {estimated from average use} norm {by the norm, no reading} none {no reading, nothing charged} unmetered {by the norm (no meter)} other {{basis}}}",
  },
  noConsumption: {
    uk: "Споживання за цей час ще не нараховувалося.",
    ru: "Потребление за это время ещё не начислялось.",
    en: "No consumption has been billed in this time.",
  },
  unit: {
    uk: "{unit, select, kWh {кВт·год} m3 {м³} Gcal {Гкал} other {{unit}}}",
    ru: "{unit, select, kWh {кВт·ч} m3 {м³} Gcal {Гкал} other {{unit}}}",
    en: "{unit, select, kWh {kWh} m3 {m³} Gcal {Gcal} other {{unit}}}",
  },
  service: {
    uk: "{service, select, electricity {електроенергія} cold_water {холодна вода} hot_water {гаряча вода} gas {газ} heating {опалення} sewerage {водовідведення} other {{service}}}",
    ru: "{service, select, electricity {электроэнергия} cold_water {холодная вода} hot_water {горячая вода} gas {газ} heating {отопление} sewerage {водоотведение} other {{service}}}",
    en: "{service, select, electricity {electricity} cold_water {cold water} hot_water {hot water} gas {gas} heating {heating} sewerage {sewerage} other {{service}}}",
  },
  wholeAccount: { uk: "усі послуги", ru: "все услуги", en: "all services" },
  // Documents.
  documentsTitle: { uk: "Документи", ru: "Документы", en: "Documents" },
  billsTitle: { uk: "Рахунки", ru: "Счета", en: "Bills" },
  billLink: {
    uk: "Рахунок за {month} (PDF)",
    ru: "Счёт за {month} (PDF)",
    en: "Bill for {month} (PDF)",
  },
  noBills: { uk: "Рахунків ще немає.", ru: "Счетов ещё нет.", en: "No bills yet." },
  statementTitle: { uk: "Акт звірки", ru: "Акт сверки", en: "Reconciliation statement" },
  statementIntro: {
    uk: "Залишок на початок, усі нарахування й оплати за обраний час і залишок на кінець.",
    ru: "Остаток на начало, все начисления и оплаты за выбранное время и остаток на конец.",
    en: "The opening balance, every charge and payment in the dates you choose, and the closing balance.",
  },
  statementFrom: { uk: "З дати", ru: "С даты", en: "From" },
  statementTo: { uk: "По дату", ru: "По дату", en: "To" },
  dateHint: {
    uk: "Наприклад, 2019-01-31 (рік-місяць-день)",
    ru: "Например, 2019-01-31 (год-месяц-день)",
    en: "For example, 2019-01-31 (year-month-day)",
  },
  statementFormat: { uk: "Формат файлу", ru: "Формат файла", en: "File format" },
  formatPdf: { uk: "PDF — для друку", ru: "PDF — для печати", en: "PDF — to print" },
  formatCsv: { uk: "CSV — для таблиць", ru: "CSV — для таблиц", en: "CSV — for spreadsheets" },
  statementSubmit: { uk: "Завантажити акт звірки", ru: "Скачать акт сверки", en: "Download the statement" },
  dateMissing: { uk: "Введіть дату", ru: "Введите дату", en: "Enter a date" },
  dateInvalid: {
    uk: "Введіть справжню дату у вигляді рік-місяць-день, наприклад 2019-01-31",
    ru: "Введите настоящую дату в виде год-месяц-день, например 2019-01-31",
    en: "Enter a real date as year-month-day, for example 2019-01-31",
  },
  fromAfterTo: {
    uk: "Дата початку має бути не пізніше дати кінця",
    ru: "Дата начала должна быть не позже даты конца",
    en: "The start date must not be after the end date",
  },
  rangeTooLong: {
    uk: "Оберіть не більше {years} років",
    ru: "Выберите не больше {years} лет",
    en: "Choose at most {years} years",
  },
});

export const PAY = defineMessages("cabinet: pay", {
  title: { uk: "Оплатити", ru: "Оплатить", en: "Pay" },
  intro: {
    uk: "Оплата банківською карткою. Гроші зараховуються на особовий рахунок одразу після оплати.",
    ru: "Оплата банковской картой. Деньги зачисляются на лицевой счёт сразу после оплаты.",
    en: "Pay by bank card. The money reaches your account as soon as you have paid.",
  },
  howMuch: {
    uk: "Скільки ви хочете сплатити?",
    ru: "Сколько вы хотите оплатить?",
    en: "How much do you want to pay?",
  },
  due: {
    uk: "Усю суму до сплати: {amount}",
    ru: "Всю сумму к оплате: {amount}",
    en: "The amount due: {amount}",
  },
  planned: {
    uk: "Плановий платіж за {month}: {amount}",
    ru: "Плановый платёж за {month}: {amount}",
    en: "The planned payment for {month}: {amount}",
  },
  plannedHint: {
    uk: "Плановий платіж — оплата наперед за очікуване споживання; після показників її буде перераховано.",
    ru: "Плановый платёж — оплата наперёд за ожидаемое потребление; после показаний её пересчитают.",
    en: "A planned payment pays ahead for the use expected; it is recalculated once your reading arrives.",
  },
  other: { uk: "Іншу суму", ru: "Другую сумму", en: "Another amount" },
  amount: { uk: "Сума, грн", ru: "Сумма, грн", en: "Amount, UAH" },
  amountHint: {
    uk: "Якщо обрали «Іншу суму». Наприклад, 250 або 250,50",
    ru: "Если выбрали «Другую сумму». Например, 250 или 250,50",
    en: "If you chose “Another amount”. For example, 250 or 250.50",
  },
  chooseMissing: {
    uk: "Оберіть, скільки сплатити",
    ru: "Выберите, сколько оплатить",
    en: "Choose how much to pay",
  },
  amountMissing: { uk: "Введіть суму", ru: "Введите сумму", en: "Enter the amount" },
  nothingDue: {
    uk: "Зараз нічого сплачувати не треба, але можна сплатити наперед.",
    ru: "Сейчас ничего оплачивать не нужно, но можно оплатить наперёд.",
    en: "Nothing is owed now, but you can pay ahead.",
  },
  submit: { uk: "Перейти до оплати", ru: "Перейти к оплате", en: "Go to payment" },
  continueTitle: { uk: "Перехід до оплати", ru: "Переход к оплате", en: "Go to the payment page" },
  continueIntro: {
    uk: "Ви сплачуєте {amount} на особовий рахунок {number}. Далі відкриється сторінка платіжного сервісу, де ви введете дані картки.",
    ru: "Вы оплачиваете {amount} на лицевой счёт {number}. Дальше откроется страница платёжного сервиса, где вы введёте данные карты.",
    en: "You are paying {amount} to account {number}. Next is the payment service's page, where you enter your card.",
  },
  continue: { uk: "Продовжити оплату", ru: "Продолжить оплату", en: "Continue to payment" },
  unavailable: {
    uk: "Онлайн-оплата зараз недоступна.",
    ru: "Онлайн-оплата сейчас недоступна.",
    en: "Online payment is not available now.",
  },
  resultTitle: { uk: "Оплата", ru: "Оплата", en: "Payment" },
  status: {
    uk: "{status, select, created {Платіж ще не завершено. Якщо ви вже сплатили, оновіть сторінку за хвилину.} processing {Платіж обробляється. Оновіть сторінку за хвилину.} success {Оплачено. Дякуємо! Платіж уже зараховано на ваш особовий рахунок.} failure {Платіж не пройшов, гроші не списано. Спробуйте ще раз або іншою карткою.} reversed {Платіж повернуто на вашу картку.} other {{status}}}",
    ru: "{status, select, created {Платёж ещё не завершён. Если вы уже оплатили, обновите страницу через минуту.} processing {Платёж обрабатывается. Обновите страницу через минуту.} success {Оплачено. Спасибо! Платёж уже зачислен на ваш лицевой счёт.} failure {Платёж не прошёл, деньги не списаны. Попробуйте ещё раз или другой картой.} reversed {Платёж возвращён на вашу карту.} other {{status}}}",
    en: "{status, select, created {The payment is not finished yet. If you have paid, refresh this page in a minute.} processing {The payment is being processed. Refresh this page in a minute.} success {Paid. Thank you! The payment is already on your account.} failure {The payment did not go through and no money was taken. Please try again or use another card.} reversed {The payment was returned to your card.} other {{status}}}",
  },
  resultAmount: { uk: "Сума", ru: "Сумма", en: "Amount" },
  paidTo: { uk: "Отримувач", ru: "Получатель", en: "Paid to" },
  refresh: { uk: "Оновити сторінку", ru: "Обновить страницу", en: "Refresh the page" },
  seeHistory: {
    uk: "Переглянути платіж у нарахуваннях і оплатах",
    ru: "Посмотреть платёж в начислениях и оплатах",
    en: "See the payment in charges and payments",
  },
  tryAgain: { uk: "Спробувати ще раз", ru: "Попробовать ещё раз", en: "Try again" },
  signInToSee: {
    uk: "Увійдіть, щоб побачити платіж у нарахуваннях і оплатах",
    ru: "Войдите, чтобы увидеть платёж в начислениях и оплатах",
    en: "Sign in to see the payment in charges and payments",
  },
});
