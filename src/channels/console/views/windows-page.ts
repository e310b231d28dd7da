// The administrator's submission windows page: the rules as they stand (in force, scheduled, superseded), a form
// for a new rule (prefilled from the rule of a service and settlement), and beside it the rule's next twelve
// windows. The form is a GET form ("Preview") so nothing is saved until the previewed rule's own "Save" form.
import { formatDate } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { SubmissionWindowList } from "../../../services/windows/list-submission-windows.ts";
import type { OccurrencePreview } from "../../../services/windows/window-preview.ts";
import type { WindowRuleView } from "../../../services/windows/window-rule-view.ts";
import { type Html, html } from "../../web/html.ts";
import { serviceName } from "../../web/views/account-facts.ts";
import {
  banner,
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
  radios,
  select,
  textField,
} from "../../web/views/components.ts";
import { WINDOWS } from "../messages/windows.ts";
import type { ConsoleContext } from "./console-context.ts";

/** The form's fields as typed: service, settlement ("all" or an id), days, rules, source, date. */
export type WindowFormValues = Record<
  | "service"
  | "settlement"
  | "opensDay"
  | "closesDay"
  | "deemedDateRule"
  | "latePolicy"
  | "ruleSource"
  | "effectiveFrom",
  string
>;

export interface WindowsPageData {
  list: SubmissionWindowList;
  values: WindowFormValues;
  errors: FieldError[];
  preview: { from: string; occurrences: OccurrencePreview[] } | null;
  notice: string | null;
  /** "?provider=code" on a platform administrator's links and forms; else "". */
  providerQuery: string;
}

const t = (key: keyof typeof WINDOWS, locale: Locale, params = {}) => format(WINDOWS[key], locale, params);

/** "29", "the last day", "day 3 from the end". */
export function dayText(day: number, locale: Locale): string {
  if (day > 0) return String(day);
  if (day === -1) return t("lastDay", locale);
  return t("dayFromEnd", locale, { n: -day });
}

function daysText(r: { opensDay: number; closesDay: number }, locale: Locale): string {
  const wraps =
    (r.opensDay < 0 && r.closesDay > 0) || (r.opensDay > 0 && r.closesDay > 0 && r.opensDay > r.closesDay);
  const closes = `${dayText(r.closesDay, locale)}${wraps ? t("wraps", locale) : ""}`;
  return t("daysRange", locale, { opens: dayText(r.opensDay, locale), closes });
}

function settlementText(r: WindowRuleView, locale: Locale): string {
  return r.settlement ? r.settlement.name[locale] : t("allSettlements", locale);
}

function rulesTable(ctx: ConsoleContext, d: WindowsPageData): Html {
  const { locale } = ctx;
  if (d.list.rules.length === 0) return html`<p>${t("noRules", locale)}</p>`;
  const sep = d.providerQuery ? "&" : "?";
  const row = (r: WindowRuleView) => {
    const settlement = settlementText(r, locale);
    const href = `/console/windows${d.providerQuery}${sep}service=${r.service}&settlement=${r.settlement?.id ?? "all"}#edit`;
    return html`<tr>
<th scope="row">${serviceName(r.service, locale)}</th>
<td>${settlement}</td>
<td>${daysText(r, locale)}</td>
<td>${t(r.deemedDateRule, locale)}</td>
<td>${t(r.latePolicy, locale)}</td>
<td>${formatDate(r.effectiveFrom, locale)}</td>
<td><span class="standing standing-${r.standing}">${t(r.standing, locale)}</span></td>
<td>${r.ruleSource}</td>
<td>${r.standing === "superseded" ? "" : html`<a href="${href}" aria-label="${t("editLabel", locale, { service: serviceName(r.service, locale), settlement })}">${t("edit", locale)}</a>`}</td>
</tr>`;
  };
  // A wide table may scroll sideways: the scrolling region takes the keyboard's focus (WCAG 2.1.1).
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("rulesCaption", locale)}"><table class="windows">
<caption>${t("rulesCaption", locale)}</caption>
<thead><tr>
<th scope="col">${t("colService", locale)}</th><th scope="col">${t("colSettlement", locale)}</th>
<th scope="col">${t("colDays", locale)}</th><th scope="col">${t("colDeemed", locale)}</th>
<th scope="col">${t("colLate", locale)}</th><th scope="col">${t("colFrom", locale)}</th>
<th scope="col">${t("colStanding", locale)}</th><th scope="col">${t("colSource", locale)}</th>
<th scope="col">${t("colAction", locale)}</th>
</tr></thead>
<tbody>${d.list.rules.map(row)}</tbody>
</table></div>`;
}

function editForm(ctx: ConsoleContext, d: WindowsPageData): Html {
  const { locale } = ctx;
  const v = d.values;
  const err = (field: string) => errorFor(d.errors, field);
  const settlements = new Map<number, string>();
  for (const s of d.list.services) for (const st of s.settlements) settlements.set(st.id, st.name[locale]);
  const provider = d.providerQuery ? new URLSearchParams(d.providerQuery.slice(1)).get("provider") : null;
  return html`<form method="get" action="/console/windows#preview" novalidate>
${provider ? html`<input type="hidden" name="provider" value="${provider}">` : ""}
${select({
  id: "service",
  label: t("service", locale),
  choices: d.list.services.map((s) => ({ value: s.service, label: s.name[locale] })),
  value: v.service,
  error: err("service"),
})}
${select({
  id: "settlement",
  label: t("settlement", locale),
  choices: [
    { value: "all", label: t("allSettlements", locale) },
    ...[...settlements].map(([id, name]) => ({ value: String(id), label: name })),
  ],
  value: v.settlement,
  error: err("settlement"),
})}
${textField({ id: "opensDay", label: t("opensDay", locale), hint: t("dayHint", locale), value: v.opensDay, error: err("opensDay"), short: true })}
${textField({ id: "closesDay", label: t("closesDay", locale), value: v.closesDay, error: err("closesDay"), short: true })}
${radios({
  id: "deemedDateRule",
  legend: t("deemedDateRule", locale),
  choices: [
    { value: "submission_day", label: t("deemedSubmissionDay", locale) },
    { value: "first_of_month", label: t("deemedFirst", locale) },
  ],
  value: v.deemedDateRule,
  error: err("deemedDateRule"),
})}
${radios({
  id: "latePolicy",
  legend: t("latePolicy", locale),
  choices: [
    { value: "refuse", label: t("lateRefuse", locale) },
    { value: "next_period", label: t("lateNext", locale) },
  ],
  value: v.latePolicy,
  error: err("latePolicy"),
})}
${textField({ id: "ruleSource", label: t("ruleSource", locale), value: v.ruleSource, error: err("ruleSource") })}
${textField({
  id: "effectiveFrom",
  label: t("effectiveFrom", locale),
  hint: t("effectiveFromHint", locale),
  value: v.effectiveFrom,
  error: err("effectiveFrom"),
  type: "date",
  short: true,
})}
${button(t("preview", locale), { name: "preview", value: "1" })}
</form>`;
}

function previewPanel(ctx: ConsoleContext, d: WindowsPageData): Html {
  const { locale } = ctx;
  const p = d.preview;
  if (!p) return html``;
  const first = p.occurrences.some((o) => o.deemedOn !== null);
  const hidden = (Object.entries(d.values) as [string, string][]).map(
    ([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`,
  );
  return html`<section id="preview" class="window-preview" aria-labelledby="preview-title">
<h2 id="preview-title">${t("previewTitle", locale, { from: formatDate(p.from, locale) })}</h2>
${d.notice ? "" : html`<p>${t("notSaved", locale)}</p>`}
<div class="table-wrap" tabindex="0" role="region" aria-label="${t("previewCaption", locale)}"><table>
<caption>${t("previewCaption", locale)}</caption>
<thead><tr><th scope="col">${t("colPeriod", locale)}</th><th scope="col">${t("colOpens", locale)}</th><th scope="col">${t("colCloses", locale)}</th>${first ? html`<th scope="col">${t("colDeemedOn", locale)}</th>` : ""}</tr></thead>
<tbody>${p.occurrences.map(
    (o) =>
      html`<tr><th scope="row">${o.period}</th><td>${formatDate(o.opensOn, locale)}</td><td>${formatDate(o.closesOn, locale)}</td>${
        first ? html`<td>${o.deemedOn ? formatDate(o.deemedOn, locale) : ""}</td>` : ""
      }</tr>`,
  )}</tbody>
</table></div>
${d.notice ? "" : postForm(ctx, `/console/windows${d.providerQuery}`, html`${hidden}${button(t("save", locale))}`)}
</section>`;
}

export function windowsBody(ctx: ConsoleContext, d: WindowsPageData): Html {
  const { locale } = ctx;
  return html`<h1>${t("title", locale)}</h1>
<p class="lead">${t("lead", locale)}</p>
${d.notice ? banner(d.notice, "success") : ""}
${errorSummary(locale, d.errors)}
${rulesTable(ctx, d)}
<div class="rule-editor">
<section id="edit" aria-labelledby="edit-title">
<h2 id="edit-title">${t("formTitle", locale)}</h2>
<p>${t("formLead", locale)}</p>
${editForm(ctx, d)}
</section>
${previewPanel(ctx, d)}
</div>`;
}
