// The audit log page: a filter form (GET, so a filtered view is a link to share), the lines newest first in a
// table, and a link to the older page (keyset: ?before=<last id>).
import { format } from "../../../i18n/messages.ts";
import type { OutputOf } from "../../../services/registry.ts";
import { type Html, html } from "../../web/html.ts";
import { errorFor, errorSummary, type FieldError, select, textField } from "../../web/views/components.ts";
import { AUDIT } from "../messages/audit.ts";
import type { ConsoleContext } from "./console-context.ts";
import { kyivDateTimeText } from "./console-format.ts";

export type AuditPageView = OutputOf<"listAuditLog">;

export interface AuditFilter {
  staff?: string;
  action?: string;
  account?: string;
  provider?: string;
}

function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join("; ");
}

function query(filter: AuditFilter, before?: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  if (before !== undefined) params.set("before", String(before));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function auditBody(
  ctx: ConsoleContext,
  page: AuditPageView | null,
  o: {
    filter: AuditFilter;
    staffChoices: { value: string; label: string }[] | null;
    errors: FieldError[];
    paged: boolean;
  },
): Html {
  const t = (key: keyof typeof AUDIT) => format(AUDIT[key], ctx.locale);
  const staffField = o.staffChoices
    ? select({
        id: "staff",
        label: t("staff"),
        choices: [{ value: "", label: t("anyone") }, ...o.staffChoices],
        value: o.filter.staff ?? "",
      })
    : textField({
        id: "staff",
        label: t("staffId"),
        inputmode: "numeric",
        short: true,
        value: o.filter.staff,
        error: errorFor(o.errors, "staff"),
      });
  const form = html`<form method="get" action="/console/audit" class="audit-filter" novalidate>
<fieldset><legend>${t("filters")}</legend>
${o.filter.provider ? html`<input type="hidden" name="provider" value="${o.filter.provider}">` : ""}
${staffField}
${textField({ id: "action", label: t("action"), hint: t("actionHint"), spellcheck: false, value: o.filter.action, error: errorFor(o.errors, "action") })}
${textField({ id: "account", label: t("account"), inputmode: "numeric", short: true, value: o.filter.account, error: errorFor(o.errors, "account") })}
<button type="submit">${t("apply")}</button>
</fieldset></form>`;
  const rows = (page?.lines ?? []).map(
    (l) => html`<tr>
<th scope="row"><time datetime="${new Date(l.at).toISOString()}">${kyivDateTimeText(new Date(l.at))}</time></th>
<td>${l.actor ? html`${l.actor.fullName}${l.actor.email ? html`<br><span class="muted">${l.actor.email}</span>` : ""}` : t("system")}</td>
<td>${l.providerCode ?? ""}</td>
<td><code>${l.action}</code></td>
<td>${l.channel}</td>
<td>${l.accountId ?? ""}</td>
<td class="audit-details">${detailsText(l.details)}</td>
</tr>`,
  );
  const table =
    page && page.lines.length > 0
      ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("caption")}"><table class="audit-log">
<caption>${t("caption")}</caption>
<thead><tr><th scope="col">${t("colWhen")}</th><th scope="col">${t("colWho")}</th><th scope="col">${t("colProvider")}</th><th scope="col">${t("colAction")}</th><th scope="col">${t("colChannel")}</th><th scope="col">${t("colAccount")}</th><th scope="col">${t("colDetails")}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`
      : html`<p>${t("none")}</p>`;
  const nav = html`<p class="actions">${o.paged ? html`<a href="/console/audit${query(o.filter)}">${t("newest")}</a>` : ""}${
    page?.nextBefore
      ? html` <a href="/console/audit${query(o.filter, page.nextBefore)}" rel="next">${t("older")}</a>`
      : ""
  }</p>`;
  return html`${errorSummary(ctx.locale, o.errors)}
<h1>${t("title")}</h1>
<p>${t("intro")}</p>
${form}
${table}
${nav}`;
}
