// The platform administrator's review of a partner's reconciliations (reconcile-partner-day.ts): each upload with
// its lines, and for a line their file has and we lack (missing_ours), post it or dismiss it. Posting goes through
// takePartnerPayment as the partner itself, under the line's txn id: the one key every way in shares, so a line
// posted twice, or also delivered by the API or the partner's imported file, is in the ledger once.

import { normalizeAccountNumber } from "../../domain/account-number.ts";
import { kyivDateOf, kyivDateTime } from "../../domain/kyiv-time.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import { accountIdByNumber } from "../accounts/account-by-number.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { loadPartner } from "./load-partner.ts";
import type { ReconciliationLine } from "./reconcile-partner-day.ts";
import { takePartnerPayment } from "./take-partner-payment.ts";

export interface ReviewLine extends ReconciliationLine {
  resolution: "posted" | "dismissed" | null;
  resolvedAt: string | null;
}

export interface ReconciliationView {
  id: number;
  day: string;
  fileName: string;
  uploadedAt: string;
  matched: number;
  matchedKop: number;
  mismatched: number;
  missingOurs: number;
  missingOursKop: number;
  missingTheirs: number;
  missingTheirsKop: number;
  theirTotalKop: number;
  ourTotalKop: number;
  lines: ReviewLine[];
}

/** The txn ids a partner payment may have (partner_payments' check). */
const TXN_ID = /^[A-Za-z0-9._/-]{1,64}$/;
const SHOWN = 50;

async function partnerIdOf(deps: Deps, code: string): Promise<number> {
  const row = await deps.database.db
    .selectFrom("partners")
    .select("id")
    .where("code", "=", code)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found");
  return row.id;
}

/** A partner's latest reconciliations, newest first, with their lines. */
export async function listPartnerReconciliations(
  deps: Deps,
  input: { code: string },
): Promise<ReconciliationView[]> {
  const { db } = deps.database;
  const partnerId = await partnerIdOf(deps, input.code);
  const rows = await db
    .selectFrom("partner_reconciliations")
    .selectAll()
    .where("partner_id", "=", partnerId)
    .orderBy("id", "desc")
    .limit(SHOWN)
    .execute();
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom("partner_reconciliation_lines")
    .selectAll()
    .where(
      "reconciliation_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("reconciliation_id")
    .orderBy("line_no")
    .execute();
  const n = (v: number | string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    id: Number(r.id),
    day: r.day,
    fileName: r.file_name,
    uploadedAt: r.uploaded_at.toISOString(),
    matched: r.matched,
    matchedKop: Number(r.matched_kop),
    mismatched: r.mismatched,
    missingOurs: r.missing_ours,
    missingOursKop: Number(r.missing_ours_kop),
    missingTheirs: r.missing_theirs,
    missingTheirsKop: Number(r.missing_theirs_kop),
    theirTotalKop: Number(r.their_total_kop),
    ourTotalKop: Number(r.our_total_kop),
    lines: lines
      .filter((l) => Number(l.reconciliation_id) === Number(r.id))
      .map((l) => ({
        lineNo: l.line_no,
        kind: l.kind,
        txnId: l.txn_id,
        account: l.account,
        amountKop: n(l.amount_kop),
        ourAmountKop: n(l.our_amount_kop),
        paidOn: l.paid_on,
        reason: l.reason,
        raw: l.raw,
        resolution: l.resolution,
        resolvedAt: l.resolved_at ? l.resolved_at.toISOString() : null,
      })),
  }));
}

export interface LineRef {
  code: string;
  reconciliationId: number;
  lineNo: number;
}

/** The line, of that partner's reconciliation, still waiting for a decision; else why not. */
async function openLine(deps: Deps, ref: LineRef) {
  const partnerId = await partnerIdOf(deps, ref.code);
  const line = await deps.database.db
    .selectFrom("partner_reconciliation_lines as l")
    .innerJoin("partner_reconciliations as r", "r.id", "l.reconciliation_id")
    .selectAll("l")
    .where("r.partner_id", "=", partnerId)
    .where("l.reconciliation_id", "=", ref.reconciliationId)
    .where("l.line_no", "=", ref.lineNo)
    .executeTakeFirst();
  if (!line) throw new AppError("not_found");
  if (line.resolution !== null)
    throw new AppError("partner_reconciliation_line_resolved", { line: ref.lineNo });
  if (line.kind !== "missing_ours")
    throw new AppError("partner_reconciliation_line_not_postable", { line: ref.lineNo });
  return { partnerId, line };
}

/** Marks the line decided, once: a second decision (a concurrent click) finds it decided and is refused. */
async function resolve(
  deps: Deps,
  ref: LineRef,
  resolution: "posted" | "dismissed",
  userId: number,
): Promise<boolean> {
  const done = await deps.database.db
    .updateTable("partner_reconciliation_lines")
    .set({ resolution, resolved_by: userId, resolved_at: deps.now() })
    .where("reconciliation_id", "=", ref.reconciliationId)
    .where("line_no", "=", ref.lineNo)
    .where("resolution", "is", null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function postReconciliationLine(
  deps: Deps,
  admin: Extract<Actor, { kind: "platform_admin" }>,
  ref: LineRef,
): Promise<{ receipt: string; created: boolean; amountKop: number; account: string }> {
  const { db } = deps.database;
  const { partnerId, line } = await openLine(deps, ref);
  if (!line.txn_id || !TXN_ID.test(line.txn_id) || !line.account || !line.amount_kop || !line.paid_on)
    throw new AppError("partner_reconciliation_line_not_postable", { line: ref.lineNo });
  const partner = await loadPartner(db, partnerId);
  const actor: Extract<Actor, { kind: "partner" }> = {
    kind: "partner",
    partnerId,
    userId: partner.userId,
    providerIds: partner.providerIds,
    locale: admin.locale,
  };
  const provider = await providerOf(deps, partner.providerIds, line.account, ref.lineNo);
  // The line says the day, not the hour: the day's last minute, or now on the day itself (never in the future).
  const now = deps.now();
  const day = line.paid_on as LocalDate;
  const paidAt = kyivDateOf(now) === day ? now : kyivDateTime(day, "23:59");
  const taken = await takePartnerPayment(
    deps,
    actor,
    { txnId: line.txn_id, provider, account: line.account, amountKop: Number(line.amount_kop), paidAt },
    "reconciliation",
  );
  if (!(await resolve(deps, ref, "posted", admin.userId)))
    throw new AppError("partner_reconciliation_line_resolved", { line: ref.lineNo });
  return {
    receipt: taken.payment.receipt,
    created: taken.created,
    amountKop: Number(line.amount_kop),
    account: taken.payment.account,
  };
}

export async function dismissReconciliationLine(
  deps: Deps,
  admin: Extract<Actor, { kind: "platform_admin" }>,
  ref: LineRef,
): Promise<void> {
  await openLine(deps, ref);
  if (!(await resolve(deps, ref, "dismissed", admin.userId)))
    throw new AppError("partner_reconciliation_line_resolved", { line: ref.lineNo });
}

/** The line names no provider we kept: the one of the partner's providers that has an account of that number. */
async function providerOf(
  deps: Deps,
  providerIds: number[],
  account: string,
  lineNo: number,
): Promise<string> {
  const { db } = deps.database;
  if (providerIds.length === 0) throw new AppError("not_found");
  const providers = await db
    .selectFrom("providers")
    .select(["id", "code"])
    .where("id", "in", providerIds)
    .orderBy("id")
    .execute();
  const key = normalizeAccountNumber(account);
  const found: string[] = [];
  for (const p of providers) if ((await accountIdByNumber(db, p.id, key)) !== null) found.push(p.code);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new AppError("not_found");
  throw new AppError("partner_reconciliation_line_not_postable", { line: lineNo });
}
