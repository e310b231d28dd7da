// Paying: how much (the amount due, the planned payment, or another amount), then a page whose one form posts
// the gateway's checkout fields to the gateway (no script needed), and the page the gateway sends the resident
// back to.
import { formatUah, kop } from "../../../domain/money.ts";
import type { Period } from "../../../domain/period.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { AccountSummary } from "../../../services/accounts/list-my-accounts.ts";
import { monthName } from "../../../services/documents/render/format.ts";
import type { Checkout } from "../../../services/payments/gateway.ts";
import type { PaymentResult } from "../../../services/payments/payment-result.ts";
import { type Html, html } from "../html.ts";
import { PAY } from "../messages/money.ts";
import {
  banner,
  button,
  type Choice,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
  radios,
  summaryList,
  textField,
} from "./components.ts";
import { accountHeading } from "./money-page.ts";
import type { PageContext } from "./page-context.ts";

export interface PayForm {
  accountId: number;
  account: AccountSummary | undefined;
  dueKop: number;
  planned: { period: string; totalKop: number } | null;
  choice?: string | undefined;
  amount?: string | undefined;
  idempotencyKey: string;
  errors: FieldError[];
}

export function payBody(ctx: PageContext, f: PayForm): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof PAY) => format(PAY[key], locale);
  const uah = (k: number) => formatUah(kop(k), locale);
  const choices: Choice[] = [];
  if (f.dueKop > 0) choices.push({ value: "due", label: format(PAY.due, locale, { amount: uah(f.dueKop) }) });
  if (f.planned && f.planned.totalKop > 0)
    choices.push({
      value: "planned",
      label: format(PAY.planned, locale, {
        month: monthName(f.planned.period as Period, locale),
        amount: uah(f.planned.totalKop),
      }),
    });
  choices.push({ value: "other", label: t("other") });
  const chosen = f.choice ?? choices[0]!.value;
  return html`${errorSummary(locale, f.errors)}
<h1>${t("title")}</h1>
${accountHeading(f.account, locale)}
<p>${t("intro")}</p>
${f.dueKop <= 0 ? banner(t("nothingDue")) : ""}
${postForm(
  ctx,
  `/pay/${f.accountId}`,
  html`<input type="hidden" name="idempotencyKey" value="${f.idempotencyKey}">
${radios({
  id: "choice",
  legend: t("howMuch"),
  ...(f.planned && f.planned.totalKop > 0 ? { hint: t("plannedHint") } : {}),
  choices,
  value: chosen,
  error: errorFor(f.errors, "choice"),
})}
${textField({
  id: "amount",
  label: t("amount"),
  hint: t("amountHint"),
  value: f.amount,
  inputmode: "decimal",
  short: true,
  error: errorFor(f.errors, "amount"),
})}
${button(t("submit"))}`,
)}`;
}

/** The one step between the cabinet and the gateway: a form with the gateway's fields and no CSRF token (it
 * goes to the gateway, not to us). */
export function continueBody(
  locale: Locale,
  o: { amountKop: number; number: string; checkout: Checkout },
): Html {
  const t = (key: keyof typeof PAY) => format(PAY[key], locale);
  return html`<h1>${t("continueTitle")}</h1>
<p>${format(PAY.continueIntro, locale, { amount: formatUah(kop(o.amountKop), locale), number: o.number })}</p>
<form method="post" action="${o.checkout.url}" class="checkout">${Object.entries(o.checkout.fields).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  )}
<button type="submit">${t("continue")}</button>
</form>`;
}

/** `moneyPath`: where the signed-in payer sees the payment (their account's page), null for a visitor. */
export function paymentResultBody(locale: Locale, result: PaymentResult, moneyPath: string | null): Html {
  const t = (key: keyof typeof PAY) => format(PAY[key], locale);
  const final = result.status === "success" || result.status === "failure" || result.status === "reversed";
  const kind = result.status === "success" ? "success" : result.status === "failure" ? "warning" : "info";
  const self = `/payments/${result.orderId}`;
  return html`<h1>${t("resultTitle")}</h1>
${banner(html`<p data-status="${result.status}">${format(PAY.status, locale, { status: result.status })}</p>`, kind)}
${summaryList([
  [format(PAY.paidTo, locale), result.provider[locale]],
  [t("resultAmount"), html`<span class="amount">${formatUah(kop(result.amountKop), locale)}</span>`],
])}
${final ? "" : html`<p><a class="button" href="${self}">${t("refresh")}</a></p>`}
${result.status === "failure" && moneyPath ? html`<p><a href="/pay">${t("tryAgain")}</a></p>` : ""}
<p>${
    moneyPath
      ? html`<a href="${moneyPath}#history">${t("seeHistory")}</a>`
      : html`<a href="/?next=${encodeURIComponent("/money")}">${t("signInToSee")}</a>`
  }</p>`;
}
