import type { Generated, JSONColumnType, Selectable } from "kysely";
import type { ServiceCode } from "./reference.table.ts";

export interface TariffsTable {
  id: Generated<number>;
  provider_id: number;
  service_code: ServiceCode;
  settlement_id: number | null;
  effective_from: string;
  effective_to: string | null;
  fixed_fee_kop: Generated<number>;
  norm_per_resident: string | null;
  norm_per_m2: string | null;
  illustrative: Generated<boolean>;
  source: string;
}

export interface TariffBlocksTable {
  tariff_id: number;
  position: number;
  up_to: string | null;
  price_uah: string;
}

export interface TariffZonesTable {
  tariff_id: number;
  zones: number;
  zone: number;
  name: "day" | "night" | "peak" | "half_peak";
  coefficient: string;
}

export type LedgerKind =
  | "charge"
  | "estimated_charge"
  | "recalculation"
  | "payment"
  | "adjustment"
  /** The balance an account carried over from the billing system before this one (debt or advance). */
  | "opening_balance";
export type LedgerSource = "billing" | "payment_gateway" | "bank_registry" | "operator" | "seed" | "import";

export interface LedgerEntriesTable {
  account_id: number;
  id: Generated<number>;
  provider_id: number;
  service_code: ServiceCode | null;
  period: string;
  kind: LedgerKind;
  amount_kop: number;
  entry_date: string;
  posted_at: Generated<Date>;
  source: LedgerSource;
  source_ref: string | null;
  details: JSONColumnType<Record<string, unknown>> | null;
}
export type LedgerEntry = Selectable<LedgerEntriesTable>;
