// A registry as it was imported, read back from what the import kept (payment_registries, registry_lines): for
// the administrator's list of imports and the report page of one, long after the import's own answer is gone.
import type { RegistryLineOutcome } from "../../db/tables/registries.table.ts";

export interface PaymentRegistrySummary {
  id: number;
  source: string;
  /** The provider the file was imported for; null: its lines named their providers (a platform import). */
  providerId: number | null;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  encoding: "utf-8" | "windows-1251";
  encodingDetected: boolean;
  importedAt: Date;
  /** "cli" or "user:<id>". */
  importedBy: string;
  lines: number;
  posted: number;
  duplicates: number;
  unmatched: number;
  malformed: number;
  postedKop: number;
  blankLines: number;
  skippedLines: number;
}

export interface PaymentRegistryLine {
  line: number;
  outcome: Exclude<RegistryLineOutcome, "posted">;
  reason: string;
  message: string;
  reference: string | null;
  account: string | null;
  amountKop: number | null;
  raw: string;
}

export interface PaymentRegistryReport extends PaymentRegistrySummary {
  /** Each outcome's lines and amount (the amounts as the file gives them; a malformed line's may be unknown). */
  outcomes: { outcome: RegistryLineOutcome; lines: number; amountKop: number }[];
  /** The lines not posted, in file order: the first `limit`. */
  problems: PaymentRegistryLine[];
  problemsNotListed: number;
}
