import type { Generated, JSONColumnType, Selectable } from "kysely";

export type RegistryEncodingSetting = "utf-8" | "windows-1251" | "auto";
export type RegistryDateFormat = "YYYY-MM-DD" | "DD.MM.YYYY" | "DD/MM/YYYY" | "DD-MM-YYYY";
/** Our field → the file's column: its header text, or its 1-based position. */
export type RegistryColumns = Record<string, string | number>;

export interface RegistrySourcesTable {
  id: Generated<number>;
  name: string;
  description: Generated<string>;
  provider_id: number | null;
  encoding: Generated<RegistryEncodingSetting>;
  delimiter: Generated<string>;
  decimal_separator: Generated<"." | ",">;
  date_format: Generated<RegistryDateFormat>;
  header: Generated<boolean>;
  columns: JSONColumnType<RegistryColumns>;
  /** The largest amount one line may bring (migration 0011). */
  max_amount_kop: Generated<number>;
  /** Lines above the header (a preamble) and below the payments (a totals line) that are not payments. */
  skip_first_lines: Generated<number>;
  skip_last_lines: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type RegistrySource = Selectable<RegistrySourcesTable>;

export interface PaymentRegistriesTable {
  id: Generated<number>;
  source_id: number;
  provider_id: number | null;
  file_name: string;
  sha256: string;
  size_bytes: number;
  encoding: "utf-8" | "windows-1251";
  encoding_detected: boolean;
  imported_at: Date;
  imported_by: string;
  lines: number;
  posted: number;
  duplicates: number;
  unmatched: number;
  malformed: number;
  posted_kop: number;
  blank_lines: Generated<number>;
  skipped_lines: Generated<number>;
  /** Lines returned to the bank by hand (migration 0024). */
  returned: Generated<number>;
}
export type PaymentRegistry = Selectable<PaymentRegistriesTable>;

/** returned: settled by hand, the payment sent back to the bank (migration 0024). */
export type RegistryLineOutcome = "posted" | "duplicate" | "unmatched" | "malformed" | "returned";

export interface RegistryLinesTable {
  registry_id: number;
  line_no: number;
  source_id: number;
  raw: string;
  outcome: RegistryLineOutcome;
  reason: string | null;
  details: JSONColumnType<Record<string, unknown>>;
  reference: string | null;
  provider_id: number | null;
  account_id: number | null;
  /** The payment as the file gives it, positive; the ledger entry is its negative. */
  amount_kop: number | null;
  paid_on: string | null;
  /** Settled by hand (migration 0024): when, by whom, what the import had made of it, and a return's reason. */
  settled_at: Date | null;
  settled_by: number | null;
  settled_from: "unmatched" | "malformed" | null;
  settled_reason: string | null;
  return_note: string | null;
}
export type RegistryLine = Selectable<RegistryLinesTable>;
