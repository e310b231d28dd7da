// The balance a resident sees now or on a day: in total, per service, and the advance, from the one settlement
// (account-ledger.ts), so it agrees with the debts, the bill and the statement to the kopiyka.
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { parseAsOf } from "./account-balance.ts";
import { loadAccountLedger } from "./account-ledger.ts";
import { type Money, money } from "./money-view.ts";

export interface BalanceView {
  accountId: number;
  asOf: string;
  total: Money;
  services: { service: string | null; balance: Money }[];
  advance: Money;
}

export async function viewBalance(
  deps: Deps,
  options: { actor: Actor; accountId: number; asOf?: string | undefined },
): Promise<BalanceView> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const asOf = options.asOf ? parseAsOf(options.asOf) : kyivDateOf(deps.now());
  const balance = (await loadAccountLedger(db, account.id, asOf)).balance();
  return {
    accountId: account.id,
    asOf,
    total: money(balance.totalKop),
    services: balance.services.map((s) => ({ service: s.service, balance: money(s.balanceKop) })),
    advance: money(balance.advanceKop),
  };
}
