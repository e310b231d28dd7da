// The words of the readings pages: each meter's last reading and window, the fields per zone, and the service's
// answer (accepted with a receipt, refused with the reason, or "please confirm").
import { defineMessages } from "../../../i18n/messages.ts";

export const READINGS = defineMessages("cabinet: readings", {
  title: { uk: "Передати показники", ru: "Передать показания", en: "Submit meter readings" },
  chooseAccount: {
    uk: "Оберіть рахунок, для якого передаєте показники.",
    ru: "Выберите счёт, для которого передаёте показания.",
    en: "Choose the account you are sending readings for.",
  },
  accountLink: {
    uk: "Показники за рахунком {number}",
    ru: "Показания по счёту {number}",
    en: "Readings for account {number}",
  },
  accountTitle: {
    uk: "Показники: рахунок {number}",
    ru: "Показания: счёт {number}",
    en: "Readings: account {number}",
  },
  noAccounts: {
    uk: "Щоб передавати показники, спершу додайте особовий рахунок.",
    ru: "Чтобы передавать показания, сначала добавьте лицевой счёт.",
    en: "To send readings, first add a personal account.",
  },
  noMeters: {
    uk: "На цьому рахунку немає лічильників, показники передавати не потрібно.",
    ru: "На этом счёте нет счётчиков, показания передавать не нужно.",
    en: "This account has no meters: there are no readings to send.",
  },
  meterTitle: {
    uk: "{service}, лічильник {serial}",
    ru: "{service}, счётчик {serial}",
    en: "{service}, meter {serial}",
  },
  lastReading: { uk: "Останні показники", ru: "Последние показания", en: "Last reading" },
  lastReadingValue: { uk: "{value} від {date}", ru: "{value} от {date}", en: "{value} on {date}" },
  noReading: { uk: "Ще не було", ru: "Ещё не было", en: "None yet" },
  onReview: {
    uk: " (перевіряє оператор)",
    ru: " (проверяет оператор)",
    en: " (being checked by an operator)",
  },
  window: { uk: "Період передачі", ru: "Период передачи", en: "Submission window" },
  windowOpen: {
    uk: "Відкрито до {date} включно ({days, plural, one {# день} few {# дні} many {# днів} other {# дня}})",
    ru: "Открыт до {date} включительно ({days, plural, one {# день} few {# дня} many {# дней} other {# дня}})",
    en: "Open until {date} ({days, plural, one {# day left} other {# days left}})",
  },
  windowClosed: {
    uk: "Закрито. Наступний: з {opens} по {closes}",
    ru: "Закрыт. Следующий: с {opens} по {closes}",
    en: "Closed. Next: {opens} to {closes}",
  },
  lateAccepted: {
    uk: "Показники, передані зараз, зарахують у наступному періоді.",
    ru: "Показания, переданные сейчас, засчитают в следующем периоде.",
    en: "A reading sent now will count for the next window.",
  },
  closedNoForm: {
    uk: "Поки період закрито, показники не приймаються. Поверніться {date}.",
    ru: "Пока период закрыт, показания не принимаются. Вернитесь {date}.",
    en: "Readings are not accepted while the window is closed. Please come back on {date}.",
  },
  alreadySent: {
    uk: "Показники за цей період уже передано. Якщо ви помилилися, передайте правильні — їх буде виправлено.",
    ru: "Показания за этот период уже переданы. Если вы ошиблись, передайте правильные — они будут исправлены.",
    en: "This window's reading is in. If it was wrong, send the right figures and it will be corrected.",
  },
  estimate: {
    uk: "Якщо не передасте показники, вам нарахують приблизно {amount} за середнім споживанням.",
    ru: "Если не передадите показания, вам начислят примерно {amount} по среднему потреблению.",
    en: "If you don't send a reading, you will be billed about {amount}, based on average use.",
  },
  reading: { uk: "Показники", ru: "Показания", en: "Reading" },
  zoneField: {
    uk: "Зона «{zone}», {unit}",
    ru: "Зона «{zone}», {unit}",
    en: "{zone} zone, {unit}",
  },
  singleField: { uk: "Показники, {unit}", ru: "Показания, {unit}", en: "Reading, {unit}" },
  zonesLegend: {
    uk: "Показники лічильника {serial} за кожною зоною, {unit}",
    ru: "Показания счётчика {serial} по каждой зоне, {unit}",
    en: "Meter {serial} reading for each zone, {unit}",
  },
  fieldHint: {
    uk: "{decimals, plural, =0 {Лише цифри на табло, без дробової частини.} other {Цифри з табло; після коми — не більше {decimals} знаків.}} Останні: {last}.",
    ru: "{decimals, plural, =0 {Только цифры на табло, без дробной части.} other {Цифры с табло; после запятой — не больше {decimals} знаков.}} Последние: {last}.",
    en: "{decimals, plural, =0 {The whole numbers on the dial only.} other {The digits on the dial, at most {decimals} after the decimal point.}} Last: {last}.",
  },
  fieldHintFirst: {
    uk: "{decimals, plural, =0 {Лише цифри на табло, без дробової частини.} other {Цифри з табло; після коми — не більше {decimals} знаків.}}",
    ru: "{decimals, plural, =0 {Только цифры на табло, без дробной части.} other {Цифры с табло; после запятой — не больше {decimals} знаков.}}",
    en: "{decimals, plural, =0 {The whole numbers on the dial only.} other {The digits on the dial, at most {decimals} after the decimal point.}}",
  },
  submit: {
    uk: "Передати показники лічильника {serial}",
    ru: "Передать показания счётчика {serial}",
    en: "Send meter {serial} reading",
  },
  unit: {
    uk: "{unit, select, kWh {кВт·год} m3 {м³} Gcal {Гкал} other {{unit}}}",
    ru: "{unit, select, kWh {кВт·ч} m3 {м³} Gcal {Гкал} other {{unit}}}",
    en: "{unit, select, kWh {kWh} m3 {m³} Gcal {Gcal} other {{unit}}}",
  },
  accepted: {
    uk: "Показники лічильника {serial} прийнято. Номер квитанції: {receipt}.",
    ru: "Показания счётчика {serial} приняты. Номер квитанции: {receipt}.",
    en: "Meter {serial} reading accepted. Receipt number: {receipt}.",
  },
  acceptedReview: {
    uk: "Показники лічильника {serial} прийнято й передано операторові на перевірку. Номер квитанції: {receipt}.",
    ru: "Показания счётчика {serial} приняты и переданы оператору на проверку. Номер квитанции: {receipt}.",
    en: "Meter {serial} reading accepted and passed to an operator to check. Receipt number: {receipt}.",
  },
  confirmTitle: {
    uk: "Будь ласка, підтвердьте незвично високі показники",
    ru: "Пожалуйста, подтвердите необычно высокие показания",
    en: "Please confirm this unusually high reading",
  },
  confirmExplain: {
    uk: "Споживання за цими показниками ({used} {unit}) значно більше, ніж зазвичай. Перевірте цифри на табло. Якщо вони правильні, підтвердьте.",
    ru: "Потребление по этим показаниям ({used} {unit}) намного больше обычного. Проверьте цифры на табло. Если они верны, подтвердите.",
    en: "The use these figures show ({used} {unit}) is much higher than usual. Please check the dial. If the figures are right, confirm them.",
  },
  confirmButton: {
    uk: "Так, показники правильні",
    ru: "Да, показания верны",
    en: "Yes, the figures are right",
  },
  changeHint: {
    uk: "Або виправте цифри нижче й передайте ще раз.",
    ru: "Или исправьте цифры ниже и передайте ещё раз.",
    en: "Or correct the figures below and send them again.",
  },
});
