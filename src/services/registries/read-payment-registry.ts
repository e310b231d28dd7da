// One imported registry read back with its report: the counts the import kept, each outcome's amount, and the
// lines not posted with their reasons in the reader's language (line-reasons.ts). Scoped as the import is: the
// provider's administrators and platform administrators; another provider's registry is "not found", and so is a
// registry imported for no one provider (its lines name theirs) for anyone but a platform administrator.
import { sql } from "kysely";
import type { RegistryLineOutcome } from "../../db/tables/registries.table.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { authorizeRegistryImport } from "./authorize-registry-import.ts";
import { lineMessage } from "./line-reasons.ts";
import type {
  PaymentRegistryLine,
  PaymentRegistryReport,
  PaymentRegistrySummary,
} from "./payment-registry-view.ts";

export type { PaymentRegistrySummary };

export const registrySummaryColumns = [
  "r.id",
  "s.name as source",
  "r.provider_id",
  "r.file_name",
  "r.sha256",
  "r.size_bytes",
  "r.encoding",
  "r.encoding_detected",
  "r.imported_at",
  "r.imported_by",
  "r.lines",
  "r.posted",
  "r.duplicates",
  "r.unmatched",
  "r.malformed",
  "r.posted_kop",
  "r.blank_lines",
  "r.skipped_lines",
] as const;

interface SummaryRow {
  id: number;
  source: string;
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
  posted_kop: number | string;
  blank_lines: number;
  skipped_lines: number;
}

export function summaryOf(r: SummaryRow): PaymentRegistrySummary {
  return {
    id: Number(r.id),
    source: r.source,
    providerId: r.provider_id,
    fileName: r.file_name,
    sha256: r.sha256,
    sizeBytes: Number(r.size_bytes),
    encoding: r.encoding,
    encodingDetected: r.encoding_detected,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    lines: r.lines,
    posted: r.posted,
    duplicates: r.duplicates,
    unmatched: r.unmatched,
    malformed: r.malformed,
    postedKop: Number(r.posted_kop),
    blankLines: r.blank_lines,
    skippedLines: r.skipped_lines,
  };
}

const DEFAULT_LIMIT = 1_000;

export async function getPaymentRegistry(
  deps: Deps,
  options: { actor: Actor; registryId: number; locale: Locale; limit?: number },
): Promise<PaymentRegistryReport> {
  const { db } = deps.database;
  const row = await db
    .selectFrom("payment_registries as r")
    .innerJoin("registry_sources as s", "s.id", "r.source_id")
    .select(registrySummaryColumns)
    .where("r.id", "=", options.registryId)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found");
  if (row.provider_id === null) {
    if (options.actor.kind !== "platform_admin") throw new AppError("not_found");
  } else {
    await authorizeRegistryImport(deps, { actor: options.actor, provider: row.provider_id });
  }
  const summary = summaryOf(row);
  const { rows: outcomes } = await sql<{ outcome: RegistryLineOutcome; lines: number; kop: string }>`
    select outcome, count(*)::int as lines, coalesce(sum(amount_kop), 0)::bigint as kop
    from registry_lines where registry_id = ${summary.id}
    group by outcome`.execute(db);
  const limit = options.limit ?? DEFAULT_LIMIT;
  const problems = await db
    .selectFrom("registry_lines")
    .select(["line_no", "outcome", "reason", "details", "reference", "amount_kop", "raw"])
    .where("registry_id", "=", summary.id)
    .where("outcome", "<>", "posted")
    .orderBy("line_no")
    .limit(limit)
    .execute();
  const notPosted = summary.lines - summary.posted;
  // The four outcomes always, in the import's order; any other a later change records, after them.
  const known: RegistryLineOutcome[] = ["posted", "duplicate", "unmatched", "malformed"];
  const order = [...known, ...outcomes.map((o) => o.outcome).filter((o) => !known.includes(o))];
  return {
    ...summary,
    outcomes: order.map((outcome) => {
      const o = outcomes.find((r) => r.outcome === outcome);
      return { outcome, lines: o?.lines ?? 0, amountKop: Number(o?.kop ?? 0) };
    }),
    problems: problems.map(
      (p): PaymentRegistryLine => ({
        line: p.line_no,
        outcome: p.outcome as PaymentRegistryLine["outcome"],
        reason: p.reason ?? "",
        message: p.reason ? lineMessage(p.reason, p.details, options.locale) : "",
        reference: p.reference,
        account: typeof p.details["account"] === "string" ? p.details["account"] : null,
        amountKop: p.amount_kop === null ? null : Number(p.amount_kop),
        raw: p.raw,
      }),
    ),
    problemsNotListed: Math.max(0, notPosted - problems.length),
  };
}
