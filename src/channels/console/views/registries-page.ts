// The administrator's payment-registry pages: /console/registries (upload a bank's file, the imports so far),
// /console/registries/:id (one import's report) and /console/registries/sources (the sources and their formats;
// a platform administrator's to edit, a provider's administrator's to read).

import { formatUah, kop } from "../../../domain/money.ts";
import { DATE_FORMATS, REGISTRY_FIELDS } from "../../../domain/registry/registry-format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type {
  PaymentRegistryReport,
  PaymentRegistrySummary,
} from "../../../services/registries/payment-registry-view.ts";
import type { RegistrySourceView } from "../../../services/registries/registry-source-view.ts";
import { type Html, html } from "../../web/html.ts";
import {
  banner,
  button,
  csrfField,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
  radios,
  select,
  summaryList,
  textField,
} from "../../web/views/components.ts";
import { REGISTRIES } from "../messages/registries.ts";
import type { ConsoleContext } from "./console-context.ts";
import { countText, kyivDateTimeText } from "./console-format.ts";

type Key = keyof typeof REGISTRIES;
const words =
  (locale: Locale) =>
  (k: Key, p = {}) =>
    format(REGISTRIES[k], locale, p);

export interface RegistriesPageData {
  sources: RegistrySourceView[];
  registries: PaymentRegistrySummary[];
  source: string;
  errors: FieldError[];
  /** "?provider=code" on a platform administrator's forms and links; else "". */
  providerQuery: string;
}

function importedByText(by: string, locale: Locale): string {
  if (by === "cli") return format(REGISTRIES.byCli, locale);
  const id = /^user:(\d+)$/.exec(by)?.[1];
  return id ? format(REGISTRIES.byUser, locale, { id }) : by;
}

function importsTable(ctx: ConsoleContext, registries: PaymentRegistrySummary[], q: string): Html {
  const t = words(ctx.locale);
  if (registries.length === 0) return html`<p>${t("noImports")}</p>`;
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("importsCaption")}"><table class="data">
<caption>${t("importsCaption")}</caption>
<thead><tr><th scope="col">${t("colFile")}</th><th scope="col">${t("colSource")}</th><th scope="col">${t("colImported")}</th><th scope="col" class="num">${t("colLines")}</th><th scope="col" class="num">${t("colPosted")}</th><th scope="col" class="num">${t("colPostedKop")}</th><th scope="col" class="num">${t("colNotPosted")}</th></tr></thead>
<tbody>${registries.map(
    (r) =>
      html`<tr><th scope="row"><a href="/console/registries/${String(r.id)}${q}">${r.fileName}</a></th><td>${r.source}</td><td>${kyivDateTimeText(r.importedAt)}</td><td class="num">${countText(r.lines, ctx.locale)}</td><td class="num">${countText(r.posted, ctx.locale)}</td><td class="num">${formatUah(kop(r.postedKop), ctx.locale)}</td><td class="num">${countText(r.lines - r.posted, ctx.locale)}</td></tr>`,
  )}</tbody>
</table></div>`;
}

export function registriesBody(ctx: ConsoleContext, d: RegistriesPageData): Html {
  const t = words(ctx.locale);
  const fileError = errorFor(d.errors, "registry-file");
  return html`<h1>${t("title")}</h1>
<section aria-labelledby="upload">
<h2 id="upload">${t("uploadHeading")}</h2>
<p class="hint">${t("uploadHint")}</p>
${errorSummary(ctx.locale, d.errors)}
<form method="post" action="/console/registries${d.providerQuery}" enctype="multipart/form-data" novalidate>${csrfField(ctx)}
${select({
  id: "registry-source",
  name: "source",
  label: t("source"),
  choices: d.sources.map((s) => ({
    value: s.name,
    label: s.description ? `${s.name} — ${s.description}` : s.name,
  })),
  value: d.source,
  error: errorFor(d.errors, "registry-source"),
})}
<div class="form-group${fileError ? " has-error" : ""}">
<label for="registry-file">${t("file")}</label>
${fileError ? html`<p class="error-message" id="registry-file-error">${fileError}</p>` : ""}
<input id="registry-file" name="file" type="file" accept=".csv,.txt,text/csv,text/plain"${fileError ? html` aria-describedby="registry-file-error" aria-invalid="true"` : ""}>
</div>
<div class="form-group checkbox"><label><input type="checkbox" name="again" value="1"> ${t("again")}</label></div>
${button(t("upload"))}
</form>
</section>
<section aria-labelledby="imports">
<h2 id="imports">${t("importsHeading")}</h2>
${importsTable(ctx, d.registries, d.providerQuery)}
</section>
<p><a href="/console/registries/sources${d.providerQuery}">${t("sourcesLink")}</a></p>`;
}

export function registryReportBody(
  ctx: ConsoleContext,
  r: PaymentRegistryReport,
  o: { justImported: boolean; providerQuery: string },
): Html {
  const t = words(ctx.locale);
  const locale = ctx.locale;
  const names: Readonly<Record<string, string>> = {
    posted: t("outcomePosted"),
    duplicate: t("outcomeDuplicate"),
    unmatched: t("outcomeUnmatched"),
    malformed: t("outcomeMalformed"),
    returned: t("outcomeReturned"),
  };
  const outcomeName = (outcome: string) => names[outcome] ?? outcome;
  const allKop = r.outcomes.reduce((n, x) => n + x.amountKop, 0);
  return html`<h1>${t("reportTitle", { file: r.fileName })}</h1>
${o.justImported ? banner(t("imported", { posted: countText(r.posted, locale), lines: countText(r.lines, locale) }), "success") : ""}
<h2>${t("factsHeading")}</h2>
${summaryList([
  [t("factSource"), r.source],
  [t("factImportedAt"), kyivDateTimeText(r.importedAt)],
  [t("factImportedBy"), importedByText(r.importedBy, locale)],
  [t("factEncoding"), r.encodingDetected ? t("factDetected", { encoding: r.encoding }) : r.encoding],
  [t("factSize"), t("bytes", { n: countText(r.sizeBytes, locale) })],
  [t("factBlank"), countText(r.blankLines, locale)],
  [t("factSkipped"), countText(r.skippedLines, locale)],
  [t("factSha"), html`<code class="wrap">${r.sha256}</code>`],
])}
<h2>${t("outcomesHeading")}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t("outcomesCaption")}"><table class="data">
<caption>${t("outcomesCaption")}</caption>
<thead><tr><th scope="col">${t("colOutcome")}</th><th scope="col" class="num">${t("colCount")}</th><th scope="col" class="num">${t("colAmount")}</th></tr></thead>
<tbody>${r.outcomes.map(
    (x) =>
      html`<tr><th scope="row">${outcomeName(x.outcome)}</th><td class="num">${countText(x.lines, locale)}</td><td class="num">${formatUah(kop(x.amountKop), locale)}</td></tr>`,
  )}</tbody>
<tfoot><tr><th scope="row">${t("outcomeTotal")}</th><td class="num">${countText(r.lines, locale)}</td><td class="num">${formatUah(kop(allKop), locale)}</td></tr></tfoot>
</table></div>
<h2>${t("problemsHeading")}</h2>
${
  r.problems.length === 0
    ? html`<p>${t("noProblems")}</p>`
    : html`<div class="table-wrap" role="region" aria-label="${t("problemsCaption")}" tabindex="0"><table class="data">
<caption>${t("problemsCaption")}</caption>
<thead><tr><th scope="col" class="num">${t("colLine")}</th><th scope="col">${t("colOutcome")}</th><th scope="col">${t("colReason")}</th><th scope="col">${t("colReference")}</th><th scope="col" class="num">${t("colAmount")}</th><th scope="col">${t("colRaw")}</th></tr></thead>
<tbody>${r.problems.map(
        (p) =>
          html`<tr><th scope="row" class="num">${String(p.line)}</th><td>${outcomeName(p.outcome)}</td><td>${p.message}</td><td>${p.reference ?? "—"}</td><td class="num">${p.amountKop === null ? "—" : formatUah(kop(p.amountKop), locale)}</td><td><code class="wrap">${p.raw}</code></td></tr>`,
      )}</tbody>
</table></div>`
}
${r.problemsNotListed > 0 ? html`<p>${t("problemsNotListed", { n: countText(r.problemsNotListed, locale) })}</p>` : ""}
<p><a href="/console/registries${o.providerQuery}">${t("backToRegistries")}</a></p>`;
}

function formatSummary(s: RegistrySourceView, locale: Locale): string {
  const t = words(locale);
  const f = s.format;
  return t("formatText", {
    encoding: f.encoding === "auto" ? t("encodingAuto") : f.encoding,
    delimiter: f.delimiter === "\t" ? "TAB" : f.delimiter,
    decimal: f.decimalSeparator,
    date: f.dateFormat,
    header: f.header ? t("withHeader") : "",
  });
}

function columnsText(s: RegistrySourceView): string {
  return Object.entries(s.format.columns)
    .map(([field, column]) => `${field}: ${String(column)}`)
    .join("; ");
}

export function sourcesBody(
  ctx: ConsoleContext,
  sources: RegistrySourceView[],
  o: { editable: boolean; notice: string | null; providerQuery: string },
): Html {
  const t = words(ctx.locale);
  return html`<h1>${t("sourcesTitle")}</h1>
${o.notice ? banner(o.notice, "success") : ""}
<p>${o.editable ? t("sourcesEditable") : t("sourcesReadOnly")}</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t("sourcesCaption")}"><table class="data">
<caption>${t("sourcesCaption")}</caption>
<thead><tr><th scope="col">${t("colName")}</th><th scope="col">${t("colDescription")}</th><th scope="col">${t("colProvider")}</th><th scope="col">${t("colFormat")}</th><th scope="col">${t("colColumns")}</th></tr></thead>
<tbody>${sources.map(
    (s) =>
      html`<tr><th scope="row">${o.editable ? html`<a href="/console/registries/sources/${s.name}" aria-label="${t("edit", { name: s.name })}">${s.name}</a>` : s.name}</th><td>${s.description || "—"}</td><td>${s.provider?.code ?? t("anyProvider")}</td><td>${formatSummary(s, ctx.locale)}</td><td>${columnsText(s) || "—"}</td></tr>`,
  )}</tbody>
</table></div>
${o.editable ? html`<p><a href="/console/registries/sources/new">${t("newSource")}</a></p>` : ""}
<p><a href="/console/registries${o.providerQuery}">${t("backToRegistries")}</a></p>`;
}

/** The edit form's values, as typed (strings), so a refused form comes back as it was sent. */
export type SourceForm = Record<string, string>;

export function sourceFormOf(s: RegistrySourceView | null): SourceForm {
  if (!s) {
    return {
      name: "",
      description: "",
      provider: "",
      encoding: "auto",
      delimiter: ",",
      decimal: ".",
      dateFormat: "YYYY-MM-DD",
      header: "1",
      maxAmount: "100000",
      skipFirst: "0",
      skipLast: "0",
    };
  }
  const f = s.format;
  return {
    name: s.name,
    description: s.description,
    provider: s.provider?.code ?? "",
    encoding: f.encoding,
    delimiter: f.delimiter === "\t" ? "TAB" : f.delimiter,
    decimal: f.decimalSeparator,
    dateFormat: f.dateFormat,
    header: f.header ? "1" : "0",
    maxAmount: String(Math.floor(f.maxAmountKop / 100)),
    skipFirst: String(f.skipFirstLines),
    skipLast: String(f.skipLastLines),
    ...Object.fromEntries(REGISTRY_FIELDS.map((field) => [`col-${field}`, String(f.columns[field] ?? "")])),
  };
}

export function sourceEditBody(
  ctx: ConsoleContext,
  o: { existing: boolean; form: SourceForm; errors: FieldError[] },
): Html {
  const t = words(ctx.locale);
  const v = o.form;
  const title = o.existing ? t("editTitle", { name: v["name"] ?? "" }) : t("newSource");
  const action = o.existing ? `/console/registries/sources/${v["name"]}` : "/console/registries/sources/new";
  const field = (id: string, label: string, extra: { short?: boolean; inputmode?: "numeric" } = {}) =>
    textField({
      id: `source-${id}`,
      name: id,
      label,
      value: v[id] ?? "",
      error: errorFor(o.errors, `source-${id}`),
      ...extra,
    });
  return html`<h1>${title}</h1>
${errorSummary(ctx.locale, o.errors)}
${postForm(
  ctx,
  action,
  html`${o.existing ? html`<input type="hidden" name="name" value="${v["name"] ?? ""}">` : field("name", t("fieldName"), { short: true })}
${field("description", t("fieldDescription"))}
${field("provider", t("fieldProvider"), { short: true })}
${select({
  id: "source-encoding",
  name: "encoding",
  label: t("fieldEncoding"),
  value: v["encoding"],
  choices: [
    { value: "auto", label: t("encodingAuto") },
    { value: "utf-8", label: "UTF-8" },
    { value: "windows-1251", label: "Windows-1251" },
  ],
})}
${select({ id: "source-delimiter", name: "delimiter", label: t("fieldDelimiter"), value: v["delimiter"], choices: [",", ";", "|", "TAB"].map((d) => ({ value: d, label: d })) })}
${select({ id: "source-decimal", name: "decimal", label: t("fieldDecimal"), value: v["decimal"], choices: [".", ","].map((d) => ({ value: d, label: d })) })}
${select({ id: "source-dateFormat", name: "dateFormat", label: t("fieldDateFormat"), value: v["dateFormat"], choices: DATE_FORMATS.map((d) => ({ value: d, label: d })) })}
${radios({
  id: "source-header",
  name: "header",
  legend: t("fieldHeader"),
  value: v["header"],
  choices: [
    { value: "1", label: t("yes") },
    { value: "0", label: t("no") },
  ],
})}
${field("maxAmount", t("fieldMaxAmount"), { short: true, inputmode: "numeric" })}
${field("skipFirst", t("fieldSkipFirst"), { short: true, inputmode: "numeric" })}
${field("skipLast", t("fieldSkipLast"), { short: true, inputmode: "numeric" })}
<fieldset><legend>${t("columnsHeading")}</legend><p class="hint">${t("columnsHint")}</p>
${REGISTRY_FIELDS.map((f) => field(`col-${f}`, f, { short: true }))}
</fieldset>
${button(t("save"))}`,
)}
<p><a href="/console/registries/sources">${t("sourcesTitle")}</a></p>`;
}

/** A refusal's field (as saveRegistrySource names it) → the form's field id. */
export const sourcesFormFields: Readonly<Record<string, string>> = {
  name: "source-name",
  description: "source-description",
  provider: "source-provider",
  maxAmountKop: "source-maxAmount",
  skipFirstLines: "source-skipFirst",
  skipLastLines: "source-skipLast",
};
