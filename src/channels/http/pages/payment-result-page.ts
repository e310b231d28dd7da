// The page a gateway sends the resident back to (result_url): how the payment went, in their language.
import { formatUah, kop } from "../../../domain/money.ts";
import { LOCALES, type Locale } from "../../../i18n/locale.ts";
import { bindMessages, defineMessages } from "../../../i18n/messages.ts";
import type { PaymentResult } from "../../../services/payments/payment-result.ts";
import { html, LANGUAGE_NAMES, page } from "./html.ts";

const TEXT = defineMessages("page: payment result", {
  title: { uk: "Оплата", ru: "Оплата", en: "Payment" },
  amount: { uk: "Сума", ru: "Сумма", en: "Amount" },
  provider: { uk: "Отримувач", ru: "Получатель", en: "Paid to" },
  refresh: { uk: "Оновити сторінку", ru: "Обновить страницу", en: "Refresh the page" },
  /** By the order's status (OrderStatus). */
  status: {
    uk: "{status, select, created {Платіж ще не завершено. Якщо ви вже сплатили, оновіть сторінку за хвилину.} processing {Платіж обробляється. Оновіть сторінку за хвилину.} success {Оплачено. Дякуємо! Платіж уже зараховано на ваш особовий рахунок.} failure {Платіж не пройшов, гроші не списано. Спробуйте ще раз або іншою карткою.} reversed {Платіж повернуто на вашу картку.} other {{status}}}",
    ru: "{status, select, created {Платёж ещё не завершён. Если вы уже оплатили, обновите страницу через минуту.} processing {Платёж обрабатывается. Обновите страницу через минуту.} success {Оплачено. Спасибо! Платёж уже зачислен на ваш лицевой счёт.} failure {Платёж не прошёл, деньги не списаны. Попробуйте ещё раз или другой картой.} reversed {Платёж возвращён на вашу карту.} other {{status}}}",
    en: "{status, select, created {The payment is not finished yet. If you have paid, refresh this page in a minute.} processing {The payment is being processed. Refresh this page in a minute.} success {Paid. Thank you! The payment is already on your account.} failure {The payment did not go through and no money was taken. Please try again or use another card.} reversed {The payment was returned to your card.} other {{status}}}",
  },
});

export function paymentResultPage(result: PaymentResult, locale: Locale): string {
  const t = bindMessages(TEXT, locale);
  const final = result.status === "success" || result.status === "failure" || result.status === "reversed";
  const box = result.status === "success" ? "ok" : result.status === "failure" ? "alert" : "";
  const self = `/payments/${result.orderId}`;
  return page({
    locale,
    title: t.title(),
    body: html`
<nav class="langs" aria-label="Мова / Язык / Language">${LOCALES.filter((l) => l !== locale).map(
      (l) => html`<a href="${self}?lang=${l}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a> `,
    )}</nav>
<h1>${t.title()}</h1>
<p role="status" class="${box}" data-status="${result.status}">${t.status({ status: result.status })}</p>
<dl>
  <dt>${t.amount()}</dt><dd class="amount">${formatUah(kop(result.amountKop), locale)}</dd>
  <dt>${t.provider()}</dt><dd>${result.provider[locale]}</dd>
</dl>
${final ? "" : html`<a class="button" href="${self}?lang=${locale}">${t.refresh()}</a>`}
`,
  });
}
