// The monthly aggregates of the console's statistics (migration 0028).
export type StatisticMetric =
  | "active_residents"
  | "readings_submitted"
  | "readings_late"
  | "bills_issued"
  | "bills_estimated"
  | "payments"
  | "logged_actions"
  | "calls"
  | "conversations";

export interface MonthlyStatisticsTable {
  provider_id: number;
  /** YYYY-MM-01. */
  period: string;
  metric: StatisticMetric;
  channel: string;
  value: number;
  amount_kop: number | null;
  computed_at: Date;
}
