import type { Generated, JSONColumnType, Selectable } from "kysely";
import type { ServiceCode } from "./reference.table.ts";

export type PaymentOrderStatus = "created" | "processing" | "success" | "failure" | "reversed";

export interface PaymentOrdersTable {
  account_id: number;
  /** A uuid. */
  id: string;
  provider_id: number;
  gateway: string;
  amount_kop: number;
  currency: Generated<"UAH">;
  /** The period's first day, YYYY-MM-01, or null: the payment names no period. */
  period: string | null;
  service_code: ServiceCode | null;
  status: Generated<PaymentOrderStatus>;
  gateway_status: string | null;
  gateway_payment_id: string | null;
  started_by: number | null;
  created_at: Date;
  updated_at: Date;
  paid_at: Date | null;
  reversed_at: Date | null;
  last_callback: JSONColumnType<Record<string, unknown>> | null;
}
export type PaymentOrder = Selectable<PaymentOrdersTable>;

export interface PaymentOrderLookupTable {
  order_id: string;
  account_id: number;
}

export type PaymentCallbackOutcome = "applied" | "unchanged" | "rejected";

export interface PaymentCallbacksTable {
  id: Generated<number>;
  received_at: Date;
  gateway: string;
  order_id: string | null;
  account_id: number | null;
  outcome: PaymentCallbackOutcome;
  reason: string | null;
  signature_valid: boolean;
  gateway_status: string | null;
  payload: JSONColumnType<Record<string, unknown>> | null;
  raw_data: string | null;
  raw_signature: string | null;
  remote_address: string | null;
}
export type PaymentCallback = Selectable<PaymentCallbacksTable>;
