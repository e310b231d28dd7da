// partnerReconcile: the partner's own registry of a Kyiv day compared with the payments we hold for that day, by
// its transaction id. The file is read exactly as the registry import reads a file of the partner's source (its
// parser and line reader), and nothing is posted: what their file has and we lack waits in
// partner_reconciliation_lines for an administrator to post or dismiss (reconciliation-lines.ts). The comparison
// and its lines are stored in one transaction.
import { createHash } from "node:crypto";
import type { ReconciliationLineKind } from "../../db/tables/partners.table.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import { RegistryParser } from "../../domain/registry/parse-registry.ts";
import { readRegistryLine } from "../../domain/registry/read-registry-line.ts";
import { RegistryFileError } from "../../domain/registry/registry-file-error.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findRegistrySource } from "../registries/find-registry-source.ts";
import { registryRefusal } from "../registries/registry-refusal.ts";
import { partnerOfActor } from "./load-partner.ts";
import { partnerDayPayments } from "./partner-day-registry.ts";

export interface ReconciliationLine {
  /** The line's number in the reconciliation (not the file's: a missing_theirs line has no line in the file). */
  lineNo: number;
  kind: ReconciliationLineKind;
  txnId: string | null;
  account: string | null;
  /** Theirs (the file's). */
  amountKop: number | null;
  ourAmountKop: number | null;
  paidOn: string | null;
  /** Why an unreadable line is unreadable (the import's reason, or other_day, duplicate_in_file). */
  reason: string | null;
  /** The file's text of the line. */
  raw: string | null;
}

export interface ReconciliationReport {
  id: number;
  day: string;
  fileName: string;
  matched: { count: number; kop: number };
  mismatched: { count: number; theirKop: number; ourKop: number };
  missingOurs: { count: number; kop: number };
  missingTheirs: { count: number; kop: number };
  unreadable: { count: number };
  theirTotalKop: number;
  ourTotalKop: number;
  lines: ReconciliationLine[];
}

const RAW_CHARS = 1000;

export async function reconcilePartnerDay(
  deps: Deps,
  actor: Extract<Actor, { kind: "partner" }>,
  input: { day: LocalDate; fileName?: string | undefined; content: string },
): Promise<ReconciliationReport> {
  const { db } = deps.database;
  const partner = await partnerOfActor(db, actor);
  const source = await findRegistrySource(db, partner.sourceName);
  const fileName = input.fileName?.trim().slice(0, 200) || `${partner.sourceName}-${input.day}.csv`;
  const now = deps.now();
  const today = kyivDateOf(now);

  // Their file, line by line, as the import would read it: a txn id once, on the day reconciled.
  const theirs = new Map<string, ReconciliationLine & { line: number }>();
  const unreadable: Omit<ReconciliationLine, "lineNo">[] = [];
  const parser = new RegistryParser(source.format, false);
  try {
    for await (const row of parser.rows([input.content])) {
      const raw = row.raw.slice(0, RAW_CHARS);
      const read = readRegistryLine(row, source.format, today);
      const bad = (reason: string) =>
        unreadable.push({
          kind: "unreadable",
          txnId: row.values.reference || null,
          account: row.values.account || null,
          amountKop: read.ok ? read.payment.amountKop : null,
          ourAmountKop: null,
          paidOn: read.ok ? read.payment.paidOn : null,
          reason,
          raw,
        });
      if (!read.ok) bad(read.problem.reason);
      else if (read.payment.paidOn !== input.day) bad("other_day");
      else if (theirs.has(read.payment.reference)) bad("duplicate_in_file");
      else
        theirs.set(read.payment.reference, {
          line: row.line,
          lineNo: 0,
          kind: "missing_ours",
          txnId: read.payment.reference,
          account: read.payment.account,
          amountKop: read.payment.amountKop,
          ourAmountKop: null,
          paidOn: read.payment.paidOn,
          reason: null,
          raw,
        });
    }
  } catch (e) {
    throw e instanceof RegistryFileError ? registryRefusal(e, fileName, source.name) : e;
  }

  const ours = await partnerDayPayments(db, partner.id, input.day);
  const report: Omit<ReconciliationReport, "id" | "lines"> = {
    day: input.day,
    fileName,
    matched: { count: 0, kop: 0 },
    mismatched: { count: 0, theirKop: 0, ourKop: 0 },
    missingOurs: { count: 0, kop: 0 },
    missingTheirs: { count: 0, kop: 0 },
    unreadable: { count: unreadable.length },
    theirTotalKop: [...theirs.values()].reduce((sum, l) => sum + (l.amountKop ?? 0), 0),
    ourTotalKop: ours.reduce((sum, p) => sum + p.amountKop, 0),
  };
  const fromFile: (ReconciliationLine & { line: number })[] = [];
  const missingTheirs: Omit<ReconciliationLine, "lineNo">[] = [];
  for (const p of ours) {
    const their = theirs.get(p.txnId);
    if (!their) {
      report.missingTheirs.count++;
      report.missingTheirs.kop += p.amountKop;
      missingTheirs.push({
        kind: "missing_theirs",
        txnId: p.txnId,
        account: p.account,
        amountKop: null,
        ourAmountKop: p.amountKop,
        paidOn: p.paidOn,
        reason: null,
        raw: null,
      });
      continue;
    }
    theirs.delete(p.txnId);
    if (their.amountKop === p.amountKop) {
      report.matched.count++;
      report.matched.kop += p.amountKop;
      continue;
    }
    report.mismatched.count++;
    report.mismatched.theirKop += their.amountKop ?? 0;
    report.mismatched.ourKop += p.amountKop;
    fromFile.push({ ...their, kind: "mismatched", ourAmountKop: p.amountKop });
  }
  // What is left of their file is what we lack.
  for (const their of theirs.values()) {
    report.missingOurs.count++;
    report.missingOurs.kop += their.amountKop ?? 0;
    fromFile.push(their);
  }
  fromFile.sort((a, b) => a.line - b.line);
  const lines: ReconciliationLine[] = [
    ...fromFile.map(({ line: _line, ...l }) => l),
    ...unreadable.map((l) => ({ ...l, lineNo: 0 })),
    ...missingTheirs.map((l) => ({ ...l, lineNo: 0 })),
  ].map((l, i) => ({ ...l, lineNo: i + 1 }));

  const id = await db.transaction().execute(async (trx) => {
    const made = await trx
      .insertInto("partner_reconciliations")
      .values({
        partner_id: partner.id,
        day: input.day,
        file_name: fileName,
        sha256: createHash("sha256").update(input.content, "utf8").digest("hex"),
        uploaded_at: now,
        matched: report.matched.count,
        matched_kop: report.matched.kop,
        missing_ours: report.missingOurs.count,
        missing_ours_kop: report.missingOurs.kop,
        missing_theirs: report.missingTheirs.count,
        missing_theirs_kop: report.missingTheirs.kop,
        mismatched: report.mismatched.count,
        their_total_kop: report.theirTotalKop,
        our_total_kop: report.ourTotalKop,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (lines.length > 0)
      await trx
        .insertInto("partner_reconciliation_lines")
        .values(
          lines.map((l) => ({
            reconciliation_id: made.id,
            line_no: l.lineNo,
            kind: l.kind,
            txn_id: l.txnId,
            account: l.account,
            amount_kop: l.amountKop,
            our_amount_kop: l.ourAmountKop,
            paid_on: l.paidOn,
            raw: l.raw,
            reason: l.reason,
          })),
        )
        .execute();
    return Number(made.id);
  });
  return { id, ...report, lines };
}
