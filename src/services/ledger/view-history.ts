// Charges and payments month by month («Нарахування та платежі»), newest first, a page at a time: each month's
// charges per service, what was paid, and the balance at the month's end. A month is the month of the entries'
// accounting dates, as on the bill (whose amount due is this balance at its period's end). One grouped query over
// the account's ledger index: the running balance needs every earlier month, and an account has a few rows a
// month, so the whole history is summed and the page cut here.
import { sql } from "kysely";
import { kop, negKop, sumKop } from "../../domain/money.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { type Money, money } from "./money-view.ts";

export const HISTORY_PAGE = 12;

export interface HistoryMonth {
  period: string;
  /** Per service; service null: charges of the whole account (an operator's adjustment). */
  charges: { service: string | null; amount: Money }[];
  chargesTotal: Money;
  /** What was paid in the month (positive). */
  payments: Money;
  /** The balance on the month's last day: positive owed, negative paid ahead. */
  balance: Money;
}

export interface HistoryView {
  accountId: number;
  months: HistoryMonth[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

export async function viewHistory(
  deps: Deps,
  options: { actor: Actor; accountId: number; before?: string | undefined; limit?: number | undefined },
): Promise<HistoryView> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const { rows } = await sql<{
    month: string;
    service_code: string | null;
    payment: boolean;
    amount_kop: number;
  }>`
    select to_char(entry_date, 'YYYY-MM') as month, service_code, kind = 'payment' as payment,
      sum(amount_kop)::int8 as amount_kop
    from ledger_entries
    where account_id = ${account.id}
    group by 1, 2, 3
    order by 1, 2 nulls first`.execute(db);

  const months: HistoryMonth[] = [];
  let balance = kop(0);
  for (const r of rows) {
    let month = months.at(-1);
    if (month?.period !== r.month) {
      month = {
        period: r.month,
        charges: [],
        chargesTotal: money(kop(0)),
        payments: money(kop(0)),
        balance: money(balance),
      };
      months.push(month);
    }
    const amount = kop(r.amount_kop);
    balance = kop(balance + amount);
    if (r.payment) month.payments = money(sumKop([kop(month.payments.kop), negKop(amount)]));
    else {
      month.charges.push({ service: r.service_code, amount: money(amount) });
      month.chargesTotal = money(sumKop([kop(month.chargesTotal.kop), amount]));
    }
    month.balance = money(balance);
  }

  const limit = options.limit ?? HISTORY_PAGE;
  const older = months.filter((m) => options.before === undefined || m.period < options.before).reverse();
  const page = older.slice(0, limit);
  return {
    accountId: account.id,
    months: page,
    nextBefore: older.length > limit ? (page.at(-1)?.period ?? null) : null,
  };
}
