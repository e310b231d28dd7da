// The statistics page: the month range (a GET form, so a view can be bookmarked), the CSV link, where each month's
// figures come from, then per metric a chart of its monthly totals and a table of channels by months (the same
// figures), and the form that recounts a month now.
import { numberSeparators } from "../../../domain/display-locale.ts";
import { formatUah, kop } from "../../../domain/money.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format, type Message } from "../../../i18n/messages.ts";
import { METRICS_WITHOUT_SOURCE } from "../../../services/statistics/statistic-metrics.ts";
import { type Html, html } from "../../web/html.ts";
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
import { CHANNEL_NAMES, METRIC_HINTS, METRIC_NAMES, STATISTICS } from "../messages/statistics.ts";
import type { ConsoleContext } from "./console-context.ts";
import { statisticsChart } from "./statistics-chart.ts";
import { type MetricGrid, metricGrid, type StatisticsOutput } from "./statistics-table.ts";

export interface StatisticsForm {
  provider?: string | undefined;
  from: string;
  to: string;
  period: string;
}

export interface StatisticsPageData {
  form: StatisticsForm;
  /** The figures; null when the form was refused. */
  output: StatisticsOutput | null;
  /** Whose statistics the caller may choose between (a platform administrator: every provider). */
  providers: { code: string; name: string }[];
  errors: FieldError[];
  refreshed?: string | undefined;
}

export function formatCount(n: number, locale: Locale): string {
  const { group } = numberSeparators(locale);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

export function channelName(channel: string, locale: Locale): string {
  const known = (CHANNEL_NAMES as Record<string, Message | undefined>)[channel];
  return known ? format(known, locale) : channel;
}

export function statisticsQuery(form: Pick<StatisticsForm, "provider" | "from" | "to">): string {
  const q = new URLSearchParams();
  if (form.provider) q.set("provider", form.provider);
  q.set("from", form.from);
  q.set("to", form.to);
  return q.toString();
}

export function statisticsPage(ctx: ConsoleContext, data: StatisticsPageData): Html {
  const l = ctx.locale;
  const say = (key: keyof typeof STATISTICS, params = {}) => format(STATISTICS[key], l, params);
  const { form, output } = data;
  return html`<h1>${say("title")}</h1>
${data.refreshed ? banner(say("refreshed", { period: data.refreshed }), "success") : ""}
${errorSummary(l, data.errors)}
<p>${say("intro")}</p>
<form method="get" action="/console/statistics" novalidate><fieldset><legend>${say("rangeLegend")}</legend>
${
  data.providers.length > 1
    ? select({
        id: "provider",
        label: say("provider"),
        choices: data.providers.map((p) => ({ value: p.code, label: p.name })),
        value: form.provider ?? output?.provider.code,
      })
    : ""
}
${textField({ id: "from", label: say("from"), hint: say("monthHint"), value: form.from, error: errorFor(data.errors, "from"), type: "month", short: true })}
${textField({ id: "to", label: say("to"), hint: say("monthHint"), value: form.to, error: errorFor(data.errors, "to"), type: "month", short: true })}
${button(say("show"))}</fieldset></form>
${output ? results(ctx, data, output) : ""}
${refreshForm(ctx, data)}`;
}

function results(ctx: ConsoleContext, data: StatisticsPageData, output: StatisticsOutput): Html {
  const l = ctx.locale;
  const say = (key: keyof typeof STATISTICS, params = {}) => format(STATISTICS[key], l, params);
  const query = statisticsQuery({ provider: data.form.provider, from: data.form.from, to: data.form.to });
  return html`<p><a href="/console/statistics.csv?${query}" download>${say("downloadCsv", { from: data.form.from, to: data.form.to })}</a></p>
<details><summary>${say("freshness")}</summary><ul>${output.months.map(
    (m) =>
      html`<li>${
        m.computedAt === null
          ? say("computedLive", { period: m.period })
          : say("computedAt", { period: m.period, at: kyivStamp(m.computedAt) })
      }</li>`,
  )}</ul></details>
${output.metrics.map((metric, i) => metricSection(l, metricGrid(output, metric), i))}`;
}

function kyivStamp(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Kyiv",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

function metricSection(l: Locale, grid: MetricGrid, index: number): Html {
  const name = format((METRIC_NAMES as Record<string, Message>)[grid.metric]!, l);
  const hint = format((METRIC_HINTS as Record<string, Message>)[grid.metric]!, l);
  const id = `metric-${grid.metric.replaceAll("_", "-")}`;
  const heading = html`<h2 id="${id}">${name}</h2><p class="hint">${hint}</p>`;
  if ((METRICS_WITHOUT_SOURCE as readonly string[]).includes(grid.metric) && !grid.hasRows)
    return html`<section aria-labelledby="${id}">${heading}<p>${format(STATISTICS.noDataYet, l)}</p></section>`;
  if (!grid.hasRows)
    return html`<section aria-labelledby="${id}">${heading}<p>${format(STATISTICS.noData, l)}</p></section>`;
  const chart = statisticsChart({
    id: `chart-${index}`,
    title: format(STATISTICS.chartTitle, l, { metric: name }),
    desc: format(STATISTICS.chartDesc, l),
    bars: grid.periods.map((p, i) => ({
      label: p,
      value: grid.total[i] ?? 0,
      valueText: formatCount(grid.total[i] ?? 0, l),
    })),
  });
  return html`<section aria-labelledby="${id}">${heading}
<figure class="chart">${chart}</figure>
${grid.metric === "active_residents" ? html`<p class="hint">${format(STATISTICS.activeTotalNote, l)}</p>` : ""}
${gridTable(l, grid, format(STATISTICS.tableCaption, l, { metric: name }), grid.values, grid.total, (n) => formatCount(n, l))}
${
  grid.hasAmount
    ? gridTable(
        l,
        grid,
        format(STATISTICS.amountCaption, l, { metric: name }),
        grid.amounts,
        grid.totalAmount,
        (n) => formatUah(kop(n), l),
      )
    : ""
}</section>`;
}

function gridTable(
  l: Locale,
  grid: MetricGrid,
  caption: string,
  values: Map<string, number[]>,
  total: number[],
  show: (n: number) => string,
): Html {
  const cells = (row: number[]) => row.map((n) => html`<td class="num">${show(n)}</td>`);
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${caption}"><table class="statistics" data-metric="${grid.metric}">
<caption>${caption}</caption>
<thead><tr><th scope="col">${format(STATISTICS.channel, l)}</th>${grid.periods.map((p) => html`<th scope="col" class="num">${p}</th>`)}</tr></thead>
<tbody>${grid.channels.map(
    (c) =>
      html`<tr data-channel="${c}"><th scope="row">${channelName(c, l)}</th>${cells(values.get(c) ?? [])}</tr>`,
  )}<tr class="total" data-channel="total"><th scope="row">${format(STATISTICS.total, l)}</th>${cells(total)}</tr></tbody>
</table></div>`;
}

function refreshForm(ctx: ConsoleContext, data: StatisticsPageData): Html {
  const l = ctx.locale;
  const say = (key: keyof typeof STATISTICS) => format(STATISTICS[key], l);
  const keep = html`${data.form.provider ? html`<input type="hidden" name="provider" value="${data.form.provider}">` : ""}<input type="hidden" name="from" value="${data.form.from}"><input type="hidden" name="to" value="${data.form.to}">`;
  return html`<section aria-labelledby="refresh-heading"><h2 id="refresh-heading">${say("refreshHeading")}</h2>
${postForm(
  ctx,
  "/console/statistics/refresh",
  html`${keep}${textField({
    id: "period",
    label: say("refreshPeriod"),
    hint: say("refreshHint"),
    value: data.form.period,
    error: errorFor(data.errors, "period"),
    type: "month",
    short: true,
  })}${button(say("refreshButton"), { kind: "secondary" })}`,
)}</section>`;
}
