// The signed-in resident's home: one card per linked account with its provider, address, money, the reading
// window and the one next thing to do; an invitation to link an account when there is none.
import { formatUah, kop } from "../../../domain/money.ts";
import { parsePeriod } from "../../../domain/period.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { AccountSummary } from "../../../services/accounts/list-my-accounts.ts";
import { monthName } from "../../../services/documents/render/format.ts";
import type { MeterView } from "../../../services/readings/list-account-meters.ts";
import { type Html, html } from "../html.ts";
import { ACCOUNTS } from "../messages/accounts.ts";
import { HOME } from "../messages/home.ts";
import { addressOf, nextAction, readingGivenThisWindow, serviceName, windowText } from "./account-facts.ts";
import { banner, summaryList } from "./components.ts";
import type { PageContext } from "./page-context.ts";

export interface AccountCard {
  account: AccountSummary;
  balanceKop: number;
  lastBill: { period: string; amountDueKop: number } | null;
  meters: MeterView[];
}

const money = (k: number, locale: Locale) => formatUah(kop(k), locale);

function balanceText(k: number, locale: Locale): Html {
  if (k > 0)
    return html`<strong class="debt">${format(HOME.debt, locale, { amount: money(k, locale) })}</strong>`;
  if (k < 0) return html`${format(HOME.overpaid, locale, { amount: money(-k, locale) })}`;
  return html`${format(HOME.settled, locale)}`;
}

function windowsList(meters: readonly MeterView[], locale: Locale): Html {
  if (meters.length === 0) return html`${format(HOME.noMeters, locale)}`;
  // One line per service and window: a two-meter flat need not read the same dates twice.
  const lines = new Map<string, string>();
  for (const m of meters) {
    const given = readingGivenThisWindow(m) ? `. ${format(HOME.readingGiven, locale)}` : "";
    const text = `${serviceName(m.service, locale)}: ${windowText(m.window, locale)}${given}`;
    lines.set(text, text);
  }
  return html`<ul class="plain">${[...lines.values()].map((l) => html`<li>${l}</li>`)}</ul>`;
}

function card(c: AccountCard, locale: Locale): Html {
  const { account } = c;
  const provider = account.provider.name[locale];
  const id = `account-${account.id}`;
  const action = nextAction(c.meters, c.balanceKop);
  const next =
    action.kind === "submit"
      ? html`<a class="button" href="/readings/${account.id}">${format(HOME.actionSubmit, locale, { provider })}</a>`
      : action.kind === "pay"
        ? html`<a class="button" href="/pay/${account.id}">${format(HOME.actionPay, locale, {
            provider,
            amount: money(action.amountKop, locale),
          })}</a>`
        : html`<p>${format(HOME.actionNone, locale)}</p>`;
  const due = c.lastBill
    ? format(HOME.amountDueFor, locale, {
        amount: money(c.lastBill.amountDueKop, locale),
        month: monthName(parsePeriod(c.lastBill.period), locale),
      })
    : format(HOME.noBill, locale);
  return html`<section class="card account-card" aria-labelledby="${id}">
<h2 id="${id}">${provider}</h2>
${summaryList([
  [format(ACCOUNTS.accountNumber, locale), html`<span class="account-number">${account.number}</span>`],
  [format(ACCOUNTS.address, locale), addressOf(account, locale)],
  [format(HOME.balance, locale), balanceText(c.balanceKop, locale)],
  [format(HOME.amountDue, locale), due],
  [format(HOME.readings, locale), windowsList(c.meters, locale)],
])}
<h3>${format(HOME.nextAction, locale)}</h3>
${next}
<p><a href="/money/${account.id}">${format(HOME.moneyLink, locale, { number: account.number })}</a></p>
<p class="card-foot"><a href="/accounts/${account.id}/unlink">${format(ACCOUNTS.unlinkLink, locale, { number: account.number })}</a></p>
</section>`;
}

export function homeBody(ctx: PageContext, cards: readonly AccountCard[], notice: string | null): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof HOME) => format(HOME[key], locale);
  if (cards.length === 0)
    return html`${notice ? banner(notice, "success") : ""}
<h1>${t("noAccountsTitle")}</h1>
<p class="lead">${t("noAccounts")}</p>
<p><a class="button" href="/accounts/link">${t("addAccount")}</a></p>`;
  return html`${notice ? banner(notice, "success") : ""}
<h1>${t("title")}</h1>
${cards.map((c) => card(c, locale))}
<p><a class="button secondary" href="/accounts/link">${t("addAnother")}</a></p>`;
}
