// A provider's statistics for a range of months: the stored aggregates (the nightly job recounts the current and
// the previous month; "refresh now" recounts one at once), and, computed on the spot (not stored), any month no
// refresh has stored yet. Reading stored figures keeps the page fast on a region of a million accounts, where
// recounting one provider-month takes seconds.
import { type Period, periodOf } from "../../domain/period.ts";
import type { ProviderRef } from "../billing/find-provider.ts";
import type { Deps } from "../deps.ts";
import { computeMonthlyStatistics } from "./compute-monthly-statistics.ts";
import { compareChannels, STATISTIC_METRICS, type StatisticRow } from "./statistic-metrics.ts";

export interface MonthStatistics {
  period: Period;
  /** When the stored figures were computed; null: computed now, for this answer. */
  computedAt: Date | null;
  rows: StatisticRow[];
}

export async function getMonthlyStatistics(
  deps: Deps,
  o: { provider: ProviderRef; periods: Period[] },
): Promise<MonthStatistics[]> {
  if (o.periods.length === 0) return [];
  const stored = await deps.database.db
    .selectFrom("monthly_statistics")
    .select(["period", "metric", "channel", "value", "amount_kop", "computed_at"])
    .where("provider_id", "=", o.provider.id)
    .where("period", ">=", `${o.periods[0]}-01`)
    .where("period", "<=", `${o.periods.at(-1)}-01`)
    .execute();
  const months: MonthStatistics[] = [];
  for (const period of o.periods) {
    const mine = stored.filter((r) => periodOf(r.period) === period);
    if (mine.length > 0) {
      months.push({
        period,
        computedAt: mine[0]!.computed_at,
        rows: sorted(
          mine.map((r) => ({
            metric: r.metric,
            channel: r.channel,
            value: r.value,
            amountKop: r.amount_kop,
          })),
        ),
      });
    } else {
      const rows = await computeMonthlyStatistics(deps.database.db, o.provider.id, period);
      months.push({ period, computedAt: null, rows: sorted(rows) });
    }
  }
  return months;
}

function sorted(rows: StatisticRow[]): StatisticRow[] {
  return rows.sort(
    (a, b) =>
      STATISTIC_METRICS.indexOf(a.metric) - STATISTIC_METRICS.indexOf(b.metric) ||
      compareChannels(a.channel, b.channel),
  );
}
