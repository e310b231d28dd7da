// What the calculator can tell a person it cannot work out, in their language. Each names the field to correct.
import type { ErrorSpec } from "../error-spec.ts";

export const CALCULATOR_ERROR_CODES = {
  calculator_not_served: {
    status: 422,
    message: {
      uk: "{provider} не постачає послугу «{service}» у населеному пункті {settlement}. Оберіть інший населений пункт або постачальника.",
      ru: "{provider} не поставляет услугу «{service}» в населённом пункте {settlement}. Выберите другой населённый пункт или поставщика.",
      en: "{provider} does not supply {service} in {settlement}. Choose another settlement or provider.",
    },
  },
  calculator_no_tariff: {
    status: 422,
    message: {
      uk: "На {period} немає тарифу на послугу «{service}» у населеному пункті {settlement}. Оберіть інший місяць.",
      ru: "На {period} нет тарифа на услугу «{service}» в населённом пункте {settlement}. Выберите другой месяц.",
      en: "There is no tariff for {service} in {settlement} for {period}. Choose another month.",
    },
  },
  calculator_no_norm: {
    status: 422,
    message: {
      uk: "Для послуги «{service}» немає норми споживання: порахуйте за лічильником — вкажіть очікуване споживання.",
      ru: "Для услуги «{service}» нет нормы потребления: посчитайте по счётчику — укажите ожидаемое потребление.",
      en: "There is no consumption norm for {service}: calculate by a meter instead, giving the use you expect.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
