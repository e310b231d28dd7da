// The foot of the account's last bill, for a bot's "how much do I pay": the period, the amount due, and the
// planned payment for the month after. Due dates are not kept by the platform's billing yet: dueOn is null.
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { loadLastBillSummary } from "./last-bill-summary.ts";
import { type Money, money } from "./money-view.ts";

export interface LastBillView {
  accountId: number;
  period: string;
  amountDue: Money;
  dueOn: string | null;
  planned: { period: string; services: { service: string; amount: Money }[]; total: Money };
}

/** not_found when the provider has billed no period yet. */
export async function viewLastBill(
  deps: Deps,
  options: { actor: Actor; accountId: number },
): Promise<LastBillView> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const bill = await loadLastBillSummary(db, account);
  if (!bill) throw new AppError("not_found");
  return {
    accountId: account.id,
    period: bill.period,
    amountDue: money(bill.amountDueKop),
    dueOn: null,
    planned: {
      period: bill.planned.period,
      services: bill.planned.services.map((s) => ({ service: s.service, amount: money(s.amountKop) })),
      total: money(bill.planned.totalKop),
    },
  };
}
