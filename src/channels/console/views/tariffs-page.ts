// The administrator's tariffs page: a filter by service and settlement, the tariffs of each service and
// settlement (past, current, future: blocks, zones, fee, norms, dates, source), and the form that adds one, with a
// fixed number of rows for blocks and one field per zone of two- and three-zone meters, so it needs no script.
import { formatUah, kop } from "../../../domain/money.ts";
import { formatDate, zoneName } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { TariffList } from "../../../services/tariffs/list-tariffs.ts";
import type { TariffView } from "../../../services/tariffs/tariff-view.ts";
import { type Html, html } from "../../web/html.ts";
import { serviceName } from "../../web/views/account-facts.ts";
import {
  banner,
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
  select,
  textField,
} from "../../web/views/components.ts";
import { TARIFFS } from "../messages/tariffs.ts";
import type { ConsoleContext } from "./console-context.ts";

export const BLOCK_ROWS = 3;
/** The zone fields: zone-2-1 (day), zone-2-2 (night), zone-3-1 (peak), zone-3-2 (half-peak), zone-3-3 (night). */
export const ZONE_FIELDS = [
  [2, 1],
  [2, 2],
  [3, 1],
  [3, 2],
  [3, 3],
] as const;

export interface TariffsPageData {
  list: TariffList;
  filter: { service: string; settlement: string };
  /** The add form's fields as typed, by field id. */
  values: Record<string, string>;
  errors: FieldError[];
  notice: string | null;
  providerQuery: string;
}

const t = (key: keyof typeof TARIFFS, locale: Locale, params = {}) => format(TARIFFS[key], locale, params);

/** "0.9" → "0,9" in Ukrainian and Russian: a decimal as the language writes it. */
const num = (text: string, locale: Locale) => (locale === "en" ? text : text.replace(".", ","));

function spanText(tariff: TariffView, locale: Locale): string {
  const from = formatDate(tariff.effectiveFrom, locale);
  if (tariff.lastDay === null) return t("openSpan", locale, { from });
  return t("closedSpan", locale, { from, last: formatDate(tariff.lastDay, locale) });
}

function blocksText(tariff: TariffView, locale: Locale): Html {
  const { blocks } = tariff;
  if (blocks.length === 1)
    return html`${t("blockFlat", locale, { price: num(blocks[0]!.priceUah, locale) })}`;
  return html`<ul class="plain">${blocks.map((b, i) => {
    const price = num(b.priceUah, locale);
    const text =
      b.upTo !== null
        ? t("blockUpTo", locale, { upTo: num(b.upTo, locale), price })
        : t("blockAbove", locale, { upTo: num(blocks[i - 1]?.upTo ?? "0", locale), price });
    return html`<li>${text}</li>`;
  })}</ul>`;
}

function zonesText(tariff: TariffView, locale: Locale): Html {
  if (tariff.zones.length === 0) return html`${t("noZones", locale)}`;
  return html`<ul class="plain">${tariff.zones.map(
    (z) =>
      html`<li>${t("zoneLine", locale, { zones: z.zones, name: zoneName(z.zones, z.zone, locale), coefficient: num(z.coefficient, locale) })}</li>`,
  )}</ul>`;
}

function normsText(tariff: TariffView, locale: Locale): string {
  const parts = [
    tariff.normPerResident !== null
      ? t("normResident", locale, { norm: num(tariff.normPerResident, locale) })
      : "",
    tariff.normPerM2 !== null ? t("normM2", locale, { norm: num(tariff.normPerM2, locale) }) : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("; ") : "—";
}

function groupTable(locale: Locale, tariffs: TariffView[], index: number): Html {
  const first = tariffs[0]!;
  const service = serviceName(first.service, locale);
  const settlement = first.settlement ? first.settlement.name[locale] : t("allSettlements", locale);
  const id = `tariffs-${index}`;
  return html`<section aria-labelledby="${id}">
<h3 id="${id}">${t("groupTitle", locale, { service, settlement })}</h3>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t("caption", locale, { service, settlement })}"><table class="tariffs">
<caption>${t("caption", locale, { service, settlement })}</caption>
<thead><tr>
<th scope="col">${t("colDates", locale)}</th><th scope="col">${t("colStanding", locale)}</th>
<th scope="col">${t("colBlocks", locale)}</th><th scope="col">${t("colZones", locale)}</th>
<th scope="col" class="num">${t("colFee", locale)}</th><th scope="col">${t("colNorms", locale)}</th>
<th scope="col">${t("colSource", locale)}</th>
</tr></thead>
<tbody>${tariffs.map(
    (tariff) => html`<tr>
<th scope="row">${spanText(tariff, locale)}</th>
<td><span class="standing standing-${tariff.standing}">${t(tariff.standing, locale)}</span></td>
<td>${blocksText(tariff, locale)}</td>
<td>${zonesText(tariff, locale)}</td>
<td class="num">${formatUah(kop(tariff.fixedFeeKop), locale)}</td>
<td>${normsText(tariff, locale)}</td>
<td>${tariff.source}${tariff.illustrative ? t("illustrative", locale) : ""}</td>
</tr>`,
  )}</tbody>
</table></div>
</section>`;
}

function tariffGroups(ctx: ConsoleContext, d: TariffsPageData): Html {
  const { locale } = ctx;
  if (d.list.tariffs.length === 0) return html`<p>${t("none", locale)}</p>`;
  const groups: TariffView[][] = [];
  for (const tariff of d.list.tariffs) {
    const last = groups[groups.length - 1];
    const same =
      last && last[0]!.service === tariff.service && last[0]!.settlement?.id === tariff.settlement?.id;
    if (same) last.push(tariff);
    else groups.push([tariff]);
  }
  return html`${groups.map((g, i) => groupTable(locale, g, i))}`;
}

function settlementChoices(d: TariffsPageData, locale: Locale, allLabel: string) {
  const settlements = new Map<number, string>();
  for (const s of d.list.services) for (const st of s.settlements) settlements.set(st.id, st.name[locale]);
  return [
    { value: "all", label: allLabel },
    ...[...settlements].map(([id, name]) => ({ value: String(id), label: name })),
  ];
}

function filterForm(ctx: ConsoleContext, d: TariffsPageData, provider: string | null): Html {
  const { locale } = ctx;
  return html`<form method="get" action="/console/tariffs" class="filter">
${provider ? html`<input type="hidden" name="provider" value="${provider}">` : ""}
${select({
  id: "filter-service",
  name: "service",
  label: t("filterService", locale),
  choices: [
    { value: "", label: t("anyService", locale) },
    ...d.list.services.map((s) => ({ value: s.service, label: s.name[locale] })),
  ],
  value: d.filter.service,
})}
${select({
  id: "filter-settlement",
  name: "settlement",
  label: t("filterSettlement", locale),
  choices: settlementChoices(d, locale, t("anySettlement", locale)),
  value: d.filter.settlement,
})}
${button(t("filter", locale), { kind: "secondary" })}
</form>`;
}

function addForm(ctx: ConsoleContext, d: TariffsPageData): Html {
  const { locale } = ctx;
  const v = (id: string) => d.values[id] ?? "";
  const err = (field: string) => errorFor(d.errors, field);
  const field = (id: string, label: string, o: { hint?: string; type?: "date"; short?: boolean } = {}) =>
    textField({
      id,
      label,
      value: v(id),
      error: err(id),
      ...(o.hint ? { hint: o.hint } : {}),
      ...(o.type ? { type: o.type } : {}),
      ...(o.short === false ? {} : { short: true }),
    });
  const rows = Array.from({ length: BLOCK_ROWS }, (_, i) => i);
  const endCurrentError = err("endCurrent");
  return postForm(
    ctx,
    `/console/tariffs${d.providerQuery}`,
    html`${select({
      id: "service",
      label: t("service", locale),
      choices: d.list.services.map((s) => ({ value: s.service, label: s.name[locale] })),
      value: v("service"),
      error: err("service"),
    })}
${select({
  id: "settlement",
  label: t("settlement", locale),
  choices: settlementChoices(d, locale, t("allSettlements", locale)),
  value: v("settlement") || "all",
  error: err("settlement"),
})}
${field("effectiveFrom", t("effectiveFrom", locale), { hint: t("dateHint", locale), type: "date" })}
${field("effectiveTo", t("effectiveTo", locale), { hint: t("effectiveToHint", locale), type: "date" })}
<div class="form-group${endCurrentError ? " has-error" : ""}">
<div class="checkbox"><input type="checkbox" id="endCurrent" name="endCurrent" value="1"${v("endCurrent") === "1" ? html` checked` : ""} aria-describedby="endCurrent-hint"> <label for="endCurrent">${t("endCurrent", locale)}</label></div>
<p class="hint" id="endCurrent-hint">${t("endCurrentHint", locale)}</p>
</div>
<fieldset class="rows" aria-describedby="blocks-hint">
<legend>${t("blocksLegend", locale)}</legend>
<p class="hint" id="blocks-hint">${t("blocksHint", locale)}</p>
${rows.map(
  (i) => html`<div class="row">
${field(`block-${i}-upTo`, t("blockLimit", locale, { n: i + 1 }))}
${field(`block-${i}-price`, t("blockPrice", locale, { n: i + 1 }))}
</div>`,
)}
</fieldset>
<fieldset class="rows" aria-describedby="zones-hint">
<legend>${t("zonesLegend", locale)}</legend>
<p class="hint" id="zones-hint">${t("zonesHint", locale)}</p>
${ZONE_FIELDS.map(([zones, zone]) =>
  field(`zone-${zones}-${zone}`, t("zoneField", locale, { zones, name: zoneName(zones, zone, locale) })),
)}
</fieldset>
${field("fee", t("fee", locale))}
${field("normPerResident", t("normPerResident", locale), { hint: t("optional", locale) })}
${field("normPerM2", t("normPerM2", locale), { hint: t("optional", locale) })}
${field("source", t("source", locale), { short: false })}
${button(t("add", locale))}`,
  );
}

export function tariffsBody(ctx: ConsoleContext, d: TariffsPageData): Html {
  const { locale } = ctx;
  const provider = d.providerQuery ? new URLSearchParams(d.providerQuery.slice(1)).get("provider") : null;
  return html`<h1>${t("title", locale)}</h1>
<p class="lead">${t("lead", locale)}</p>
${d.notice ? banner(d.notice, "success") : ""}
${errorSummary(locale, d.errors)}
<section aria-labelledby="list-title">
<h2 id="list-title">${t("title", locale)}</h2>
${filterForm(ctx, d, provider)}
${tariffGroups(ctx, d)}
</section>
<section id="add" aria-labelledby="add-title">
<h2 id="add-title">${t("formTitle", locale)}</h2>
${addForm(ctx, d)}
</section>`;
}
