// The readings pages: the accounts to choose from, and one account's meters, each with its last reading, its
// window, what an estimate would cost, and a field per zone. The service's answer is drawn in place: the reason
// beside the field, or the "please confirm" step with the same figures.
import { formatUah, kop } from "../../../domain/money.ts";
import { formatDate, zoneName } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { AccountSummary } from "../../../services/accounts/list-my-accounts.ts";
import { decimalText } from "../../../services/documents/render/format.ts";
import type { MeterView } from "../../../services/readings/list-account-meters.ts";
import { type Html, html } from "../html.ts";
import { HOME } from "../messages/home.ts";
import { READINGS } from "../messages/readings.ts";
import { addressOf, readingGivenThisWindow, serviceName, windowText } from "./account-facts.ts";
import { banner, errorSummary, summaryList } from "./components.ts";
import type { PageContext } from "./page-context.ts";
import { confirmBlock, type MeterFormState, meterReadingForm, zonesOf } from "./reading-form.ts";
import { rejectionNotice } from "./reading-rejection.ts";

export { type MeterFormState, zoneFieldId } from "./reading-form.ts";

export interface ReadingsPage {
  account: AccountSummary;
  meters: MeterView[];
  /** Per meter, what it would be billed without a reading (only for meters whose window is open). */
  estimates: Map<number, number>;
  state: MeterFormState | null;
  notice: string | null;
}

export function readingsListBody(ctx: PageContext, accounts: readonly AccountSummary[]): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof READINGS) => format(READINGS[key], locale);
  if (accounts.length === 0)
    return html`<h1>${t("title")}</h1>
<p class="lead">${t("noAccounts")}</p>
<p><a class="button" href="/accounts/link">${format(HOME.addAccount, locale)}</a></p>`;
  return html`<h1>${t("title")}</h1>
<p class="lead">${t("chooseAccount")}</p>
<ul class="account-choices">${accounts.map(
    (a) =>
      html`<li><a href="/readings/${a.id}">${format(READINGS.accountLink, locale, { number: a.number })}</a><br>${a.provider.name[locale]}, ${addressOf(a, locale)}</li>`,
  )}</ul>`;
}

function lastReadingText(m: MeterView, locale: Locale): string {
  if (m.lastReadings.length === 0) return format(READINGS.noReading, locale);
  const values = zonesOf(m)
    .map((zone) => {
      const r = m.lastReadings.find((x) => x.zone === zone);
      if (!r) return null;
      const value = decimalText(r.value, locale);
      return m.zones > 1 ? `${zoneName(m.zones, zone, locale)}: ${value}` : value;
    })
    .filter(Boolean)
    .join("; ");
  const newest = m.lastReadings.reduce((a, b) => (a.deemedOn >= b.deemedOn ? a : b));
  const review = m.lastReadings.some((r) => r.status === "pending_review")
    ? format(READINGS.onReview, locale)
    : "";
  return `${format(READINGS.lastReadingValue, locale, { value: values, date: formatDate(newest.deemedOn, locale) })}${review}`;
}

function meterSection(ctx: PageContext, page: ReadingsPage, m: MeterView): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof READINGS) => format(READINGS[key], locale);
  const state = page.state?.meterId === m.id ? page.state : null;
  const headingId = `meter-${m.id}`;
  const open = m.window.open;
  const takesLate = !open && m.window.latePolicy === "next_period";
  const estimate = page.estimates.get(m.id);
  const given = readingGivenThisWindow(m);
  const showEstimate = open && !given && estimate !== undefined && estimate > 0;
  const form =
    open || takesLate
      ? html`${takesLate ? html`<p>${t("lateAccepted")}</p>` : ""}
${meterReadingForm(ctx, `/readings/${page.account.id}`, m, state)}`
      : html`<p>${format(READINGS.closedNoForm, locale, { date: formatDate(m.window.next.opensOn, locale) })}</p>`;
  return html`<section class="card meter" aria-labelledby="${headingId}">
<h2 id="${headingId}">${format(READINGS.meterTitle, locale, { service: serviceName(m.service, locale), serial: m.serial })}</h2>
${summaryList([
  [t("lastReading"), lastReadingText(m, locale)],
  [t("window"), windowText(m.window, locale)],
])}
${rejectionNotice(m, locale)}
${showEstimate ? html`<p class="estimate">${format(READINGS.estimate, locale, { amount: formatUah(kop(estimate), locale) })}</p>` : ""}
${given ? html`<p>${t("alreadySent")}</p>` : ""}
${state?.confirm ? confirmBlock(ctx, `/readings/${page.account.id}`, m, state) : ""}
${form}
</section>`;
}

export function readingsAccountBody(ctx: PageContext, page: ReadingsPage): Html {
  const { locale } = ctx;
  const { account } = page;
  return html`${errorSummary(locale, page.state?.errors ?? [])}
${page.notice ? banner(page.notice, "success") : ""}
<h1>${format(READINGS.accountTitle, locale, { number: account.number })}</h1>
<p class="lead">${account.provider.name[locale]}, ${addressOf(account, locale)}</p>
${page.meters.length === 0 ? html`<p>${format(READINGS.noMeters, locale)}</p>` : page.meters.map((m) => meterSection(ctx, page, m))}`;
}
