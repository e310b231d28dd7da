// An account's open debts on a day, per period and service, and its advance: the ledger's entries up to that
// day settled oldest first (domain/billing/settlement.ts, read by account-ledger.ts). A payment pays what its
// details name or the service it was posted to, then the oldest debts.
import type { Db, Tx } from "../../db/database.ts";
import type { Kopiykas } from "../../domain/money.ts";
import type { Period } from "../../domain/period.ts";
import { parseAsOf } from "./account-balance.ts";
import { loadAccountLedger, WHOLE_ACCOUNT } from "./account-ledger.ts";

export interface AccountDebt {
  period: Period;
  /** null: a charge for the whole account rather than one service. */
  service: string | null;
  amountKop: Kopiykas;
}

export interface AccountDebts {
  /** Positive amounts, oldest first (by period, then service code). */
  outstanding: AccountDebt[];
  advanceKop: Kopiykas;
  /** The balance: Σ outstanding − advance. */
  totalKop: Kopiykas;
}

/** `asOf`: a Kyiv calendar date, YYYY-MM-DD, included. */
export async function accountDebts(db: Db | Tx, accountId: number, asOf: string): Promise<AccountDebts> {
  const ledger = await loadAccountLedger(db, accountId, parseAsOf(asOf));
  const settled = ledger.settle();
  return {
    outstanding: settled.outstanding.map((d) => ({
      period: d.period,
      service: d.service === WHOLE_ACCOUNT ? null : d.service,
      amountKop: d.amountKop,
    })),
    advanceKop: settled.advanceKop,
    totalKop: ledger.totalKop,
  };
}
