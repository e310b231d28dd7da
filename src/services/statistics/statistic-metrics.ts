// What the statistics count, in the order the console shows them, and the rows they come as. Definitions are in
// docs/console.md ("Statistics"); compute-monthly-statistics.ts is their one implementation.
import type { StatisticMetric } from "../../db/tables/statistics.table.ts";

export type { StatisticMetric };

export const STATISTIC_METRICS: readonly StatisticMetric[] = [
  "active_residents",
  "readings_submitted",
  "readings_late",
  "bills_issued",
  "bills_estimated",
  "payments",
  "logged_actions",
  "calls",
  "conversations",
];

/** Metrics no table feeds yet (the messengers' conversations): shown as "no data yet". */
export const METRICS_WITHOUT_SOURCE: readonly StatisticMetric[] = ["conversations"];

/** Metrics that carry money (kopiykas) beside their count. */
export const METRICS_WITH_AMOUNT: readonly StatisticMetric[] = [
  "bills_issued",
  "bills_estimated",
  "payments",
];

/** The channel of a figure with no channel, or of the distinct total over channels (active residents). */
export const ALL_CHANNELS = "all";

/** The doors first, in the order residents meet them; payment ways and anything else after, by name. */
const CHANNEL_ORDER = [
  ALL_CHANNELS,
  "web",
  "api",
  "voice",
  "viber",
  "telegram",
  "facebook",
  "sms",
  "contact_centre",
  "import",
  "bank",
];

export function compareChannels(a: string, b: string): number {
  const ia = CHANNEL_ORDER.indexOf(a);
  const ib = CHANNEL_ORDER.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  return a.localeCompare(b);
}

/** One figure of one provider-month. */
export interface StatisticRow {
  metric: StatisticMetric;
  channel: string;
  value: number;
  /** Kopiykas, for the metrics that carry money; null otherwise. */
  amountKop: number | null;
}

/** A channel as the table keeps it (lower-case letters, digits, underscores): a gateway's or a door's name. */
export function channelKey(name: string): string {
  const key = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .slice(0, 40);
  return key === "" ? "other" : key;
}
