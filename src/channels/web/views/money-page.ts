// "Charges and payments" of one account: the balance now, each month's lines with estimated and recalculated ones
// explained in words, the consumption chart with its table, the bills and the reconciliation statement's form.
import { formatUah, kop } from "../../../domain/money.ts";
import type { Period } from "../../../domain/period.ts";
import { quantityFromNumeric } from "../../../domain/quantity.ts";
import { formatDate } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { AccountSummary } from "../../../services/accounts/list-my-accounts.ts";
import { monthName, quantity, shortDate, shortPeriod } from "../../../services/documents/render/format.ts";
import type { OutputOf } from "../../../services/registry.ts";
import { type Html, html } from "../html.ts";
import { MONEY } from "../messages/money.ts";
import { addressOf } from "./account-facts.ts";
import { errorFor, errorSummary, type FieldError, radios, textField } from "./components.ts";
import { consumptionChart } from "./consumption-chart.ts";
import type { PageContext } from "./page-context.ts";

type History = OutputOf<"accountHistory">;
type Entries = OutputOf<"accountEntries">;
type Consumption = OutputOf<"accountConsumption">;
type Entry = Entries["entries"][number];
type UsageLine = Consumption["months"][number]["services"][number];

export interface MoneyPageData {
  accountId: number;
  account: AccountSummary | undefined;
  balanceKop: number;
  history: History;
  entries: Entries;
  consumption: Consumption;
  /** The page of months shown: `before` of the newer page, if this is not the newest. */
  before: string | undefined;
  statement: StatementForm;
}

export interface StatementForm {
  from: string;
  to: string;
  format: string;
  errors: FieldError[];
}

const cap = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
const m = (k: number, locale: Locale) => formatUah(kop(k), locale);
export const monthTitle = (period: string, locale: Locale) => cap(monthName(period as Period, locale));
export const serviceText = (code: string | null, locale: Locale) =>
  code === null ? format(MONEY.wholeAccount, locale) : format(MONEY.service, locale, { service: code });
const unitText = (unit: string, locale: Locale) => format(MONEY.unit, locale, { unit });
const qty = (decimal: string, locale: Locale) => quantity(quantityFromNumeric(decimal), locale);

/** "До сплати: 342,00 грн", "Переплата: 62,00 грн", "Боргу немає": the sign said in words. */
export function balanceState(balanceKop: number, locale: Locale): string {
  if (balanceKop > 0) return format(MONEY.owed, locale, { amount: m(balanceKop, locale) });
  if (balanceKop < 0) return format(MONEY.ahead, locale, { amount: m(-balanceKop, locale) });
  return format(MONEY.settled, locale);
}

export function accountHeading(account: AccountSummary | undefined, locale: Locale): Html {
  if (!account) return html``;
  return html`<p class="lead">${account.provider.name[locale]}<br>${format(MONEY.accountLine, locale, {
    number: account.number,
  })}<br>${addressOf(account, locale)}</p>`;
}

function usageOf(consumption: Consumption, period: string, service: string | null): UsageLine | undefined {
  return consumption.months.find((x) => x.period === period)?.services.find((s) => s.service === service);
}

/** What a ledger line is, and for estimated and recalculated ones why, in plain words. */
export function describeEntry(
  entry: Entry,
  consumption: Consumption,
  locale: Locale,
): { what: string; why: string | null } {
  const service = serviceText(entry.service, locale);
  switch (entry.kind) {
    case "charge":
      return { what: format(MONEY.kindCharge, locale, { service }), why: null };
    case "estimated_charge": {
      const basis = usageOf(consumption, entry.period, entry.service)?.basis;
      const why = basis === "norm" || basis === "none" ? MONEY.explainNorm : MONEY.explainAverage;
      return { what: format(MONEY.kindEstimated, locale, { service }), why: format(why, locale) };
    }
    case "recalculation": {
      const usage = usageOf(consumption, entry.period, entry.service);
      const unit = unitText(usage?.unit ?? "", locale);
      const months = entry.recalculated
        .map((r) =>
          format(MONEY.recalculatedMonth, locale, {
            month: monthName(r.period as Period, locale),
            estimated: qty(r.estimated, locale),
            actual: qty(r.actual, locale),
            unit,
          }),
        )
        .join("; ");
      const date = usage?.readingDate ? formatDate(usage.readingDate, locale) : "none";
      return {
        what: format(MONEY.kindRecalculation, locale, { service }),
        why: format(MONEY.explainRecalculation, locale, { date, months }),
      };
    }
    case "payment":
      return { what: format(MONEY.kindPayment, locale, { source: entry.source }), why: null };
    case "opening_balance":
      return { what: format(MONEY.kindOpening, locale), why: null };
    default:
      return {
        what: format(MONEY.kindAdjustment, locale, { service: entry.service === null ? "none" : service }),
        why: format(MONEY.explainAdjustment, locale),
      };
  }
}

function monthTable(
  month: History["months"][number],
  entries: Entry[],
  consumption: Consumption,
  locale: Locale,
): Html {
  const t = (key: keyof typeof MONEY) => format(MONEY[key], locale);
  const rows = entries.map((e) => {
    const { what, why } = describeEntry(e, consumption, locale);
    return html`<tr class="kind-${e.kind}"><th scope="row">${what} <span class="entry-date">${shortDate(e.date)}</span>${
      why ? html`<p class="entry-why">${why}</p>` : ""
    }</th><td class="num">${m(e.amount.kop, locale)}</td></tr>`;
  });
  const caption = format(MONEY.monthCaption, locale, { month: monthTitle(month.period, locale) });
  // A table wider than a small phone scrolls sideways: its box takes the keyboard's focus so it can be scrolled.
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${caption}"><table class="month-lines">
<caption>${caption}</caption>
<thead><tr><th scope="col">${t("colWhat")}</th><th scope="col" class="num">${t("colAmount")}</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><td colspan="2">${format(MONEY.monthTotals, locale, {
    charged: m(month.chargesTotal.kop, locale),
    paid: m(month.payments.kop, locale),
  })}. <strong>${format(MONEY.monthEnd, locale, { state: balanceState(month.balance.kop, locale) })}</strong></td></tr></tfoot>
</table></div>`;
}

/** Per service: a chart of the months and a table with the same figures. */
export function consumptionSection(consumption: Consumption, locale: Locale): Html {
  const t = (key: keyof typeof MONEY) => format(MONEY[key], locale);
  const services = [...new Set(consumption.months.flatMap((x) => x.services.map((s) => s.service)))];
  if (services.length === 0) return html`<p>${t("noConsumption")}</p>`;
  return html`<p>${t("chartIntro")}</p>${services.map((service) => {
    const lines = consumption.months.flatMap((x) => {
      const s = x.services.find((y) => y.service === service);
      return s ? [{ period: x.period, ...s }] : [];
    });
    const unit = unitText(lines[0]!.unit, locale);
    const name = cap(serviceText(service, locale));
    const estimated = (b: string) => b === "average" || b === "norm" || b === "none";
    const chart = consumptionChart({
      id: `chart-${service}`,
      title: format(MONEY.chartLabel, locale, { service: name, unit }),
      desc: t("chartDesc"),
      legendActual: t("legendActual"),
      legendEstimated: t("legendEstimated"),
      bars: lines.map((l) => ({
        label: shortPeriod(l.period as Period),
        value: Number(quantityFromNumeric(l.quantity)),
        valueText: qty(l.quantity, locale),
        estimated: estimated(l.basis),
      })),
    });
    return html`<div class="chart" id="usage-${service}"><h3>${name}</h3>${chart}
<div class="table-wrap" tabindex="0" role="region" aria-label="${format(MONEY.tableCaption, locale, { service: name })}"><table class="usage">
<caption>${format(MONEY.tableCaption, locale, { service: name })}</caption>
<thead><tr><th scope="col">${t("colMonth")}</th><th scope="col" class="num">${format(MONEY.colQuantity, locale, { unit })}</th><th scope="col">${t("colBasis")}</th></tr></thead>
<tbody>${lines.map(
      (l) =>
        html`<tr><th scope="row">${monthTitle(l.period, locale)}</th><td class="num">${estimated(l.basis) ? "≈" : ""}${qty(l.quantity, locale)}</td><td>${format(
          MONEY.basis,
          locale,
          { basis: l.basis },
        )}</td></tr>`,
    )}</tbody>
</table></div></div>`;
  })}`;
}

export function statementFields(locale: Locale, form: StatementForm): Html {
  const t = (key: keyof typeof MONEY) => format(MONEY[key], locale);
  return html`${textField({
    id: "from",
    label: t("statementFrom"),
    hint: t("dateHint"),
    type: "date",
    value: form.from,
    error: errorFor(form.errors, "from"),
  })}
${textField({
  id: "to",
  label: t("statementTo"),
  hint: t("dateHint"),
  type: "date",
  value: form.to,
  error: errorFor(form.errors, "to"),
})}
${radios({
  id: "format",
  legend: t("statementFormat"),
  value: form.format,
  choices: [
    { value: "pdf", label: t("formatPdf") },
    { value: "csv", label: t("formatCsv") },
  ],
})}
<button type="submit">${t("statementSubmit")}</button>`;
}

/** The statement's form: a GET form, since a download changes nothing. */
export function statementForm(accountId: number, locale: Locale, form: StatementForm): Html {
  return html`<form method="get" action="/money/${accountId}/statement" novalidate>${statementFields(locale, form)}</form>`;
}

export function moneyBody(ctx: PageContext, d: MoneyPageData): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof MONEY) => format(MONEY[key], locale);
  const byMonth = new Map<string, Entry[]>();
  for (const e of d.entries.entries) {
    const key = e.date.slice(0, 7);
    byMonth.set(key, [...(byMonth.get(key) ?? []), e]);
  }
  const billed = d.history.months
    .map((x) => x.period)
    .filter((p) => (byMonth.get(p) ?? []).some((e) => e.source === "billing"));
  const base = `/money/${d.accountId}`;
  return html`<h1>${t("title")}</h1>
${accountHeading(d.account, locale)}
<div class="card balance-now"><h2>${t("balanceNow")}</h2>
<p class="amount${d.balanceKop > 0 ? " debt" : ""}">${balanceState(d.balanceKop, locale)}</p>
<p><a class="button" href="/pay/${d.accountId}">${t("payNow")}</a></p></div>
<h2 id="history">${t("historyTitle")}</h2>
${
  d.history.months.length === 0
    ? html`<p>${t("noHistory")}</p>`
    : d.history.months.map((month) =>
        monthTable(month, byMonth.get(month.period) ?? [], d.consumption, locale),
      )
}
<nav class="pager" aria-label="${t("historyTitle")}">${
    d.history.nextBefore
      ? html`<a href="${base}?before=${d.history.nextBefore}#history">${t("olderMonths")}</a> `
      : ""
  }${d.before ? html`<a href="${base}#history">${t("newerMonths")}</a>` : ""}</nav>
<h2 id="usage">${t("chartTitle")}</h2>
${consumptionSection(d.consumption, locale)}
<h2 id="documents">${t("documentsTitle")}</h2>
<h3>${t("billsTitle")}</h3>
${
  billed.length === 0
    ? html`<p>${t("noBills")}</p>`
    : html`<ul class="bills">${billed.map(
        (p) =>
          html`<li><a href="${base}/bills/${p}.pdf" download>${format(MONEY.billLink, locale, {
            month: monthName(p as Period, locale),
          })}</a></li>`,
      )}</ul>`
}
<h3 id="statement">${t("statementTitle")}</h3>
<p>${t("statementIntro")}</p>
${statementForm(d.accountId, locale, d.statement)}`;
}

/** The statement's own page: the form again, with what was wrong beside its field. */
export function statementBody(
  ctx: PageContext,
  accountId: number,
  account: AccountSummary | undefined,
  form: StatementForm,
): Html {
  const t = (key: keyof typeof MONEY) => format(MONEY[key], ctx.locale);
  return html`${errorSummary(ctx.locale, form.errors)}
<h1>${t("statementTitle")}</h1>
${accountHeading(account, ctx.locale)}
<p>${t("statementIntro")}</p>
${statementForm(accountId, ctx.locale, form)}
<p><a href="/money/${accountId}">${t("title")}</a></p>`;
}

/** /money with several accounts: which one. */
export function moneyAccountsBody(
  ctx: PageContext,
  accounts: readonly AccountSummary[],
  target: "money" | "pay",
  title: string,
): Html {
  const t = (key: keyof typeof MONEY) => format(MONEY[key], ctx.locale);
  if (accounts.length === 0)
    return html`<h1>${title}</h1><p>${t("noAccounts")}</p><p><a class="button" href="/accounts/link">${t("linkAccount")}</a></p>`;
  return html`<h1>${title}</h1><h2>${t("chooseAccount")}</h2>
<ul class="account-list">${accounts.map(
    (a) =>
      html`<li><a href="/${target}/${a.id}">${a.provider.name[ctx.locale]}, ${format(
        MONEY.accountLine,
        ctx.locale,
        {
          number: a.number,
        },
      )}</a><br>${addressOf(a, ctx.locale)}</li>`,
  )}</ul>`;
}
