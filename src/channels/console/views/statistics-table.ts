// A metric's figures laid out for the page and the CSV alike: channels as rows, months as columns, and a total per
// month (the distinct 'all' row where the metric has one, as active residents do; else the channels' sum).
import type { OutputOf } from "../../../services/registry.ts";
import { compareChannels } from "../../../services/statistics/statistic-metrics.ts";

export type StatisticsOutput = OutputOf<"getMonthlyStatistics">;

export interface MetricGrid {
  metric: string;
  periods: string[];
  channels: string[];
  /** By channel, one figure per period (0 where none). */
  values: Map<string, number[]>;
  amounts: Map<string, number[]>;
  total: number[];
  totalAmount: number[];
  hasAmount: boolean;
  /** Any row at all in the range. */
  hasRows: boolean;
}

export function metricGrid(out: StatisticsOutput, metric: string): MetricGrid {
  const periods = out.months.map((m) => m.period);
  const channels: string[] = [];
  const values = new Map<string, number[]>();
  const amounts = new Map<string, number[]>();
  let hasAmount = false;
  let hasRows = false;
  out.months.forEach((month, i) => {
    for (const row of month.rows) {
      if (row.metric !== metric) continue;
      hasRows = true;
      if (!values.has(row.channel)) {
        channels.push(row.channel);
        values.set(
          row.channel,
          periods.map(() => 0),
        );
        amounts.set(
          row.channel,
          periods.map(() => 0),
        );
      }
      values.get(row.channel)![i] = row.value;
      if (row.amountKop !== null) {
        hasAmount = true;
        amounts.get(row.channel)![i] = row.amountKop;
      }
    }
  });
  const all = values.get("all");
  const sum = (grid: Map<string, number[]>) =>
    periods.map((_, i) =>
      channels.filter((c) => c !== "all").reduce((acc, c) => acc + (grid.get(c)?.[i] ?? 0), 0),
    );
  return {
    metric,
    periods,
    channels: channels.filter((c) => c !== "all").sort(compareChannels),
    values,
    amounts,
    total: all ?? sum(values),
    totalAmount: amounts.get("all") ?? sum(amounts),
    hasAmount,
    hasRows,
  };
}
