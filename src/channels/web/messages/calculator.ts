// The words of the calculator page.
import { defineMessages } from "../../../i18n/messages.ts";

export const CALCULATOR = defineMessages("cabinet: calculator", {
  title: {
    uk: "Калькулятор опалення й гарячої води",
    ru: "Калькулятор отопления и горячей воды",
    en: "Heating and hot-water calculator",
  },
  lead: {
    uk: "Дізнайтеся, скільки коштуватиме місяць опалення чи гарячої води за діючими тарифами вашого постачальника.",
    ru: "Узнайте, сколько будет стоить месяц отопления или горячей воды по действующим тарифам вашего поставщика.",
    en: "Find out what a month of heating or hot water will cost at your provider's current tariffs.",
  },
  what: { uk: "Послуга й постачальник", ru: "Услуга и поставщик", en: "Service and provider" },
  whatOption: { uk: "{service} — {provider}", ru: "{service} — {provider}", en: "{service} — {provider}" },
  settlement: { uk: "Населений пункт", ru: "Населённый пункт", en: "Settlement" },
  month: { uk: "Місяць", ru: "Месяц", en: "Month" },
  monthHint: {
    uk: "Опалення за нормою нараховують лише в дні опалювального сезону.",
    ru: "Отопление по норме начисляют только в дни отопительного сезона.",
    en: "Heating by the norm is charged on the heating season's days only.",
  },
  basis: { uk: "Як рахувати", ru: "Как считать", en: "How to calculate" },
  basisNorm: {
    uk: "За нормою — лічильника немає",
    ru: "По норме — счётчика нет",
    en: "By the norm: there is no meter",
  },
  basisMeter: {
    uk: "За лічильником — я знаю, скільки очікую спожити",
    ru: "По счётчику — я знаю, сколько ожидаю потребить",
    en: "By a meter: I know how much I expect to use",
  },
  area: { uk: "Опалювана площа, м²", ru: "Отапливаемая площадь, м²", en: "Heated area, m²" },
  areaHint: {
    uk: "Для опалення за нормою. Є у вашому рахунку, наприклад 52,5",
    ru: "Для отопления по норме. Есть в вашем счёте, например 52,5",
    en: "For heating by the norm. It is on your bill, for example 52.5",
  },
  residents: {
    uk: "Кількість зареєстрованих осіб",
    ru: "Количество зарегистрированных человек",
    en: "Registered residents",
  },
  residentsHint: {
    uk: "Для гарячої води за нормою, наприклад 2",
    ru: "Для горячей воды по норме, например 2",
    en: "For hot water by the norm, for example 2",
  },
  used: {
    uk: "Очікуване споживання за місяць",
    ru: "Ожидаемое потребление за месяц",
    en: "Expected use in the month",
  },
  usedHint: {
    uk: "Для розрахунку за лічильником: Гкал для опалення, м³ для гарячої води, наприклад 1,25",
    ru: "Для расчёта по счётчику: Гкал для отопления, м³ для горячей воды, например 1,25",
    en: "For a meter: Gcal for heating, m³ for hot water, for example 1.25",
  },
  submit: { uk: "Порахувати", ru: "Посчитать", en: "Calculate" },
  noChoices: {
    uk: "Тарифів на опалення й гарячу воду поки немає.",
    ru: "Тарифов на отопление и горячую воду пока нет.",
    en: "There are no heating or hot-water tariffs yet.",
  },

  chooseWhat: {
    uk: "Оберіть послугу й постачальника",
    ru: "Выберите услугу и поставщика",
    en: "Choose a service and provider",
  },
  chooseSettlement: {
    uk: "Оберіть населений пункт",
    ru: "Выберите населённый пункт",
    en: "Choose a settlement",
  },
  chooseMonth: { uk: "Оберіть місяць", ru: "Выберите месяц", en: "Choose a month" },
  chooseBasis: {
    uk: "Оберіть, як рахувати: за нормою чи за лічильником",
    ru: "Выберите, как считать: по норме или по счётчику",
    en: "Choose how to calculate: by the norm or by a meter",
  },
  areaMissing: {
    uk: "Введіть опалювану площу",
    ru: "Введите отапливаемую площадь",
    en: "Enter the heated area",
  },
  areaInvalid: {
    uk: "Площа — це число більше нуля, до двох знаків після коми, наприклад 52,5",
    ru: "Площадь — это число больше нуля, до двух знаков после запятой, например 52,5",
    en: "The area must be a number above zero with up to two decimals, like 52.5",
  },
  residentsMissing: {
    uk: "Введіть кількість зареєстрованих осіб",
    ru: "Введите количество зарегистрированных человек",
    en: "Enter the number of registered residents",
  },
  residentsInvalid: {
    uk: "Кількість осіб — ціле число від 1 до 100",
    ru: "Количество человек — целое число от 1 до 100",
    en: "The number of residents must be a whole number from 1 to 100",
  },
  usedMissing: {
    uk: "Введіть очікуване споживання",
    ru: "Введите ожидаемое потребление",
    en: "Enter the use you expect",
  },
  usedInvalid: {
    uk: "Споживання — число не менше нуля, до трьох знаків після коми, наприклад 1,25",
    ru: "Потребление — число не меньше нуля, до трёх знаков после запятой, например 1,25",
    en: "The use must be a number of zero or more with up to three decimals, like 1.25",
  },

  result: { uk: "Результат", ru: "Результат", en: "Result" },
  resultFor: {
    uk: "{service}, {settlement}, {month}",
    ru: "{service}, {settlement}, {month}",
    en: "{service}, {settlement}, {month}",
  },
  stepsCaption: { uk: "Розрахунок", ru: "Расчёт", en: "The calculation" },
  normLine: {
    uk: "{base} × {norm} {unit}/{per}",
    ru: "{base} × {norm} {unit}/{per}",
    en: "{base} × {norm} {unit}/{per}",
  },
  perM2: { uk: "м²", ru: "м²", en: "m²" },
  perPerson: { uk: "особу", ru: "чел.", en: "person" },
  persons: {
    uk: "{n, plural, one {# особа} few {# особи} many {# осіб} other {# особи}}",
    ru: "{n, plural, one {# человек} few {# человека} many {# человек} other {# человека}}",
    en: "{n, plural, one {# person} other {# people}}",
  },
  days: {
    uk: "{days}/{month} днів місяця",
    ru: "{days}/{month} дней месяца",
    en: "{days}/{month} days of the month",
  },
  normTotal: {
    uk: "Разом за нормою (округлено до тисячних): {quantity}",
    ru: "Итого по норме (округлено до тысячных): {quantity}",
    en: "By the norm in all (rounded to thousandths): {quantity}",
  },
  expected: {
    uk: "Очікуване споживання: {quantity}",
    ru: "Ожидаемое потребление: {quantity}",
    en: "Expected use: {quantity}",
  },
  partDays: {
    uk: " (за {days} з {month} днів)",
    ru: " (за {days} из {month} дней)",
    en: " (for {days} of {month} days)",
  },
  nothingUsed: {
    uk: "Споживання за нормою в цьому місяці немає (поза опалювальним сезоном).",
    ru: "Потребления по норме в этом месяце нет (вне отопительного сезона).",
    en: "Nothing is used by the norm this month (outside the heating season).",
  },
  fee: {
    uk: "Абонентська плата за місяць: {amount}",
    ru: "Абонентская плата за месяц: {amount}",
    en: "Monthly fixed fee: {amount}",
  },
  total: { uk: "Разом до сплати", ru: "Итого к оплате", en: "Total to pay" },
  note: {
    uk: "Розраховано так само, як рахує постачальник, за тарифами, що діють у цьому місяці. Рахунок буде іншим, якщо зміниться тариф, площа чи кількість осіб.",
    ru: "Рассчитано так же, как считает поставщик, по тарифам, действующим в этом месяце. Счёт будет другим, если изменится тариф, площадь или количество человек.",
    en: "Worked out the way the provider bills, at the tariffs in force in that month. The bill will differ if the tariff, the area or the number of residents changes.",
  },
  unit: {
    uk: "{unit, select, kWh {кВт·год} m3 {м³} Gcal {Гкал} other {{unit}}}",
    ru: "{unit, select, kWh {кВт·ч} m3 {м³} Gcal {Гкал} other {{unit}}}",
    en: "{unit, select, kWh {kWh} m3 {m³} Gcal {Gcal} other {{unit}}}",
  },
});
