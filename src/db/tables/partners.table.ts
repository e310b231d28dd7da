// Banks, terminal networks and aggregators, their keys, and the payments they took (migration 0034).
import type { ColumnType, Generated } from "kysely";

export interface PartnersTable {
  id: Generated<number>;
  code: string;
  name: string;
  registry_source_id: number;
  terminal_protocol: Generated<boolean>;
  /** Addresses or networks (CIDR); empty: any. */
  ip_allow: ColumnType<string[], string[] | undefined, string[]>;
  rate_per_minute: Generated<number>;
  min_payment_kop: Generated<number>;
  max_payment_kop: Generated<number>;
  daily_limit_kop: Generated<number>;
  user_id: number;
  created_at: Generated<Date>;
  disabled_at: Date | null;
}

export interface PartnerProvidersTable {
  partner_id: number;
  provider_id: number;
}

export interface PartnerKeysTable {
  key_id: string;
  partner_id: number;
  secret: string;
  created_at: Generated<Date>;
  expires_at: Date | null;
}

export interface PartnerSignaturesTable {
  signature: string;
  seen_at: Date;
}

export type PartnerPaymentChannel = "api" | "terminal" | "reconciliation";

export interface PartnerPaymentsTable {
  partner_id: number;
  txn_id: string;
  receipt: string;
  account_id: number;
  account_number: string;
  provider_id: number;
  amount_kop: number;
  paid_at: Date;
  paid_on: string;
  service_code: string | null;
  period: string;
  request_hash: string;
  channel: PartnerPaymentChannel;
  created_at: Date;
  cancelled_at: Date | null;
}

export interface PartnerDayTotalsTable {
  partner_id: number;
  day: string;
  taken_kop: number;
}

export interface PartnerReconciliationsTable {
  id: Generated<number>;
  partner_id: number;
  day: string;
  file_name: string;
  sha256: string;
  uploaded_at: Date;
  matched: number;
  matched_kop: number;
  missing_ours: number;
  missing_ours_kop: number;
  missing_theirs: number;
  missing_theirs_kop: number;
  mismatched: number;
  their_total_kop: number;
  our_total_kop: number;
}

export type ReconciliationLineKind = "missing_ours" | "missing_theirs" | "mismatched" | "unreadable";

export interface PartnerReconciliationLinesTable {
  reconciliation_id: number;
  line_no: number;
  kind: ReconciliationLineKind;
  txn_id: string | null;
  account: string | null;
  amount_kop: number | null;
  our_amount_kop: number | null;
  paid_on: string | null;
  raw: string | null;
  reason: string | null;
  resolution: "posted" | "dismissed" | null;
  resolved_by: number | null;
  resolved_at: Date | null;
}
