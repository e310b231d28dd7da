// The nightly statistics: at 02:40 Kyiv time every provider's current and previous month are recomputed and stored
// (the previous one still changes for a few days: late readings, the billing run, bank registries), and any of the
// last twelve months nothing has stored yet is filled in, so the console reads aggregates, not a year of rows.
// pg-boss runs it on PostgreSQL and on the embedded database alike; between runs an administrator refreshes a month
// from the statistics page, and the current month is always computed when it is viewed.
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { KYIV_TZ_ICU } from "../domain/kyiv-time.ts";
import { addPeriods, firstDay, type Period, prevPeriod } from "../domain/period.ts";
import { listProviders } from "../services/billing/list-providers.ts";
import type { Deps } from "../services/deps.ts";
import { refreshMonthlyStatistics } from "../services/statistics/refresh-monthly-statistics.ts";
import { currentPeriod } from "../services/statistics/statistics-periods.ts";

export const STATISTICS_QUEUE = "statistics";
const NIGHTLY = "40 2 * * *";
const BACKFILL_MONTHS = 12;

export interface StatisticsJobResult {
  months: number;
  rows: number;
}

export async function refreshStatisticsNightly(deps: Deps): Promise<StatisticsJobResult> {
  const current = currentPeriod(deps.now());
  const providers = await listProviders(deps);
  const stored = await deps.database.db
    .selectFrom("monthly_statistics")
    .select(["provider_id", "period"])
    .distinct()
    .where("period", ">=", firstDay(addPeriods(current, -BACKFILL_MONTHS)))
    .execute();
  let months = 0;
  let rows = 0;
  for (const provider of providers) {
    const has = new Set(stored.filter((s) => s.provider_id === provider.id).map((s) => s.period.slice(0, 7)));
    const due: Period[] = [current, prevPeriod(current)];
    for (let i = 2; i <= BACKFILL_MONTHS; i++) {
      const p = addPeriods(current, -i);
      if (!has.has(p)) due.push(p);
    }
    for (const period of due) {
      const done = await refreshMonthlyStatistics(deps, { providers: [provider], period });
      months += 1;
      rows += done.providers[0]?.rows ?? 0;
    }
  }
  return { months, rows };
}

/** Creates the queue, (re)sets its nightly schedule and starts its worker; safe on every start of every process. */
export async function startStatisticsJob(boss: PgBoss, deps: Deps, log: Logger): Promise<void> {
  await boss.createQueue(STATISTICS_QUEUE, {
    name: STATISTICS_QUEUE,
    retryLimit: 2,
    retryDelay: 900,
    expireInSeconds: 3600,
  });
  await boss.schedule(STATISTICS_QUEUE, NIGHTLY, {}, { tz: KYIV_TZ_ICU });
  await boss.work(STATISTICS_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    const result = await refreshStatisticsNightly(deps);
    log.info(result, "statistics: months refreshed");
  });
}
