// A partner's reconciliations page: each upload (newest first) with its counts and sums — matched, other amounts,
// missing with us, missing in their file, both totals — and a table of its lines that did not match. A line their
// file has and we lack, not yet decided, has two forms: Post (a partner payment under its txn id) and Dismiss.
import { formatUah, kop } from "../../../domain/money.ts";
import { formatDate } from "../../../i18n/format.ts";
import { format } from "../../../i18n/messages.ts";
import type { ReconciliationView, ReviewLine } from "../../../services/partners/reconciliation-lines.ts";
import { type Html, html } from "../../web/html.ts";
import { banner, errorSummary, type FieldError, postForm, summaryList } from "../../web/views/components.ts";
import { PARTNER_RECONCILIATIONS } from "../messages/partner-reconciliations.ts";
import type { ConsoleContext } from "./console-context.ts";
import { countText, kyivDateTimeText } from "./console-format.ts";

export interface PartnerReconciliationsData {
  code: string;
  reconciliations: ReconciliationView[];
  notice: string | null;
  errors: FieldError[];
}

type Key = keyof typeof PARTNER_RECONCILIATIONS;

const KIND: Record<ReviewLine["kind"], Key> = {
  missing_ours: "kindMissingOurs",
  missing_theirs: "kindMissingTheirs",
  mismatched: "kindMismatched",
  unreadable: "kindUnreadable",
};

export const linePath = (code: string, reconciliationId: number, lineNo: number) =>
  `/console/partners/${code}/reconciliations/${reconciliationId}/lines/${lineNo}`;

function decision(
  ctx: ConsoleContext,
  data: PartnerReconciliationsData,
  r: ReconciliationView,
  l: ReviewLine,
): Html {
  const t = (k: Key, params = {}) => format(PARTNER_RECONCILIATIONS[k], ctx.locale, params);
  if (l.resolution === "posted") return html`${t("posted")}`;
  if (l.resolution === "dismissed") return html`${t("dismissed")}`;
  if (l.kind !== "missing_ours") return html`<span class="muted">${t("none")}</span>`;
  const which = html`<span class="visually-hidden"> ${l.txnId ?? t("lineLabel", { line: l.lineNo })}</span>`;
  const base = linePath(data.code, r.id, l.lineNo);
  return html`<div class="actions">${postForm(
    ctx,
    `${base}/post`,
    html`<button type="submit">${t("post")}${which}</button>`,
  )}${postForm(ctx, `${base}/dismiss`, html`<button type="submit" class="warning">${t("dismiss")}${which}</button>`)}</div>`;
}

function reconciliation(ctx: ConsoleContext, data: PartnerReconciliationsData, r: ReconciliationView): Html {
  const { locale } = ctx;
  const t = (k: Key, params = {}) => format(PARTNER_RECONCILIATIONS[k], locale, params);
  const uah = (n: number | null) =>
    n === null ? html`<span class="muted">${t("none")}</span>` : formatUah(kop(n), locale);
  const counted = (count: number, kopiykas: number) =>
    t("counted", { count: countText(count, locale), amount: formatUah(kop(kopiykas), locale) });
  const summary = summaryList([
    [t("matched"), counted(r.matched, r.matchedKop)],
    [t("mismatched"), countText(r.mismatched, locale)],
    [t("missingOurs"), counted(r.missingOurs, r.missingOursKop)],
    [t("missingTheirs"), counted(r.missingTheirs, r.missingTheirsKop)],
    [t("theirTotal"), formatUah(kop(r.theirTotalKop), locale)],
    [t("ourTotal"), formatUah(kop(r.ourTotalKop), locale)],
  ]);
  const table =
    r.lines.length === 0
      ? ""
      : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t("caption")}"><table>
<caption>${t("caption")}</caption>
<thead><tr><th scope="col">${t("colKind")}</th><th scope="col">${t("colTxn")}</th><th scope="col">${t("colAccount")}</th><th scope="col">${t("colTheirs")}</th><th scope="col">${t("colOurs")}</th><th scope="col">${t("colDecision")}</th></tr></thead>
<tbody>${r.lines.map(
          (l) => html`<tr>
<th scope="row">${t(KIND[l.kind])}${l.reason ? html`<br><span class="muted">${l.reason}</span>` : ""}</th>
<td>${l.txnId ?? t("none")}</td>
<td>${l.account ?? t("none")}</td>
<td>${uah(l.amountKop)}</td>
<td>${uah(l.ourAmountKop)}</td>
<td>${decision(ctx, data, r, l)}</td>
</tr>`,
        )}</tbody>
</table></div>`;
  return html`<section>
<h2>${t("heading", { day: formatDate(r.day, locale), file: r.fileName })}</h2>
<p class="muted">${t("uploaded", { when: kyivDateTimeText(new Date(r.uploadedAt)) })}</p>
${summary}
${table}
</section>`;
}

export function partnerReconciliationsBody(ctx: ConsoleContext, data: PartnerReconciliationsData): Html {
  const t = (k: Key, params = {}) => format(PARTNER_RECONCILIATIONS[k], ctx.locale, params);
  return html`${errorSummary(ctx.locale, data.errors)}
${data.notice ? banner(data.notice, "success") : ""}
<h1>${t("title", { code: data.code })}</h1>
<p class="lead">${t("lead")}</p>
${data.reconciliations.length === 0 ? html`<p>${t("empty")}</p>` : data.reconciliations.map((r) => reconciliation(ctx, data, r))}`;
}
