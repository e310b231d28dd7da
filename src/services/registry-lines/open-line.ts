// What assigning and returning a registry line share: the line as its provider's staff reach it (addressed to
// their provider by the line itself, or by the upload or the source it came through; anything else is "not
// found"), the per-source lock that imports take too (so a line is never settled while a file posts the same
// reference, nor settled twice at once), and the refusal of a line that is no longer open.
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { RegistryLineOutcome } from "../../db/tables/registries.table.ts";
import type { Actor } from "../actor.ts";
import { AppError } from "../errors.ts";
import { LOCK_KEY } from "../registries/import-payment-registry.ts";

export interface OpenLine {
  registryId: number;
  lineNo: number;
  sourceId: number;
  sourceName: string;
  /** The provider it is addressed to; null: none (only a platform administrator reaches it). */
  providerId: number | null;
  providerCode: string | null;
  outcome: RegistryLineOutcome;
  reason: string | null;
  details: Record<string, unknown>;
  reference: string | null;
  amountKop: number | null;
  paidOn: string | null;
}

export interface LineKey {
  registryId: number;
  lineNo: number;
}

/** The line if the caller reaches it, in any outcome; not_found otherwise. */
export async function findLineForActor(
  db: Db | Tx,
  actor: Actor,
  key: LineKey,
  lock = false,
): Promise<OpenLine> {
  const { rows } = await sql<{
    source_id: number;
    source_name: string;
    provider_id: number | null;
    provider_code: string | null;
    outcome: RegistryLineOutcome;
    reason: string | null;
    details: Record<string, unknown>;
    reference: string | null;
    amount_kop: number | null;
    paid_on: string | null;
  }>`
    select l.source_id, s.name as source_name, p.id as provider_id, p.code as provider_code,
           l.outcome, l.reason, l.details, l.reference, l.amount_kop, l.paid_on
    from registry_lines l
    join payment_registries r on r.id = l.registry_id
    join registry_sources s on s.id = l.source_id
    left join providers p on p.id = coalesce(l.provider_id, r.provider_id, s.provider_id)
    where l.registry_id = ${key.registryId}::bigint and l.line_no = ${key.lineNo}::int
    ${lock ? sql`for update of l` : sql``}`.execute(db);
  const row = rows[0];
  if (!row) throw new AppError("not_found");
  if (actor.kind === "resident") throw new AppError("not_found");
  if (actor.kind === "staff" && row.provider_id !== actor.providerId) throw new AppError("not_found");
  return {
    registryId: key.registryId,
    lineNo: key.lineNo,
    sourceId: row.source_id,
    sourceName: row.source_name,
    providerId: row.provider_id,
    providerCode: row.provider_code,
    outcome: row.outcome,
    reason: row.reason,
    details: row.details ?? {},
    reference: row.reference,
    amountKop: row.amount_kop,
    paidOn: row.paid_on,
  };
}

/** Takes the source's import lock, then the line itself, and checks it is still open. */
export async function lockOpenLine(trx: Tx, actor: Actor, key: LineKey): Promise<OpenLine> {
  const seen = await findLineForActor(trx, actor, key);
  await sql`select pg_advisory_xact_lock(${LOCK_KEY}, ${seen.sourceId})`.execute(trx);
  const line = await findLineForActor(trx, actor, key, true);
  if (line.outcome !== "unmatched" && line.outcome !== "malformed")
    throw new AppError("registry_line_settled", { outcome: line.outcome }, { outcome: line.outcome });
  return line;
}

/** The line's registry counts the line under its new outcome: its counts stay the count of its lines. */
export async function recount(trx: Tx, line: OpenLine, to: "posted" | "returned"): Promise<void> {
  const from = line.outcome === "malformed" ? sql`malformed = malformed - 1` : sql`unmatched = unmatched - 1`;
  const into =
    to === "posted"
      ? sql`posted = posted + 1, posted_kop = posted_kop + ${line.amountKop ?? 0}::bigint`
      : sql`returned = returned + 1`;
  await sql`update payment_registries set ${from}, ${into} where id = ${line.registryId}::bigint`.execute(
    trx,
  );
}
