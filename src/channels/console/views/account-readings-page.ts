// Entering a reading for a caller: one section per meter with its last reading, its window and the cabinet's own
// reading form (a field per zone, the idempotency key, the "please confirm" step), posting to the console. The
// service's answer is drawn in place: the receipt above, the refusal beside its field, or the confirmation.
import { formatDate } from "../../../i18n/format.ts";
import { format } from "../../../i18n/messages.ts";
import type { MeterView } from "../../../services/readings/list-account-meters.ts";
import { type Html, html } from "../../web/html.ts";
import { READINGS } from "../../web/messages/readings.ts";
import { windowText } from "../../web/views/account-facts.ts";
import { banner, errorSummary, summaryList } from "../../web/views/components.ts";
import { confirmBlock, type MeterFormState, meterReadingForm } from "../../web/views/reading-form.ts";
import { ACCOUNT_VIEW } from "../messages/account-view.ts";
import { type AccountDetails, lastReadingsText, meterName } from "./account-view-page.ts";
import type { ConsoleContext } from "./console-context.ts";

export interface AccountReadingsPage {
  account: AccountDetails;
  meters: MeterView[];
  state: MeterFormState | null;
  notice: string | null;
}

function meterSection(ctx: ConsoleContext, page: AccountReadingsPage, m: MeterView): Html {
  const { locale } = ctx;
  const action = `/console/accounts/${page.account.id}/readings`;
  const state = page.state?.meterId === m.id ? page.state : null;
  const headingId = `meter-${m.id}`;
  const takesLate = !m.window.open && m.window.latePolicy === "next_period";
  const form =
    m.window.open || takesLate
      ? html`${takesLate ? html`<p>${format(READINGS.lateAccepted, locale)}</p>` : ""}${meterReadingForm(ctx, action, m, state)}`
      : html`<p>${format(READINGS.closedNoForm, locale, { date: formatDate(m.window.next.opensOn, locale) })}</p>`;
  return html`<section class="card meter" aria-labelledby="${headingId}">
<h2 id="${headingId}">${meterName(m, locale)}</h2>
${summaryList([
  [format(ACCOUNT_VIEW.colLastReading, locale), lastReadingsText(m, locale)],
  [format(ACCOUNT_VIEW.colWindow, locale), windowText(m.window, locale)],
])}
${state?.confirm ? confirmBlock(ctx, action, m, state) : ""}
${form}
</section>`;
}

export function accountReadingsBody(ctx: ConsoleContext, page: AccountReadingsPage): Html {
  const { locale } = ctx;
  const { account } = page;
  return html`${errorSummary(locale, page.state?.errors ?? [])}
${page.notice ? banner(page.notice, "success") : ""}
<p><a href="/console/accounts/${account.id}">${format(ACCOUNT_VIEW.backToAccount, locale, { number: account.number })}</a></p>
<h1>${format(ACCOUNT_VIEW.readingsTitle, locale, { number: account.number })}</h1>
<p class="lead">${format(ACCOUNT_VIEW.readingsIntro, locale)}</p>
${page.meters.length === 0 ? html`<p>${format(ACCOUNT_VIEW.noMeters, locale)}</p>` : page.meters.map((m) => meterSection(ctx, page, m))}`;
}
