// An account's open debts on a day, per period and service, and its advance: the ledger's entries up to that
// day settled oldest first (domain/billing/settlement.ts). Every entry but a payment is a charge of its
// period and service (recalculations and adjustments may be negative); a payment pays what its details name
// ({"period": "YYYY-MM", "service": "…"}, as a gateway or a bank registry line records it) or the service it
// was posted to, then the oldest debts.
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { LedgerKind } from "../../db/tables/money.table.ts";
import { type Charge, type Payment, settleOldestFirst } from "../../domain/billing/settlement.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import { type Kopiykas, kop, negKop, sumKop } from "../../domain/money.ts";
import { type Period, parsePeriod } from "../../domain/period.ts";
import { parseAsOf } from "./account-balance.ts";

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

// Entries without a service settle as one more "service" that sorts before every code.
const WHOLE_ACCOUNT = "";
const NAMED_PERIOD = /^\d{4}-\d{2}(-01)?$/;

/** `asOf`: a Kyiv calendar date, YYYY-MM-DD, included. */
export async function accountDebts(db: Db | Tx, accountId: number, asOf: string): Promise<AccountDebts> {
  const day = parseAsOf(asOf);
  const { rows } = await sql<{
    period: string;
    service_code: string | null;
    kind: LedgerKind;
    amount_kop: number;
    entry_date: string;
    named_period: string | null;
    named_service: string | null;
  }>`
    select period, service_code, kind, amount_kop, entry_date,
      details ->> 'period' as named_period, details ->> 'service' as named_service
    from ledger_entries
    where account_id = ${accountId} and entry_date <= ${day}::date
    order by entry_date, id`.execute(db);

  const charges: Charge[] = [];
  const payments: Payment[] = [];
  for (const r of rows) {
    if (r.kind !== "payment") {
      charges.push({
        period: r.period.slice(0, 7) as Period,
        service: r.service_code ?? WHOLE_ACCOUNT,
        amountKop: kop(r.amount_kop),
      });
      continue;
    }
    const payment: Payment = { date: r.entry_date as LocalDate, amountKop: negKop(kop(r.amount_kop)) };
    const period = namedPeriod(r.named_period);
    if (period) payment.period = period;
    const service = r.named_service || r.service_code;
    if (service) payment.service = service;
    payments.push(payment);
  }

  const settled = settleOldestFirst(charges, payments);
  return {
    outstanding: settled.outstanding.map((d) => ({
      period: d.period,
      service: d.service === WHOLE_ACCOUNT ? null : d.service,
      amountKop: d.amountKop,
    })),
    advanceKop: settled.advanceKop,
    totalKop: sumKop(rows.map((r) => kop(r.amount_kop))),
  };
}

/** "YYYY-MM" or the month's first day; anything else (free text from a bank line) names no period. */
function namedPeriod(text: string | null): Period | undefined {
  if (text === null || !NAMED_PERIOD.test(text)) return undefined;
  try {
    return parsePeriod(text.slice(0, 7));
  } catch {
    return undefined;
  }
}
