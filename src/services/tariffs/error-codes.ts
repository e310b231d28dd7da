// Refusals of a tariff an administrator adds: dates that overlap another tariff of the same service and
// settlement (tariff_overlap, also when the database's trigger catches a race), dates in billed months, and
// blocks, zones and norms the billing could not price with.
import type { ErrorSpec } from "../error-spec.ts";

export const TARIFF_ERROR_CODES = {
  tariff_overlap: {
    status: 409,
    message: {
      uk: "Дати перетинаються з наявним тарифом цієї послуги ({period}). Виберіть інші дати або, якщо чинний тариф безстроковий, позначте «Завершити чинний тариф напередодні».",
      ru: "Даты пересекаются с действующим тарифом этой услуги ({period}). Выберите другие даты или, если действующий тариф бессрочный, отметьте «Завершить действующий тариф накануне».",
      en: "The dates overlap an existing tariff of this service ({period}). Choose other dates or, if the current tariff has no end date, tick “End the current tariff the day before”.",
    },
  },
  tariff_dates_invalid: {
    status: 422,
    message: {
      uk: "Тариф має закінчуватися пізніше, ніж починається.",
      ru: "Тариф должен заканчиваться позже, чем начинается.",
      en: "The tariff must end after it starts.",
    },
  },
  tariff_effective_closed: {
    status: 422,
    message: {
      uk: "Нарахування за {month} уже закрито, виставлені рахунки не змінюються. Тариф може діяти з {from}.",
      ru: "Начисления за {month} уже закрыты, выставленные счета не меняются. Тариф может действовать с {from}.",
      en: "{month} has been billed and closed; issued bills do not change. The tariff can take effect from {from}.",
    },
  },
  tariff_blocks_missing: {
    status: 422,
    message: {
      uk: "Вкажіть хоча б одну ціну.",
      ru: "Укажите хотя бы одну цену.",
      en: "Please give at least one price.",
    },
  },
  tariff_block_price_invalid: {
    status: 422,
    message: {
      uk: "Ціна в рядку {block}: гривень за одиницю, не більше 6 знаків після коми, наприклад 4,32.",
      ru: "Цена в строке {block}: гривен за единицу, не более 6 знаков после запятой, например 4,32.",
      en: "The price in row {block}: hryvnias per unit, at most 6 decimals, e.g. 4.32.",
    },
  },
  tariff_block_limit_invalid: {
    status: 422,
    message: {
      uk: "Межа в рядку {block}: кількість одиниць на місяць, не більше 3 знаків після коми, більша за межу попереднього рядка.",
      ru: "Граница в строке {block}: количество единиц в месяц, не более 3 знаков после запятой, больше границы предыдущей строки.",
      en: "The limit in row {block}: units a month, at most 3 decimals, above the previous row's limit.",
    },
  },
  tariff_last_block_limited: {
    status: 422,
    message: {
      uk: "Остання ціна діє без межі: залиште межу в рядку {block} порожньою (споживання понад усі межі теж оплачується).",
      ru: "Последняя цена действует без границы: оставьте границу в строке {block} пустой (потребление сверх всех границ тоже оплачивается).",
      en: "The last price has no limit: leave the limit in row {block} empty (use above every limit is paid for too).",
    },
  },
  tariff_zone_coefficient_invalid: {
    status: 422,
    message: {
      uk: "Коефіцієнт зони «{zone}»: додатне число, не більше 3 знаків після коми, наприклад 0,5.",
      ru: "Коэффициент зоны «{zone}»: положительное число, не более 3 знаков после запятой, например 0,5.",
      en: "The coefficient of the “{zone}” zone: a positive number, at most 3 decimals, e.g. 0.5.",
    },
  },
  tariff_zones_incomplete: {
    status: 422,
    message: {
      uk: "Для {zones}-зонних лічильників потрібен рівно один коефіцієнт кожної зони: {names}.",
      ru: "Для {zones}-зонных счётчиков нужен ровно один коэффициент каждой зоны: {names}.",
      en: "{zones}-zone meters need exactly one coefficient for each zone: {names}.",
    },
  },
  tariff_zones_missing: {
    status: 422,
    message: {
      uk: "Постачальник має {zones}-зонні лічильники цієї послуги: вкажіть коефіцієнти їхніх зон ({names}).",
      ru: "У поставщика есть {zones}-зонные счётчики этой услуги: укажите коэффициенты их зон ({names}).",
      en: "The provider has {zones}-zone meters of this service: please give their zones' coefficients ({names}).",
    },
  },
  tariff_norm_invalid: {
    status: 422,
    message: {
      uk: "Норма: невідʼємне число, не більше {decimals} знаків після коми.",
      ru: "Норма: неотрицательное число, не более {decimals} знаков после запятой.",
      en: "The norm: a number not below zero, at most {decimals} decimals.",
    },
  },
  tariff_source_missing: {
    status: 422,
    message: {
      uk: "Вкажіть джерело тарифу: постанову чи рішення, за яким він діє.",
      ru: "Укажите источник тарифа: постановление или решение, по которому он действует.",
      en: "Please give the tariff's source: the resolution or decision it follows.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
