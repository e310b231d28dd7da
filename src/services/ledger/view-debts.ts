// The open debts a resident sees, by period and service, oldest first, and the advance: the settlement of the
// ledger up to a day (now by default), the same one the balance and the bill use.
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { parseAsOf } from "./account-balance.ts";
import { loadAccountLedger, WHOLE_ACCOUNT } from "./account-ledger.ts";
import { type Money, money } from "./money-view.ts";

export interface DebtsView {
  accountId: number;
  asOf: string;
  outstanding: { period: string; service: string | null; amount: Money }[];
  advance: Money;
  total: Money;
}

export async function viewDebts(
  deps: Deps,
  options: { actor: Actor; accountId: number; asOf?: string | undefined },
): Promise<DebtsView> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const asOf = options.asOf ? parseAsOf(options.asOf) : kyivDateOf(deps.now());
  const ledger = await loadAccountLedger(db, account.id, asOf);
  const settled = ledger.settle();
  return {
    accountId: account.id,
    asOf,
    outstanding: settled.outstanding.map((d) => ({
      period: d.period,
      service: d.service === WHOLE_ACCOUNT ? null : d.service,
      amount: money(d.amountKop),
    })),
    advance: money(settled.advanceKop),
    total: money(ledger.totalKop),
  };
}
