// What a resident (starting a payment) or a gateway (posting a callback) can be told, in each language.
import type { ErrorSpec } from "../error-spec.ts";

export const PAYMENT_ERROR_CODES = {
  payment_amount_invalid: {
    status: 422,
    message: {
      uk: "Сума платежу має бути від 0,01 грн до {max}.",
      ru: "Сумма платежа должна быть от 0,01 грн до {max}.",
      en: "The payment amount must be from UAH 0.01 to {max}.",
    },
  },
  payment_period_invalid: {
    status: 422,
    message: {
      uk: "Оплатити можна період не пізніше за {latest}.",
      ru: "Оплатить можно период не позже {latest}.",
      en: "You can pay for a period up to {latest}.",
    },
  },
  payment_service_not_provided: {
    status: 422,
    message: {
      uk: "Цей постачальник не надає послугу «{service}» за цим рахунком.",
      ru: "Этот поставщик не предоставляет услугу «{service}» по этому счёту.",
      en: "This provider does not supply “{service}” on this account.",
    },
  },
  payment_gateway_unknown: {
    status: 422,
    message: {
      uk: "Спосіб оплати «{gateway}» недоступний. Доступні: {available}.",
      ru: "Способ оплаты «{gateway}» недоступен. Доступны: {available}.",
      en: "The payment method “{gateway}” is not available. Available: {available}.",
    },
  },
  payments_unavailable: {
    status: 503,
    message: {
      uk: "Онлайн-оплата зараз недоступна. Сплатити можна в банку або через застосунок банку.",
      ru: "Онлайн-оплата сейчас недоступна. Оплатить можно в банке или через приложение банка.",
      en: "Online payment is not available now. You can pay at a bank or in your banking app.",
    },
  },
  payment_callback_unsigned: {
    status: 400,
    message: {
      uk: "Повідомлення платіжного шлюзу без data або signature.",
      ru: "Уведомление платёжного шлюза без data или signature.",
      en: "The gateway callback has no data or no signature.",
    },
  },
  payment_callback_forged: {
    status: 400,
    message: {
      uk: "Підпис повідомлення платіжного шлюзу не збігається.",
      ru: "Подпись уведомления платёжного шлюза не совпадает.",
      en: "The gateway callback's signature does not match.",
    },
  },
  payment_callback_malformed: {
    status: 400,
    message: {
      uk: "Повідомлення платіжного шлюзу не містить потрібних полів або адресоване іншому магазину.",
      ru: "Уведомление платёжного шлюза не содержит нужных полей или адресовано другому магазину.",
      en: "The gateway callback lacks required fields or is addressed to another merchant.",
    },
  },
  payment_callback_order_unknown: {
    status: 400,
    message: {
      uk: "Замовлення {orderId} цього платіжного шлюзу не знайдено.",
      ru: "Заказ {orderId} этого платёжного шлюза не найден.",
      en: "Order {orderId} of this gateway was not found.",
    },
  },
  payment_callback_mismatch: {
    status: 400,
    message: {
      uk: "Сума або валюта в повідомленні ({got}) не збігається із замовленням {orderId} ({expected}).",
      ru: "Сумма или валюта в уведомлении ({got}) не совпадает с заказом {orderId} ({expected}).",
      en: "The amount or currency in the callback ({got}) differs from order {orderId} ({expected}).",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
