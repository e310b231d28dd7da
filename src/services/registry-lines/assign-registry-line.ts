// An operator settles a registry line that matched no account by naming the account: the payment is posted to its
// ledger exactly as the import posts a matched line (decide-registry-lines.ts: kind payment, negative, dated the
// day paid, in the month the line names or else the month paid, source_ref "<source>:<reference>"), and the line
// becomes posted with that account, in one transaction. It posts once: the source's import lock orders it after
// any import and any other settlement of the source, the line must still be open when the lock is held, and a
// reference this source already posted (in registry_lines or in the account's ledger) is refused.
import { sql } from "kysely";
import { ensurePeriodPartitions } from "../../db/period-partitions.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import { findAccountByNumberForActor } from "../accounts/find-account-by-number-for-actor.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { postLedgerEntries } from "../ledger/post-entries.ts";
import { findLineForActor, type LineKey, lockOpenLine, type OpenLine, recount } from "./open-line.ts";

const SERVICES: readonly string[] = ["electricity", "cold_water", "hot_water", "gas", "heating", "sewerage"];

export interface AssignedLine {
  registryId: number;
  lineNo: number;
  outcome: "posted";
  accountId: number;
  accountNumber: string;
  amountKop: number;
  paidOn: string;
  settledAt: string;
}

/** The month the payment goes to: the one the line names, else the month it was paid in (as the import does). */
function periodOf(line: OpenLine): string {
  const named = line.details["period"];
  return typeof named === "string" && /^\d{4}-\d{2}$/.test(named)
    ? `${named}-01`
    : `${line.paidOn!.slice(0, 7)}-01`;
}

/** The account as the operator named it: by id, or by its number at the line's provider, typed any way. */
async function accountIdOf(
  deps: Deps,
  actor: Actor,
  line: OpenLine,
  account: { accountId?: number | undefined; accountNumber?: string | undefined },
): Promise<number> {
  if (account.accountId !== undefined) return account.accountId;
  const number = (account.accountNumber ?? "").trim();
  if (number === "") throw new AppError("registry_line_account_missing", {}, { field: "accountNumber" });
  if (line.providerCode === null)
    throw new AppError("registry_line_no_provider", {}, { field: "accountNumber" });
  try {
    const found = await findAccountByNumberForActor(deps, { actor, provider: line.providerCode, number });
    return found.id;
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "not_found") throw e;
    throw new AppError(
      "registry_line_account_unknown",
      { number, provider: line.providerCode },
      { field: "accountNumber" },
    );
  }
}

export async function assignRegistryLine(
  deps: Deps,
  options: { actor: Actor; accountId?: number | undefined; accountNumber?: string | undefined } & LineKey,
): Promise<AssignedLine> {
  const { actor } = options;
  const key = { registryId: options.registryId, lineNo: options.lineNo };
  const now = deps.now();
  const { db } = deps.database;
  // Whose line first: another provider's is "not found" whatever account is named.
  const seen = await findLineForActor(db, actor, key);
  const accountId = await accountIdOf(deps, actor, seen, options);
  // The month's partition made apart, as the import does: on Citus a partition is distributed as it is attached,
  // which it refuses inside a transaction that has already written to shards.
  if (deps.database.engine === "postgres" && seen.paidOn !== null)
    await ensurePeriodPartitions(db, "ledger_entries", [periodOf(seen)]);
  return db.transaction().execute(async (trx) => {
    const line = await lockOpenLine(trx, actor, key);
    const account = await findAccountForActor(trx, actor, accountId);
    if (line.providerId !== null && account.providerId !== line.providerId)
      throw new AppError("registry_line_other_provider", { number: account.number }, { field: "accountId" });
    if (line.reference === null || line.amountKop === null || line.paidOn === null)
      throw new AppError("registry_line_not_payable");
    const reference = line.reference;
    const { rows: posted } = await sql<{ registry_id: number; line_no: number }>`
      select registry_id, line_no from registry_lines
      where source_id = ${line.sourceId}::int and outcome = 'posted' and lower(reference) = lower(${reference})
      limit 1`.execute(trx);
    const sourceRef = `${line.sourceName}:${reference}`;
    const inLedger = await trx
      .selectFrom("ledger_entries")
      .select("id")
      .where("account_id", "=", account.id)
      .where("source", "=", "bank_registry")
      .where("source_ref", "=", sourceRef)
      .limit(1)
      .executeTakeFirst();
    if (posted[0] || inLedger) {
      throw new AppError(
        "registry_line_reference_posted",
        { reference },
        posted[0] ? { registryId: posted[0].registry_id, line: posted[0].line_no } : {},
      );
    }
    const named = line.details["period"];
    const service = line.details["service"];
    const serviceCode =
      typeof service === "string" && SERVICES.includes(service) ? (service as ServiceCode) : null;
    const entries = await postLedgerEntries(trx, [
      {
        account_id: account.id,
        provider_id: account.providerId,
        service_code: serviceCode,
        period: periodOf(line),
        kind: "payment",
        amount_kop: -line.amountKop,
        entry_date: line.paidOn,
        source: "bank_registry",
        source_ref: sourceRef,
        details: {
          registry_id: line.registryId,
          line: line.lineNo,
          ...(typeof named === "string" ? { period: named } : {}),
          ...(serviceCode ? { service: serviceCode } : {}),
        },
      },
    ]);
    if (entries !== 1) throw new AppError("registry_line_reference_posted", { reference });
    await trx
      .updateTable("registry_lines")
      .set({
        outcome: "posted",
        reason: null,
        account_id: account.id,
        provider_id: account.providerId,
        settled_at: now,
        settled_by: actor.userId,
        settled_from: line.outcome as "unmatched" | "malformed",
        settled_reason: line.reason,
      })
      .where("registry_id", "=", line.registryId)
      .where("line_no", "=", line.lineNo)
      .execute();
    await recount(trx, line, "posted");
    return {
      registryId: line.registryId,
      lineNo: line.lineNo,
      outcome: "posted",
      accountId: account.id,
      accountNumber: account.number,
      amountKop: line.amountKop,
      paidOn: line.paidOn,
      settledAt: now.toISOString(),
    };
  });
}
