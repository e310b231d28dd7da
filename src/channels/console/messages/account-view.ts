// The words of the operator's account page: the account's card, its meters and readings, money and documents,
// the people linked to it, what came by which door, the notes, entering a reading for a caller and linking the
// account to one.
import { defineMessages } from "../../../i18n/messages.ts";

export const ACCOUNT_VIEW = defineMessages("console: account view", {
  title: { uk: "Рахунок {number}", ru: "Счёт {number}", en: "Account {number}" },
  contents: { uk: "На цій сторінці", ru: "На этой странице", en: "On this page" },
  backToSearch: { uk: "Пошук рахунку", ru: "Поиск счёта", en: "Find an account" },
  enterReading: {
    uk: "Внести показники за абонента",
    ru: "Внести показания за абонента",
    en: "Enter a reading for the caller",
  },
  // The card
  cardTitle: { uk: "Рахунок", ru: "Счёт", en: "Account" },
  number: { uk: "Особовий рахунок", ru: "Лицевой счёт", en: "Account number" },
  holder: { uk: "Власник", ru: "Владелец", en: "Holder" },
  address: { uk: "Адреса", ru: "Адрес", en: "Address" },
  provider: { uk: "Постачальник", ru: "Поставщик", en: "Provider" },
  opened: { uk: "Відкрито", ru: "Открыт", en: "Opened" },
  closed: { uk: "Закрито", ru: "Закрыт", en: "Closed" },
  stillOpen: { uk: "Діє", ru: "Действует", en: "Open" },
  services: { uk: "Послуги", ru: "Услуги", en: "Services" },
  noServices: { uk: "Немає лічильників", ru: "Нет счётчиков", en: "No meters" },
  balance: { uk: "Баланс зараз", ru: "Баланс сейчас", en: "Balance now" },
  lastBill: { uk: "Останній рахунок", ru: "Последний счёт", en: "Last bill" },
  lastBillValue: {
    uk: "{month}: до сплати {amount}",
    ru: "{month}: к оплате {amount}",
    en: "{month}: {amount} due",
  },
  noBillYet: { uk: "Ще не виставлявся", ru: "Ещё не выставлялся", en: "None yet" },
  apartment: { uk: "кв.", ru: "кв.", en: "flat" },
  // Meters
  metersTitle: { uk: "Лічильники", ru: "Счётчики", en: "Meters" },
  metersCaption: {
    uk: "Лічильники рахунку, останні показники й період передачі",
    ru: "Счётчики счёта, последние показания и период передачи",
    en: "The account's meters, their last readings and submission windows",
  },
  colMeter: { uk: "Лічильник", ru: "Счётчик", en: "Meter" },
  colLastReading: { uk: "Останні показники", ru: "Последние показания", en: "Last reading" },
  colWindow: { uk: "Період передачі", ru: "Период передачи", en: "Submission window" },
  meterName: { uk: "{service}, № {serial}", ru: "{service}, № {serial}", en: "{service}, no. {serial}" },
  noMeters: {
    uk: "На рахунку немає лічильників.",
    ru: "На счёте нет счётчиков.",
    en: "The account has no meters.",
  },
  noReading: { uk: "Ще не було", ru: "Ещё не было", en: "None yet" },
  // Readings history
  historyTitle: { uk: "Історія показників", ru: "История показаний", en: "Readings history" },
  historyCaption: {
    uk: "Показники лічильника {meter}, від нових до старих",
    ru: "Показания счётчика {meter}, от новых к старым",
    en: "Readings of meter {meter}, newest first",
  },
  colSubmitted: { uk: "Передано", ru: "Передано", en: "Submitted" },
  colDeemed: { uk: "Зараховано на", ru: "Засчитано на", en: "Counts for" },
  colZone: { uk: "Зона", ru: "Зона", en: "Zone" },
  colValue: { uk: "Показники", ru: "Показания", en: "Value" },
  colChannel: { uk: "Канал", ru: "Канал", en: "Channel" },
  colStatus: { uk: "Стан", ru: "Состояние", en: "Status" },
  colReceipt: { uk: "Квитанція", ru: "Квитанция", en: "Receipt" },
  noReadings: { uk: "Показників ще не було.", ru: "Показаний ещё не было.", en: "No readings yet." },
  status: {
    uk: "{status, select, accepted {Прийнято} pending_review {На перевірці} rejected {Відхилено} superseded {Замінено виправленням} other {{status}}}",
    ru: "{status, select, accepted {Принято} pending_review {На проверке} rejected {Отклонено} superseded {Заменено исправлением} other {{status}}}",
    en: "{status, select, accepted {Accepted} pending_review {Being reviewed} rejected {Rejected} superseded {Replaced by a correction} other {{status}}}",
  },
  reason: { uk: "Причина: {reason}", ru: "Причина: {reason}", en: "Reason: {reason}" },
  channel: {
    uk: "{channel, select, web {Сайт (особистий кабінет)} api {Застосунок (API)} voice {Голосовий бот} viber {Viber} telegram {Telegram} facebook {Messenger} contact_centre {Телефон, контакт-центр} import {Імпорт} cli {Командний рядок} bank {Банк} sms {SMS} other {{channel}}}",
    ru: "{channel, select, web {Сайт (личный кабинет)} api {Приложение (API)} voice {Голосовой бот} viber {Viber} telegram {Telegram} facebook {Messenger} contact_centre {Телефон, контакт-центр} import {Импорт} cli {Командная строка} bank {Банк} sms {SMS} other {{channel}}}",
    en: "{channel, select, web {Website (personal cabinet)} api {App (API)} voice {Voice bot} viber {Viber} telegram {Telegram} facebook {Messenger} contact_centre {Phone, contact centre} import {Import} cli {Command line} bank {Bank} sms {SMS} other {{channel}}}",
  },
  // Money and documents
  moneyTitle: { uk: "Нарахування й оплати", ru: "Начисления и оплаты", en: "Charges and payments" },
  moneyCaption: {
    uk: "Нарахування й оплати з {from} по {to}, від нових до старих",
    ru: "Начисления и оплаты с {from} по {to}, от новых к старым",
    en: "Charges and payments from {from} to {to}, newest first",
  },
  colMonth: { uk: "Місяць", ru: "Месяц", en: "Month" },
  colWhat: { uk: "Що", ru: "Что", en: "What" },
  colDate: { uk: "Дата", ru: "Дата", en: "Date" },
  colAmount: { uk: "Сума", ru: "Сумма", en: "Amount" },
  noEntries: {
    uk: "За ці місяці нарахувань і оплат немає.",
    ru: "За эти месяцы начислений и оплат нет.",
    en: "No charges or payments in these months.",
  },
  documentsTitle: { uk: "Документи", ru: "Документы", en: "Documents" },
  billsTitle: { uk: "Рахунки за місяцями", ru: "Счета по месяцам", en: "Bills by month" },
  billLink: {
    uk: "Рахунок за {month} (PDF)",
    ru: "Счёт за {month} (PDF)",
    en: "Bill for {month} (PDF)",
  },
  noBills: { uk: "Рахунків ще немає.", ru: "Счетов ещё нет.", en: "No bills yet." },
  statementTitle: { uk: "Акт звірки", ru: "Акт сверки", en: "Reconciliation statement" },
  // People
  peopleTitle: { uk: "Повʼязані люди", ru: "Связанные люди", en: "Linked people" },
  peopleCaption: {
    uk: "Хто привʼязав цей рахунок до свого кабінету",
    ru: "Кто привязал этот счёт к своему кабинету",
    en: "Who has this account in their cabinet",
  },
  colName: { uk: "Імʼя", ru: "Имя", en: "Name" },
  colContacts: {
    uk: "Підтверджені контакти (частково приховані)",
    ru: "Подтверждённые контакты (частично скрыты)",
    en: "Verified contacts (partly hidden)",
  },
  colLinkedAt: { uk: "Привʼязано", ru: "Привязан", en: "Linked" },
  identity: {
    uk: "{kind, select, email {E-mail} phone {Телефон} other {{kind}}}: {value}",
    ru: "{kind, select, email {E-mail} phone {Телефон} other {{kind}}}: {value}",
    en: "{kind, select, email {E-mail} phone {Phone} other {{kind}}}: {value}",
  },
  noContacts: { uk: "немає", ru: "нет", en: "none" },
  noPeople: {
    uk: "Рахунок ще ніхто не привʼязав.",
    ru: "Счёт ещё никто не привязал.",
    en: "Nobody has linked this account yet.",
  },
  linkTitle: {
    uk: "Привʼязати рахунок до абонента",
    ru: "Привязать счёт к абоненту",
    en: "Link the account to the caller",
  },
  linkIntro: {
    uk: "Спершу встановіть особу абонента. Потім введіть телефон або e-mail, з яким він зареєстрований на платформі.",
    ru: "Сначала установите личность абонента. Затем введите телефон или e-mail, с которым он зарегистрирован на платформе.",
    en: "First make sure who the caller is. Then enter the phone number or e-mail they are registered with.",
  },
  linkLogin: {
    uk: "Телефон або e-mail абонента",
    ru: "Телефон или e-mail абонента",
    en: "Caller's phone or e-mail",
  },
  linkFind: { uk: "Знайти абонента", ru: "Найти абонента", en: "Find the caller" },
  linkConfirm: {
    uk: "Знайдено: {name}. Переконайтеся, що це той, хто телефонує, і підтвердьте.",
    ru: "Найден: {name}. Убедитесь, что это тот, кто звонит, и подтвердите.",
    en: "Found: {name}. Make sure this is the person calling, then confirm.",
  },
  linkConfirmButton: {
    uk: "Привʼязати рахунок до {name}",
    ru: "Привязать счёт к {name}",
    en: "Link the account to {name}",
  },
  linkAlready: {
    uk: "{name} уже має цей рахунок у своєму кабінеті.",
    ru: "У {name} этот счёт уже есть в кабинете.",
    en: "{name} already has this account in their cabinet.",
  },
  linked: {
    uk: "Рахунок привʼязано до кабінету: {name}.",
    ru: "Счёт привязан к кабинету: {name}.",
    en: "The account is now in {name}'s cabinet.",
  },
  linkMismatch: {
    uk: "Дані абонента змінилися. Знайдіть його ще раз.",
    ru: "Данные абонента изменились. Найдите его ещё раз.",
    en: "The caller's details have changed. Please find them again.",
  },
  // Channel history
  channelsTitle: { uk: "Звернення за каналами", ru: "Обращения по каналам", en: "By which door" },
  channelsCaption: {
    uk: "Що надходило за рахунком і яким каналом, від нових до старих",
    ru: "Что поступало по счёту и каким каналом, от новых к старым",
    en: "What came for the account and by which channel, newest first",
  },
  colWhen: { uk: "Коли", ru: "Когда", en: "When" },
  noChannelEvents: { uk: "Поки нічого не надходило.", ru: "Пока ничего не поступало.", en: "Nothing yet." },
  eventReading: {
    uk: "Показники {meter}: {values} — {status}",
    ru: "Показания {meter}: {values} — {status}",
    en: "Reading of {meter}: {values} — {status}",
  },
  eventPayment: {
    uk: "Оплата {amount} ({source, select, payment_gateway {карткою онлайн} bank_registry {через банк} operator {внесена оператором} other {імпорт}})",
    ru: "Оплата {amount} ({source, select, payment_gateway {картой онлайн} bank_registry {через банк} operator {внесена оператором} other {импорт}})",
    en: "Payment of {amount} ({source, select, payment_gateway {by card online} bank_registry {through a bank} operator {entered by an operator} other {imported}})",
  },
  eventAction: {
    uk: "{action, select, account_link {Абонент привʼязав рахунок (за сумою з рахунку)} account_unlink {Абонент відвʼязав рахунок} account_link_for_user {Оператор привʼязав рахунок до абонента} account_link_refused {Невдала спроба привʼязати рахунок} addAccountNote {Додано нотатку} acceptReading {Показники прийнято після перевірки} rejectReading {Показники відхилено після перевірки} assignRegistryLine {Платіж з банківського реєстру зараховано вручну} other {Дія: {action}}}",
    ru: "{action, select, account_link {Абонент привязал счёт (по сумме из счёта)} account_unlink {Абонент отвязал счёт} account_link_for_user {Оператор привязал счёт к абоненту} account_link_refused {Неудачная попытка привязать счёт} addAccountNote {Добавлена заметка} acceptReading {Показания приняты после проверки} rejectReading {Показания отклонены после проверки} assignRegistryLine {Платёж из банковского реестра зачислен вручную} other {Действие: {action}}}",
    en: "{action, select, account_link {The resident linked the account (by the bill's amount)} account_unlink {The resident unlinked the account} account_link_for_user {An operator linked the account for a caller} account_link_refused {A failed attempt to link the account} addAccountNote {A note was added} acceptReading {Reading accepted after review} rejectReading {Reading rejected after review} assignRegistryLine {A bank registry payment assigned by hand} other {Action: {action}}}",
  },
  byWhom: { uk: "Хто: {name}", ru: "Кто: {name}", en: "By: {name}" },
  // Notes
  notesTitle: { uk: "Нотатки", ru: "Заметки", en: "Notes" },
  notesIntro: {
    uk: "Нотатки бачать лише працівники постачальника, абонент їх не бачить. Нотатку не можна змінити: уточнення — новою нотаткою.",
    ru: "Заметки видят только сотрудники поставщика, абонент их не видит. Заметку нельзя изменить: уточнение — новой заметкой.",
    en: "Only the provider's staff see notes; the resident does not. A note cannot be changed: add another to correct it.",
  },
  noNotes: { uk: "Нотаток ще немає.", ru: "Заметок ещё нет.", en: "No notes yet." },
  noteBy: { uk: "{name}, {when}", ru: "{name}, {when}", en: "{name}, {when}" },
  noteField: { uk: "Нова нотатка", ru: "Новая заметка", en: "New note" },
  noteHint: {
    uk: "До {max} символів. Наприклад: «Телефонував щодо високого рахунку, замовлено перевірку лічильника».",
    ru: "До {max} символов. Например: «Звонил насчёт высокого счёта, заказана проверка счётчика».",
    en: "Up to {max} characters. For example: “Called about a high bill; a meter check is booked.”",
  },
  noteSubmit: { uk: "Додати нотатку", ru: "Добавить заметку", en: "Add the note" },
  noteAdded: { uk: "Нотатку додано.", ru: "Заметка добавлена.", en: "The note is added." },
  // Entering a reading
  readingsTitle: {
    uk: "Показники за абонента: рахунок {number}",
    ru: "Показания за абонента: счёт {number}",
    en: "A reading for the caller: account {number}",
  },
  readingsIntro: {
    uk: "Показники, внесені тут, записуються як передані через контакт-центр. Продиктуйте абонентові номер квитанції.",
    ru: "Показания, внесённые здесь, записываются как переданные через контакт-центр. Продиктуйте абоненту номер квитанции.",
    en: "A reading entered here is recorded as given through the contact centre. Read the receipt number out to the caller.",
  },
  backToAccount: { uk: "До рахунку {number}", ru: "К счёту {number}", en: "Back to account {number}" },
});
