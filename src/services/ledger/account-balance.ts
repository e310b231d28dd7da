// An account's balance on a day: what the ledger says is owed (positive) or paid ahead (negative), in total and
// per service, counting every entry dated up to that day. The per-service figures are the settlement's
// (account-ledger.ts): a payment that named no service counts on the debts it settled, oldest first, and what no
// debt took is the advance — so the services and the advance add up to the total and agree with accountDebts.
import type { Db, Tx } from "../../db/database.ts";
import { type LocalDate, parseLocalDate } from "../../domain/local-date.ts";
import { AppError } from "../errors.ts";
import { type AccountBalance, loadAccountLedger } from "./account-ledger.ts";

export type { AccountBalance, ServiceBalance } from "./account-ledger.ts";

/** `asOf`: a Kyiv calendar date, YYYY-MM-DD, included. */
export async function accountBalance(db: Db | Tx, accountId: number, asOf: string): Promise<AccountBalance> {
  return (await loadAccountLedger(db, accountId, parseAsOf(asOf))).balance();
}

/** The day a ledger view stands at, or a validation error naming the field. */
export function parseAsOf(asOf: string): LocalDate {
  try {
    return parseLocalDate(asOf);
  } catch {
    throw new AppError("validation_failed", { details: "asOf: YYYY-MM-DD" }, { field: "asOf" });
  }
}
