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
  /** The provider's accounts and the run's batches, set as it starts or resumes (migration 0027). */
  accounts_total: Generated<number | null>;
  batches_total: Generated<number | null>;
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

/** What the next billing run needs of a meter zone (migration 0015, docs/billing.md "Register state"). */
export interface RegisterStatesTable {
  account_id: number;
  meter_id: number;
  zone: number;
  provider_id: number;
  /** null: a placeholder a reading written during a run made. */
  period: string | null;
  late_count: Generated<number>;
  version: Generated<number>;
  covered_on: string | null;
  basis_value: number | null;
  basis_period: string | null;
  last_id: number | null;
  last_value: number | null;
  last_kind: string | null;
  last_deemed_on: string | null;
  prev_value: number | null;
  prev_kind: string | null;
  prev_deemed_on: string | null;
  prev_period: string | null;
  pairs_from: string | null;
  pair_from: Generated<string[]>;
  pair_to: Generated<string[]>;
  pair_used: Generated<number[]>;
  estimated_months: number | null;
}
