import type { Generated, JSONColumnType } from "kysely";
import type { ServiceCode } from "./reference.table.ts";

export interface BillingRunsTable {
  id: Generated<number>;
  provider_id: number;
  period: string;
  status: "running" | "finished";
  started_at: Generated<Date>;
  finished_at: Date | null;
  started_by: string;
  totals: JSONColumnType<Record<string, unknown>> | null;
}

export interface BillingRunBatchesTable {
  run_id: number;
  account_from: number;
  account_to: number;
  accounts: number;
  /** What the batch's inserts added (billing-totals.ts); null for batches of runs before migration 0016. */
  totals: unknown | null;
}

export interface ClosedPeriodsTable {
  provider_id: number;
  period: string;
  closed_at: Generated<Date>;
  run_id: number;
}

/** opening: the last reading a previous billing system billed, the basis the first run measures from. */
export type BilledUsageMethod = "actual" | "average" | "norm" | "none" | "unmetered" | "opening";

export interface BilledUsageTable {
  account_id: number;
  meter_id: number | null;
  zone: Generated<number>;
  period: string;
  service_code: ServiceCode;
  provider_id: number;
  method: BilledUsageMethod;
  quantity: string;
  from_value: string | null;
  to_value: string | null;
  to_reading_id: number | null;
  amount_kop: number;
  /** null on an 'opening' row: no run of ours billed it. */
  run_id: number | null;
}

export interface PlannedPaymentsTable {
  account_id: number;
  period: string;
  service_code: ServiceCode;
  provider_id: number;
  amount_kop: number;
  run_id: number;
}
