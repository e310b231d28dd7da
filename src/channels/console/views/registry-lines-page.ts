// The registry lines page: one table row per bank line not posted — the file and line, the payer, the amount and
// day paid, the account as the bank wrote it, why it was not posted — with a form to post it to an account (the
// number typed any way) and a form to return it to the bank with a reason.
import { formatUah, kop } from "../../../domain/money.ts";
import { formatDate } from "../../../i18n/format.ts";
import { format } from "../../../i18n/messages.ts";
import type {
  UnmatchedLine,
  UnmatchedLines,
} from "../../../services/registry-lines/list-unmatched-registry-lines.ts";
import { type Html, html } from "../../web/html.ts";
import {
  banner,
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
} from "../../web/views/components.ts";
import { CONSOLE_REGISTRY_LINES } from "../messages/registry-lines.ts";
import type { ConsoleContext } from "./console-context.ts";
import { kyivDateTimeText } from "./console-format.ts";

export interface RegistryLinesPageData {
  queue: UnmatchedLines;
  after: string | null;
  notice: string | null;
  errors: FieldError[];
  /** What the last forms held, by field id, to draw them again. */
  values: Record<string, string>;
}

const key = (l: Pick<UnmatchedLine, "registryId" | "lineNo">) => `${l.registryId}-${l.lineNo}`;
export const numberFieldId = (l: Pick<UnmatchedLine, "registryId" | "lineNo">) => `number-${key(l)}`;
export const returnFieldId = (l: Pick<UnmatchedLine, "registryId" | "lineNo">) => `return-${key(l)}`;

function field(o: {
  id: string;
  name: string;
  label: string;
  hidden: Html;
  value: string | undefined;
  error: string | undefined;
  area?: boolean;
}): Html {
  const invalid = o.error ? html` aria-invalid="true" aria-describedby="${o.id}-error"` : "";
  return html`<div class="form-group${o.error ? " has-error" : ""}">
<label for="${o.id}">${o.label}${o.hidden}</label>
${o.error ? html`<p class="error-message" id="${o.id}-error">${o.error}</p>` : ""}
${
  o.area
    ? html`<textarea id="${o.id}" name="${o.name}" rows="2" maxlength="500"${invalid}>${o.value ?? ""}</textarea>`
    : html`<input id="${o.id}" name="${o.name}" type="text" autocomplete="off" spellcheck="false" value="${o.value ?? ""}"${invalid}>`
}
</div>`;
}

function decisionCell(ctx: ConsoleContext, l: UnmatchedLine, data: RegistryLinesPageData): Html {
  const { locale } = ctx;
  const t = (k: keyof typeof CONSOLE_REGISTRY_LINES) => format(CONSOLE_REGISTRY_LINES[k], locale);
  const base = `/console/registry-lines/${l.registryId}/${l.lineNo}`;
  const which = html`<span class="visually-hidden"> ${format(CONSOLE_REGISTRY_LINES.line, locale, { file: l.fileName, line: l.lineNo })}</span>`;
  const back = data.after ? html`<input type="hidden" name="after" value="${data.after}">` : "";
  const numberId = numberFieldId(l);
  const returnId = returnFieldId(l);
  const assign = l.assignable
    ? postForm(
        ctx,
        `${base}/assign`,
        html`${back}${field({
          id: numberId,
          name: "number",
          label: t("accountNumber"),
          hidden: which,
          value: data.values[numberId] ?? l.account ?? "",
          error: errorFor(data.errors, numberId),
        })}${button(t("assign"))}`,
      )
    : html`<p>${t("notAssignable")}</p>`;
  const giveBack = postForm(
    ctx,
    `${base}/return`,
    html`${back}${field({
      id: returnId,
      name: "reason",
      label: t("returnReason"),
      hidden: which,
      value: data.values[returnId],
      error: errorFor(data.errors, returnId),
      area: true,
    })}${button(t("returnButton"), { kind: "warning" })}`,
  );
  return html`<div class="actions registry-line-actions">${assign}${giveBack}</div>`;
}

function row(ctx: ConsoleContext, l: UnmatchedLine, data: RegistryLinesPageData): Html {
  const { locale } = ctx;
  const t = (k: keyof typeof CONSOLE_REGISTRY_LINES, params = {}) =>
    format(CONSOLE_REGISTRY_LINES[k], locale, params);
  const none = html`<span class="muted">${t("none")}</span>`;
  return html`<tr>
<th scope="row">${t("line", { file: l.fileName, line: l.lineNo })}<br><span class="muted">${t("imported", { when: kyivDateTimeText(new Date(l.importedAt)) })}</span>${
    l.reference ? html`<br>${t("reference", { reference: l.reference })}` : ""
  }</th>
<td>${l.payer ?? none}</td>
<td>${l.amountKop !== null ? formatUah(kop(l.amountKop), locale) : none}<br>${l.paidOn ? formatDate(l.paidOn, locale) : none}</td>
<td>${l.account ?? none}</td>
<td>${l.message}<details><summary>${t("raw")}</summary><code class="raw-line">${l.raw}</code></details></td>
<td>${decisionCell(ctx, l, data)}</td>
</tr>`;
}

export function registryLinesBody(ctx: ConsoleContext, data: RegistryLinesPageData): Html {
  const { locale } = ctx;
  const t = (k: keyof typeof CONSOLE_REGISTRY_LINES) => format(CONSOLE_REGISTRY_LINES[k], locale);
  const { lines, next } = data.queue;
  const table =
    lines.length === 0
      ? html`<p>${t("empty")}</p>`
      : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t("caption")}"><table class="registry-line-queue">
<caption>${t("caption")}</caption>
<thead><tr><th scope="col">${t("colLine")}</th><th scope="col">${t("colPayer")}</th><th scope="col">${t("colAmount")}</th><th scope="col">${t("colAccount")}</th><th scope="col">${t("colReason")}</th><th scope="col">${t("colDecision")}</th></tr></thead>
<tbody>${lines.map((l) => row(ctx, l, data))}</tbody>
</table></div>`;
  const pages = html`${data.after ? html`<p><a href="/console/registry-lines">${t("firstPage")}</a></p>` : ""}${
    next ? html`<p><a href="/console/registry-lines?after=${next}">${t("nextPage")}</a></p>` : ""
  }`;
  return html`${errorSummary(locale, data.errors)}
${data.notice ? banner(data.notice, "success") : ""}
<h1>${t("title")}</h1>
<p class="lead">${t("lead")}</p>
${table}
${pages}`;
}
