// The operator's second queue: bank registry lines addressed to their provider (by the line's own recipient, or by
// the upload or the source it came through) that were not posted and not yet settled — unmatched (no such account,
// service…) or malformed (an amount or date that cannot be read) — in file order, oldest file first. Each with what
// the bank wrote (payer, account, amount, date) and why the import did not post it, in the caller's language.
import { sql } from "kysely";
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { lineMessage } from "../registries/line-reasons.ts";

export interface UnmatchedLine {
  registryId: number;
  lineNo: number;
  fileName: string;
  source: string;
  importedAt: string;
  providerCode: string | null;
  outcome: "unmatched" | "malformed";
  reason: string;
  message: string;
  reference: string | null;
  /** The account as the line wrote it (null: the line gave none, or it was imported before it was kept). */
  account: string | null;
  payer: string | null;
  amountKop: number | null;
  paidOn: string | null;
  /** It reads as a payment (reference, amount, date): it can be posted to an account, else only returned. */
  assignable: boolean;
  raw: string;
}

export interface UnmatchedLines {
  lines: UnmatchedLine[];
  /** The `after` of the next page ("registryId:lineNo"); null when this is the last. */
  next: string | null;
}

export async function listUnmatchedRegistryLines(
  deps: Deps,
  options: { actor: Actor; locale: Locale; limit: number; after?: string | undefined },
): Promise<UnmatchedLines> {
  const { actor, limit } = options;
  const [afterRegistry, afterLine] = (options.after ?? "0:0").split(":").map(Number) as [number, number];
  const whose =
    actor.kind === "staff"
      ? sql`and coalesce(l.provider_id, r.provider_id, s.provider_id) = ${actor.providerId}::int`
      : sql``;
  const { rows } = await sql<{
    registry_id: number;
    line_no: number;
    file_name: string;
    source: string;
    imported_at: Date;
    provider_code: string | null;
    outcome: "unmatched" | "malformed";
    reason: string;
    details: Record<string, unknown>;
    reference: string | null;
    amount_kop: number | null;
    paid_on: string | null;
    raw: string;
  }>`
    select l.registry_id, l.line_no, r.file_name, s.name as source, r.imported_at, p.code as provider_code,
           l.outcome, l.reason, l.details, l.reference, l.amount_kop, l.paid_on, l.raw
    from registry_lines l
    join payment_registries r on r.id = l.registry_id
    join registry_sources s on s.id = l.source_id
    left join providers p on p.id = coalesce(l.provider_id, r.provider_id, s.provider_id)
    where l.outcome in ('unmatched', 'malformed') ${whose}
      and (l.registry_id, l.line_no) > (${afterRegistry}::bigint, ${afterLine}::int)
    order by l.registry_id, l.line_no
    limit ${limit + 1}`.execute(deps.database.db);
  const page = rows.slice(0, limit);
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  return {
    lines: page.map((r) => ({
      registryId: r.registry_id,
      lineNo: r.line_no,
      fileName: r.file_name,
      source: r.source,
      importedAt: r.imported_at.toISOString(),
      providerCode: r.provider_code,
      outcome: r.outcome,
      reason: r.reason,
      message: lineMessage(r.reason, r.details ?? {}, options.locale),
      reference: r.reference,
      account: text(r.details?.["account"]),
      payer: text(r.details?.["payer"]),
      amountKop: r.amount_kop,
      paidOn: r.paid_on,
      assignable: r.reference !== null && r.amount_kop !== null && r.paid_on !== null,
      raw: r.raw,
    })),
    next: rows.length > limit ? `${page.at(-1)!.registry_id}:${page.at(-1)!.line_no}` : null,
  };
}
