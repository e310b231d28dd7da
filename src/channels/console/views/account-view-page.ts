// The operator's account page: the card, the meters and each meter's readings, charges and payments month by
// month with the documents, the people linked to the account (and a form to link the caller), what came by which
// door, and the notes (with a form). Each section has its heading and its tables a caption, so a screen reader
// can jump through them; the forms answer in place (the error beside the field, the caller to confirm).
import { kyivPartsOf } from "../../../domain/kyiv-time.ts";
import { formatUah, kop } from "../../../domain/money.ts";
import { formatDate, zoneName } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { decimalText } from "../../../services/documents/render/format.ts";
import type { MeterView } from "../../../services/readings/list-account-meters.ts";
import type { ReadingView } from "../../../services/readings/list-meter-readings.ts";
import type { OutputOf } from "../../../services/registry.ts";
import { type Html, html } from "../../web/html.ts";
import { serviceName, windowText } from "../../web/views/account-facts.ts";
import {
  banner,
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
  summaryList,
  textField,
} from "../../web/views/components.ts";
import {
  balanceState,
  describeEntry,
  monthTitle,
  type StatementForm,
  statementFields,
} from "../../web/views/money-page.ts";
import { ACCOUNT_VIEW } from "../messages/account-view.ts";
import type { ConsoleContext } from "./console-context.ts";

export type AccountDetails = OutputOf<"accountDetails">;

export interface AccountViewData {
  account: AccountDetails;
  balanceKop: number;
  lastBill: OutputOf<"lastBill"> | null;
  meters: MeterView[];
  readings: Map<number, ReadingView[]>;
  entries: OutputOf<"accountEntries">;
  consumption: OutputOf<"accountConsumption">;
  people: OutputOf<"listAccountPeople">;
  history: OutputOf<"accountChannelHistory">;
  notes: OutputOf<"listAccountNotes">;
  statement: StatementForm;
}

/** How the page's forms were last answered, to draw them again in place. */
export interface AccountViewState {
  notice?: string | null;
  note?: { value: string; errors: FieldError[] };
  link?: { login: string; errors: FieldError[]; found?: OutputOf<"findCaller"> };
}

export const NOTE_FIELD = "note-body";
export const LINK_FIELD = "caller-login";

const t = (key: keyof typeof ACCOUNT_VIEW, locale: Locale) => format(ACCOUNT_VIEW[key], locale);

/** "25 листопада 2026, 14:05" in Kyiv time. */
export function kyivDateTimeText(iso: string, locale: Locale): string {
  const p = kyivPartsOf(new Date(iso));
  const hhmm = `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  return `${formatDate(p.date, locale)}, ${hhmm}`;
}

export function accountAddress(a: AccountDetails, locale: Locale): string {
  const x = a.address;
  return [
    x.postalCode,
    x.settlement[locale],
    x.street,
    x.building,
    x.apartment ? `${t("apartment", locale)} ${x.apartment}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

export const channelText = (channel: string, locale: Locale) =>
  format(ACCOUNT_VIEW.channel, locale, { channel });

const statusText = (r: { status: string; reviewReason: string | null }, locale: Locale) =>
  `${format(ACCOUNT_VIEW.status, locale, { status: r.status })}${
    r.reviewReason ? `. ${format(ACCOUNT_VIEW.reason, locale, { reason: r.reviewReason })}` : ""
  }`;

export const meterName = (m: { service: string; serial: string }, locale: Locale) =>
  format(ACCOUNT_VIEW.meterName, locale, { service: serviceName(m.service, locale), serial: m.serial });

/** A table that may be wider than the screen scrolls in its own box, which the keyboard can reach. */
function tableWrap(caption: string, table: Html): Html {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${caption}">${table}</div>`;
}

export function lastReadingsText(m: MeterView, locale: Locale): string {
  if (m.lastReadings.length === 0) return t("noReading", locale);
  return m.lastReadings
    .slice()
    .sort((a, b) => a.zone - b.zone)
    .map((r) => {
      const value = decimalText(r.value, locale);
      const zone = m.zones > 1 ? `${zoneName(m.zones, r.zone, locale)}: ` : "";
      return `${zone}${value} (${formatDate(r.deemedOn, locale)}, ${format(ACCOUNT_VIEW.status, locale, { status: r.status })})`;
    })
    .join("; ");
}

function cardSection(d: AccountViewData, locale: Locale): Html {
  const a = d.account;
  const services = a.services.map((s) => serviceName(s, locale)).join(", ") || t("noServices", locale);
  const bill = d.lastBill
    ? format(ACCOUNT_VIEW.lastBillValue, locale, {
        month: monthTitle(d.lastBill.period, locale),
        amount: formatUah(kop(d.lastBill.amountDue.kop), locale),
      })
    : t("noBillYet", locale);
  return html`<section aria-labelledby="card">
<h2 id="card">${t("cardTitle", locale)}</h2>
${summaryList([
  [t("number", locale), a.number],
  [t("holder", locale), a.holderName],
  [t("address", locale), accountAddress(a, locale)],
  [t("provider", locale), a.provider.name[locale]],
  [t("opened", locale), formatDate(a.openedOn, locale)],
  [t("closed", locale), a.closedOn ? formatDate(a.closedOn, locale) : t("stillOpen", locale)],
  [t("services", locale), services],
  [t("balance", locale), balanceState(d.balanceKop, locale)],
  [t("lastBill", locale), bill],
])}
</section>`;
}

function metersSection(d: AccountViewData, locale: Locale): Html {
  const caption = t("metersCaption", locale);
  const table =
    d.meters.length === 0
      ? html`<p>${t("noMeters", locale)}</p>`
      : tableWrap(
          caption,
          html`<table><caption>${caption}</caption>
<thead><tr><th scope="col">${t("colMeter", locale)}</th><th scope="col">${t("colLastReading", locale)}</th><th scope="col">${t("colWindow", locale)}</th></tr></thead>
<tbody>${d.meters.map(
            (m) =>
              html`<tr><th scope="row">${meterName(m, locale)}</th><td>${lastReadingsText(m, locale)}</td><td>${windowText(m.window, locale)}</td></tr>`,
          )}</tbody></table>`,
        );
  return html`<section aria-labelledby="meters">
<h2 id="meters">${t("metersTitle", locale)}</h2>
${table}
${d.meters.length > 0 ? html`<p><a class="button" href="/console/accounts/${d.account.id}/readings">${t("enterReading", locale)}</a></p>` : ""}
</section>`;
}

function readingsTable(m: MeterView, readings: readonly ReadingView[], locale: Locale): Html {
  const caption = format(ACCOUNT_VIEW.historyCaption, locale, { meter: meterName(m, locale) });
  if (readings.length === 0) return html`<h3>${meterName(m, locale)}</h3><p>${t("noReadings", locale)}</p>`;
  return html`<h3>${meterName(m, locale)}</h3>${tableWrap(
    caption,
    html`<table><caption>${caption}</caption>
<thead><tr><th scope="col">${t("colSubmitted", locale)}</th><th scope="col">${t("colDeemed", locale)}</th>${
      m.zones > 1 ? html`<th scope="col">${t("colZone", locale)}</th>` : ""
    }<th scope="col" class="num">${t("colValue", locale)}</th><th scope="col">${t("colChannel", locale)}</th><th scope="col">${t("colStatus", locale)}</th><th scope="col">${t("colReceipt", locale)}</th></tr></thead>
<tbody>${readings.map(
      (r) =>
        html`<tr class="status-${r.status}"><th scope="row">${kyivDateTimeText(r.submittedAt, locale)}</th><td>${formatDate(r.deemedOn, locale)}</td>${
          m.zones > 1 ? html`<td>${zoneName(m.zones, r.zone, locale)}</td>` : ""
        }<td class="num">${decimalText(r.value, locale)}</td><td>${channelText(r.channel, locale)}</td><td>${statusText(r, locale)}</td><td>${r.receipt}</td></tr>`,
    )}</tbody></table>`,
  )}`;
}

function readingsSection(d: AccountViewData, locale: Locale): Html {
  if (d.meters.length === 0) return html``;
  return html`<section aria-labelledby="readings-history">
<h2 id="readings-history">${t("historyTitle", locale)}</h2>
${d.meters.map((m) => readingsTable(m, d.readings.get(m.id) ?? [], locale))}
</section>`;
}

function moneySection(d: AccountViewData, locale: Locale): Html {
  const { entries, consumption } = d;
  const caption = format(ACCOUNT_VIEW.moneyCaption, locale, {
    from: monthTitle(entries.from, locale),
    to: monthTitle(entries.to, locale),
  });
  const rows = entries.entries
    .slice()
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id))
    .map((e) => {
      const { what, why } = describeEntry(e, consumption, locale);
      return html`<tr class="kind-${e.kind}"><td>${monthTitle(e.period, locale)}</td><th scope="row">${what}${
        why ? html`<p class="entry-why">${why}</p>` : ""
      }</th><td>${formatDate(e.date, locale)}</td><td class="num">${formatUah(kop(e.amount.kop), locale)}</td></tr>`;
    });
  const table =
    rows.length === 0
      ? html`<p>${t("noEntries", locale)}</p>`
      : tableWrap(
          caption,
          html`<table><caption>${caption}</caption>
<thead><tr><th scope="col">${t("colMonth", locale)}</th><th scope="col">${t("colWhat", locale)}</th><th scope="col">${t("colDate", locale)}</th><th scope="col" class="num">${t("colAmount", locale)}</th></tr></thead>
<tbody>${rows}</tbody></table>`,
        );
  return html`<section aria-labelledby="money">
<h2 id="money">${t("moneyTitle", locale)}</h2>
${table}
</section>`;
}

/** The months a bill was made for: those with a charge from a billing run. */
export function billedMonths(entries: OutputOf<"accountEntries">): string[] {
  const months = new Set(
    entries.entries.filter((e) => e.source === "billing").map((e) => e.period.slice(0, 7)),
  );
  return [...months].sort().reverse();
}

function documentsSection(d: AccountViewData, locale: Locale): Html {
  const base = `/console/accounts/${d.account.id}`;
  const billed = billedMonths(d.entries);
  return html`<section aria-labelledby="documents">
<h2 id="documents">${t("documentsTitle", locale)}</h2>
<h3>${t("billsTitle", locale)}</h3>
${
  billed.length === 0
    ? html`<p>${t("noBills", locale)}</p>`
    : html`<ul class="bills">${billed.map(
        (p) =>
          html`<li><a href="${base}/bills/${p}.pdf" download>${format(ACCOUNT_VIEW.billLink, locale, { month: monthTitle(p, locale) })}</a></li>`,
      )}</ul>`
}
<h3 id="statement">${t("statementTitle", locale)}</h3>
<form method="get" action="${base}/statement" novalidate>${statementFields(locale, d.statement)}</form>
</section>`;
}

function peopleSection(ctx: ConsoleContext, d: AccountViewData, state: AccountViewState): Html {
  const { locale } = ctx;
  const caption = t("peopleCaption", locale);
  const table =
    d.people.length === 0
      ? html`<p>${t("noPeople", locale)}</p>`
      : tableWrap(
          caption,
          html`<table><caption>${caption}</caption>
<thead><tr><th scope="col">${t("colName", locale)}</th><th scope="col">${t("colContacts", locale)}</th><th scope="col">${t("colLinkedAt", locale)}</th></tr></thead>
<tbody>${d.people.map(
            (p) =>
              html`<tr><th scope="row">${p.fullName}</th><td>${
                p.identities.length === 0
                  ? t("noContacts", locale)
                  : html`<ul class="plain">${p.identities.map(
                      (i) =>
                        html`<li>${format(ACCOUNT_VIEW.identity, locale, { kind: i.kind, value: i.masked })}</li>`,
                    )}</ul>`
              }</td><td>${kyivDateTimeText(p.linkedAt, locale)}</td></tr>`,
          )}</tbody></table>`,
        );
  return html`<section aria-labelledby="people">
<h2 id="people">${t("peopleTitle", locale)}</h2>
${table}
${linkForm(ctx, d.account.id, state)}
</section>`;
}

function linkForm(ctx: ConsoleContext, accountId: number, state: AccountViewState): Html {
  const { locale } = ctx;
  const link = state.link;
  const action = `/console/accounts/${accountId}/link`;
  const found = link?.found;
  const confirm = found
    ? found.alreadyLinked
      ? banner(format(ACCOUNT_VIEW.linkAlready, locale, { name: found.fullName }), "info")
      : html`<div class="banner warning" role="alert"><p>${format(ACCOUNT_VIEW.linkConfirm, locale, { name: found.fullName })}</p>
${postForm(
  ctx,
  action,
  html`<input type="hidden" name="login" value="${link.login}"><input type="hidden" name="userId" value="${found.userId}">${button(
    format(ACCOUNT_VIEW.linkConfirmButton, locale, { name: found.fullName }),
  )}`,
)}</div>`
    : "";
  return html`<h3 id="link">${t("linkTitle", locale)}</h3>
<p>${t("linkIntro", locale)}</p>
${confirm}
${postForm(
  ctx,
  action,
  html`${textField({
    id: LINK_FIELD,
    name: "login",
    label: t("linkLogin", locale),
    value: link?.login,
    error: link ? errorFor(link.errors, LINK_FIELD) : undefined,
    autocomplete: "off",
    spellcheck: false,
  })}${button(t("linkFind", locale), { kind: "secondary" })}`,
)}`;
}

function eventText(e: AccountViewData["history"][number], locale: Locale): string {
  if (e.reading) {
    const r = e.reading;
    const values = r.values
      .map(
        (v) =>
          `${r.zones > 1 ? `${zoneName(r.zones, v.zone, locale)}: ` : ""}${decimalText(v.value, locale)}`,
      )
      .join("; ");
    return format(ACCOUNT_VIEW.eventReading, locale, {
      meter: r.serial,
      values,
      status: statusText(r, locale),
    });
  }
  if (e.payment)
    return format(ACCOUNT_VIEW.eventPayment, locale, {
      amount: formatUah(kop(e.payment.amountKop), locale),
      source: e.payment.source,
    });
  const action = e.event!;
  // ICU select keys take no dots: "account.link" is asked for as "account_link"; an unknown action as written.
  const what = format(ACCOUNT_VIEW.eventAction, locale, { action: action.action.replace(/\W/g, "_") });
  return action.byStaff && action.actorName
    ? `${what}. ${format(ACCOUNT_VIEW.byWhom, locale, { name: action.actorName })}`
    : what;
}

function channelsSection(d: AccountViewData, locale: Locale): Html {
  const caption = t("channelsCaption", locale);
  const table =
    d.history.length === 0
      ? html`<p>${t("noChannelEvents", locale)}</p>`
      : tableWrap(
          caption,
          html`<table><caption>${caption}</caption>
<thead><tr><th scope="col">${t("colWhen", locale)}</th><th scope="col">${t("colChannel", locale)}</th><th scope="col">${t("colWhat", locale)}</th></tr></thead>
<tbody>${d.history.map(
            (e) =>
              html`<tr class="event-${e.kind}"><th scope="row">${kyivDateTimeText(e.at, locale)}</th><td>${channelText(e.channel, locale)}</td><td>${eventText(e, locale)}</td></tr>`,
          )}</tbody></table>`,
        );
  return html`<section aria-labelledby="channels">
<h2 id="channels">${t("channelsTitle", locale)}</h2>
${table}
</section>`;
}

function notesSection(ctx: ConsoleContext, d: AccountViewData, state: AccountViewState): Html {
  const { locale } = ctx;
  const note = state.note;
  const error = note ? errorFor(note.errors, NOTE_FIELD) : undefined;
  const describedBy = [`${NOTE_FIELD}-hint`, error ? `${NOTE_FIELD}-error` : ""].filter(Boolean).join(" ");
  return html`<section aria-labelledby="notes">
<h2 id="notes">${t("notesTitle", locale)}</h2>
<p>${t("notesIntro", locale)}</p>
${
  d.notes.length === 0
    ? html`<p>${t("noNotes", locale)}</p>`
    : html`<ol class="notes">${d.notes.map(
        (n) =>
          html`<li><p class="note-body">${n.body}</p><p class="muted">${format(ACCOUNT_VIEW.noteBy, locale, {
            name: n.author.fullName,
            when: kyivDateTimeText(n.createdAt, locale),
          })}</p></li>`,
      )}</ol>`
}
${postForm(
  ctx,
  `/console/accounts/${d.account.id}/notes`,
  html`<div class="form-group${error ? " has-error" : ""}">
<label for="${NOTE_FIELD}">${t("noteField", locale)}</label>
<p class="hint" id="${NOTE_FIELD}-hint">${format(ACCOUNT_VIEW.noteHint, locale, { max: 2000 })}</p>
${error ? html`<p class="error-message" id="${NOTE_FIELD}-error">${error}</p>` : ""}
<textarea id="${NOTE_FIELD}" name="body" rows="4" aria-describedby="${describedBy}"${error ? html` aria-invalid="true"` : ""}>${note?.value ?? ""}</textarea>
</div>${button(t("noteSubmit", locale))}`,
)}
</section>`;
}

export function accountViewBody(ctx: ConsoleContext, d: AccountViewData, state: AccountViewState = {}): Html {
  const { locale } = ctx;
  const errors = [...(state.note?.errors ?? []), ...(state.link?.errors ?? []), ...d.statement.errors];
  const contents: [string, keyof typeof ACCOUNT_VIEW][] = [
    ["card", "cardTitle"],
    ["meters", "metersTitle"],
    ...(d.meters.length > 0
      ? ([["readings-history", "historyTitle"]] as [string, keyof typeof ACCOUNT_VIEW][])
      : []),
    ["money", "moneyTitle"],
    ["documents", "documentsTitle"],
    ["people", "peopleTitle"],
    ["channels", "channelsTitle"],
    ["notes", "notesTitle"],
  ];
  return html`${errorSummary(locale, errors)}
${state.notice ? banner(state.notice, "success") : ""}
<p><a href="/console">${t("backToSearch", locale)}</a></p>
<h1>${format(ACCOUNT_VIEW.title, locale, { number: d.account.number })}</h1>
<p class="lead">${d.account.holderName}, ${accountAddress(d.account, locale)}</p>
<nav aria-labelledby="contents-title" class="contents"><h2 id="contents-title">${t("contents", locale)}</h2>
<ul>${contents.map(([id, key]) => html`<li><a href="#${id}">${t(key, locale)}</a></li>`)}</ul></nav>
${cardSection(d, locale)}
${metersSection(d, locale)}
${readingsSection(d, locale)}
${moneySection(d, locale)}
${documentsSection(d, locale)}
${peopleSection(ctx, d, state)}
${channelsSection(d, locale)}
${notesSection(ctx, d, state)}`;
}
