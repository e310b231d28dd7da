// The administrator's billing pages: /console/billing (start a month, the runs so far, the schedule) and
// /console/billing/runs/:id (one run's progress: a <progress> bar and a status line that the console's script
// updates from the run's event stream, or that the page refreshes without JavaScript; its totals once finished).
import { formatUah, kop } from "../../../domain/money.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { BillingScheduleView } from "../../../services/billing/billing-schedule.ts";
import type { BillingTotals } from "../../../services/billing/billing-totals.ts";
import type { BillingRunProgress } from "../../../services/billing/get-billing-run.ts";
import type { BillingRunView } from "../../../services/billing/list-billing-runs.ts";
import { type Html, html } from "../../web/html.ts";
import {
  banner,
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
  select,
  summaryList,
  textField,
} from "../../web/views/components.ts";
import { BILLING } from "../messages/billing.ts";
import type { ConsoleContext } from "./console-context.ts";
import { countText, kyivDateTimeText } from "./console-format.ts";

export interface BillingPageData {
  runs: BillingRunView[];
  schedule: BillingScheduleView;
  /** The start form's month and its errors (after a refusal). */
  period: string;
  startErrors: FieldError[];
  scheduleErrors: FieldError[];
  notice: string | null;
  /** "?provider=code" on a platform administrator's links and forms; else "". */
  providerQuery: string;
}

/** A schedule the form can show as day and hour: "M H D * *" with M = 0. */
export function monthlyChoice(cron: string): { day: number; hour: number } | null {
  const m = /^0 (\d{1,2}) (\d{1,2}) \* \*$/.exec(cron);
  if (!m) return null;
  const hour = Number(m[1]);
  const day = Number(m[2]);
  return hour <= 23 && day >= 1 && day <= 28 ? { day, hour } : null;
}

function stateText(state: BillingRunProgress["state"] | BillingRunView["status"], locale: Locale): string {
  const key = state === "finished" ? "stateFinished" : state === "stopped" ? "stateStopped" : "stateRunning";
  return format(BILLING[key], locale);
}

function runsTable(ctx: ConsoleContext, runs: BillingRunView[], q: string): Html {
  const t = (k: keyof typeof BILLING, p = {}) => format(BILLING[k], ctx.locale, p);
  if (runs.length === 0) return html`<p>${t("noRuns")}</p>`;
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("runsCaption")}"><table class="data">
<caption>${t("runsCaption")}</caption>
<thead><tr><th scope="col">${t("colPeriod")}</th><th scope="col">${t("colState")}</th><th scope="col">${t("colStarted")}</th><th scope="col">${t("colFinished")}</th><th scope="col" class="num">${t("colAccounts")}</th><th scope="col" class="num">${t("colTotal")}</th></tr></thead>
<tbody>${runs.map(
    (r) =>
      html`<tr><th scope="row"><a href="/console/billing/runs/${String(r.id)}${q}" aria-label="${t("openRun", { period: r.period })}">${r.period}</a></th><td>${stateText(r.status, ctx.locale)}</td><td>${kyivDateTimeText(r.startedAt)}</td><td>${r.finishedAt ? kyivDateTimeText(r.finishedAt) : "—"}</td><td class="num">${r.totals ? countText(r.totals.accounts, ctx.locale) : "—"}</td><td class="num">${r.totals ? formatUah(kop(r.totals.totalKop), ctx.locale) : "—"}</td></tr>`,
  )}</tbody>
</table></div>`;
}

function scheduleSection(ctx: ConsoleContext, d: BillingPageData): Html {
  const t = (k: keyof typeof BILLING, p = {}) => format(BILLING[k], ctx.locale, p);
  const heading = html`<h2 id="schedule">${t("scheduleHeading")}</h2>`;
  if (!d.schedule.available) {
    return html`<section aria-labelledby="schedule">${heading}${banner(t("scheduleUnavailable"))}</section>`;
  }
  const current = d.schedule.schedule;
  const monthly = current ? monthlyChoice(current.cron) : null;
  const now = !current
    ? t("scheduleNone")
    : monthly
      ? t("scheduleMonthly", { day: monthly.day, hour: String(monthly.hour).padStart(2, "0") })
      : t("scheduleCron", { cron: current.cron, timezone: current.timezone });
  const days = Array.from({ length: 28 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));
  const hours = Array.from({ length: 24 }, (_, i) => ({
    value: String(i),
    label: `${String(i).padStart(2, "0")}:00`,
  }));
  return html`<section aria-labelledby="schedule">${heading}
<p class="hint">${t("scheduleHint")}</p>
<p>${now}</p>
${errorSummary(ctx.locale, d.scheduleErrors)}
${postForm(
  ctx,
  `/console/billing/schedule${d.providerQuery}`,
  html`<div class="inline-fields">${select({
    id: "schedule-day",
    name: "day",
    label: t("scheduleDay"),
    choices: days,
    value: String(monthly?.day ?? 5),
    error: errorFor(d.scheduleErrors, "schedule-day"),
  })}${select({
    id: "schedule-hour",
    name: "hour",
    label: t("scheduleHour"),
    choices: hours,
    value: String(monthly?.hour ?? 3),
  })}</div>${button(t("scheduleSave"))}`,
)}
${current ? postForm(ctx, `/console/billing/schedule${d.providerQuery}`, html`<input type="hidden" name="off" value="1">${button(t("scheduleOff"), { kind: "secondary" })}`) : ""}
</section>`;
}

export function billingBody(ctx: ConsoleContext, d: BillingPageData): Html {
  const t = (k: keyof typeof BILLING, p = {}) => format(BILLING[k], ctx.locale, p);
  return html`<h1>${t("title")}</h1>
${d.notice ? banner(d.notice, "success") : ""}
<section aria-labelledby="start">
<h2 id="start">${t("startHeading")}</h2>
<p class="hint">${t("startHint")}</p>
${errorSummary(ctx.locale, d.startErrors)}
${postForm(
  ctx,
  `/console/billing/runs${d.providerQuery}`,
  html`${textField({
    id: "period",
    label: t("period"),
    hint: t("periodHint"),
    type: "month",
    value: d.period,
    error: errorFor(d.startErrors, "period"),
    short: true,
    required: true,
  })}${button(t("start"))}`,
)}
</section>
<section aria-labelledby="runs">
<h2 id="runs">${t("runsHeading")}</h2>
${runsTable(ctx, d.runs, d.providerQuery)}
</section>
${scheduleSection(ctx, d)}`;
}

function startedByText(startedBy: string, locale: Locale, name: string | null = null): string {
  if (name) return name;
  if (startedBy === "scheduler") return format(BILLING.byScheduler, locale);
  if (startedBy === "cli") return format(BILLING.byCli, locale);
  const id = /^user:(\d+)$/.exec(startedBy)?.[1];
  return id ? format(BILLING.byUser, locale, { id }) : startedBy;
}

function elapsedText(seconds: number, locale: Locale): string {
  return format(BILLING.elapsed, locale, { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/** The run's status line: what a screen reader hears when it changes (a batch done, the end). */
export function runStatusText(run: BillingRunProgress, locale: Locale): string {
  if (run.state === "finished")
    return format(BILLING.statusFinished, locale, {
      accounts: countText(run.totals?.accounts ?? run.accountsDone, locale),
    });
  if (run.state === "stopped") return format(BILLING.statusStopped, locale, { batchesDone: run.batchesDone });
  if (run.accountsTotal === null || run.batchesTotal === null) return format(BILLING.statusStarting, locale);
  return format(BILLING.statusRunning, locale, {
    batchesDone: countText(run.batchesDone, locale),
    batchesTotal: countText(run.batchesTotal, locale),
    accountsDone: countText(run.accountsDone, locale),
    accountsTotal: countText(run.accountsTotal, locale),
  });
}

function totalsList(totals: BillingTotals, locale: Locale): Html {
  const t = (k: keyof typeof BILLING) => format(BILLING[k], locale);
  const uah = (n: number) => formatUah(kop(n), locale);
  return summaryList([
    [t("totAccounts"), countText(totals.accounts, locale)],
    [t("totCharged"), countText(totals.charged, locale)],
    [t("totEstimated"), countText(totals.estimated, locale)],
    [t("totRecalculated"), countText(totals.recalculated, locale)],
    [t("totChargeKop"), uah(totals.chargeKop)],
    [t("totEstimatedKop"), uah(totals.estimatedKop)],
    [t("totRecalculationKop"), uah(totals.recalculationKop)],
    [t("totTotalKop"), uah(totals.totalKop)],
    [t("totPlannedKop"), uah(totals.plannedKop)],
  ]);
}

export function billingRunBody(
  ctx: ConsoleContext,
  run: BillingRunProgress,
  o: { refreshing: boolean },
): Html {
  const t = (k: keyof typeof BILLING, p = {}) => format(BILLING[k], ctx.locale, p);
  const locale = ctx.locale;
  const total = run.accountsTotal;
  const ofTotal = (done: number, all: number | null) =>
    all === null
      ? t("unknownTotal", { done: countText(done, locale) })
      : t("ofTotal", { done: countText(done, locale), total: countText(all, locale) });
  const percent = total ? Math.floor((run.accountsDone * 100) / total) : 0;
  const finished = run.state === "finished";
  const progressMax = finished ? 1 : (total ?? 0) || 1;
  const progressValue = finished ? 1 : run.accountsDone;
  return html`<h1>${t("runTitle", { period: run.period })}</h1>
<section class="billing-run" data-run-events="/console/billing/runs/${String(run.id)}/events" data-run-state="${run.state}" aria-labelledby="run-progress-label">
<p><label id="run-progress-label" for="run-progress">${t("progressLabel")}</label></p>
<progress id="run-progress" max="${String(progressMax)}" value="${String(progressValue)}">${finished ? "100" : String(percent)}%</progress>
<p id="run-status" class="run-status" role="status" aria-live="polite">${runStatusText(run, locale)}</p>
${
  run.state === "running"
    ? html`<noscript><p class="hint">${o.refreshing ? html`${t("refreshNote")} <a href="/console/billing/runs/${String(run.id)}?still=1">${t("stopRefresh")}</a>` : html`<a href="/console/billing/runs/${String(run.id)}">${t("refreshNow")}</a>`}</p></noscript>`
    : ""
}
${
  run.state === "stopped"
    ? postForm(
        ctx,
        `/console/billing/runs?provider=${run.providerCode}`,
        html`<input type="hidden" name="period" value="${run.period}">${button(t("resume"))}`,
      )
    : ""
}
<h2>${t("factsHeading")}</h2>
${summaryList([
  [t("factPeriod"), run.period],
  [t("factState"), html`<span data-run-field="state">${stateText(run.state, locale)}</span>`],
  [t("factStarted"), kyivDateTimeText(run.startedAt)],
  [t("factStartedBy"), startedByText(run.startedBy, locale, run.startedByName)],
  [t("factElapsed"), html`<span data-run-field="elapsed">${elapsedText(run.elapsedSeconds, locale)}</span>`],
  [
    t("factBatches"),
    html`<span data-run-field="batches">${ofTotal(run.batchesDone, run.batchesTotal)}</span>`,
  ],
  [t("factAccounts"), html`<span data-run-field="accounts">${ofTotal(run.accountsDone, total)}</span>`],
])}
${finished && run.totals ? html`<h2>${t("totalsHeading")}</h2>${totalsList(run.totals, locale)}` : ""}
</section>
<p><a href="/console/billing">${t("backToBilling")}</a></p>`;
}

/** What the event stream sends on each tick: the figures and the words the page shows for them. */
export function runEvent(run: BillingRunProgress, locale: Locale) {
  const t = (k: keyof typeof BILLING, p = {}) => format(BILLING[k], locale, p);
  const ofTotal = (done: number, all: number | null) =>
    all === null
      ? t("unknownTotal", { done: countText(done, locale) })
      : t("ofTotal", { done: countText(done, locale), total: countText(all, locale) });
  return {
    state: run.state,
    accountsDone: run.accountsDone,
    accountsTotal: run.accountsTotal,
    batchesDone: run.batchesDone,
    batchesTotal: run.batchesTotal,
    elapsedSeconds: run.elapsedSeconds,
    status: runStatusText(run, locale),
    fields: {
      state: stateText(run.state, locale),
      elapsed: elapsedText(run.elapsedSeconds, locale),
      batches: ofTotal(run.batchesDone, run.batchesTotal),
      accounts: ofTotal(run.accountsDone, run.accountsTotal),
    },
  };
}
