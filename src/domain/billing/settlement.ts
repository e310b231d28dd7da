// Which debts are still open after the payments (погашення заборгованості): what a bill shows as «борг за
// період» and what reminders and disconnection notices count from.
//
// Debts are kept per period and service. Charges of one period and service net out first, so a downward
// recalculation or adjustment lowers that debt; when it takes the debt below zero, the excess is credit
// used like a payment. Payments go in date order: one that names a period and/or a service settles the
// matching debts first, oldest first, and the rest of it — like an unnamed payment — settles the oldest
// debts of the account (by period, then service code). What no debt takes is an advance (переплата).
//
// Every charge is taken as known when the payments are applied: an advance paid before a charge was posted
// settles that charge just the same, which is what a later bill would do with it. Amounts only move
// between debts and the advance, so Σ outstanding − advance = Σ charges − Σ payments, always.

import { type LocalDate, parseLocalDate } from "../local-date.ts";
import { type Kopiykas, kop } from "../money.ts";
import { type Period, parsePeriod } from "../period.ts";

export interface Charge {
  period: Period;
  service: string;
  /** Positive: debt; negative: lowers the period's and service's debt (recalculation, adjustment). */
  amountKop: Kopiykas;
}

export interface Payment {
  date: LocalDate;
  /** Positive: the amount paid. */
  amountKop: Kopiykas;
  /** What the payer said the payment is for; either may be absent. */
  period?: Period;
  service?: string;
}

export interface Debt {
  period: Period;
  service: string;
  /** Positive. */
  amountKop: Kopiykas;
}

export interface SettledDebts {
  /** Open debts, oldest first (by period, then service code); none is zero or negative. */
  outstanding: Debt[];
  /** Paid ahead: credit no debt has taken. */
  advanceKop: Kopiykas;
}

interface OpenDebt {
  period: Period;
  service: string;
  amount: number;
}

export function settleOldestFirst(charges: readonly Charge[], payments: readonly Payment[]): SettledDebts {
  const byKey = new Map<string, OpenDebt>();
  for (const c of charges) {
    const period = parsePeriod(c.period);
    const key = `${period}\u0000${c.service}`;
    const debt = byKey.get(key) ?? { period, service: c.service, amount: 0 };
    debt.amount = kop(debt.amount + kop(c.amountKop));
    byKey.set(key, debt);
  }
  const debts = [...byKey.values()].sort(oldestFirst);

  // Credit left by charges that went below zero; spent at the end, after the payments.
  let credit = 0;
  for (const d of debts) {
    if (d.amount < 0) {
      credit = kop(credit - d.amount);
      d.amount = 0;
    }
  }

  const ordered = payments
    .map((p) => {
      if (kop(p.amountKop) <= 0) throw new RangeError(`A payment must be positive, got ${p.amountKop} kop`);
      return {
        ...p,
        date: parseLocalDate(p.date),
        period: p.period === undefined ? undefined : parsePeriod(p.period),
      };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)); // stable: same-day payments keep order

  for (const p of ordered) {
    let rest: number = p.amountKop;
    if (p.period !== undefined || p.service !== undefined) {
      rest = settle(
        debts.filter(
          (d) =>
            (p.period === undefined || d.period === p.period) &&
            (p.service === undefined || d.service === p.service),
        ),
        rest,
      );
    }
    rest = settle(debts, rest);
    credit = kop(credit + rest);
  }
  credit = settle(debts, credit);

  return {
    outstanding: debts
      .filter((d) => d.amount > 0)
      .map((d) => ({ period: d.period, service: d.service, amountKop: kop(d.amount) })),
    advanceKop: kop(credit),
  };
}

export interface ServiceBalance {
  service: string;
  /** Open debts: positive or zero; on a one-service account, that service's whole balance (negative: paid ahead). */
  balanceKop: Kopiykas;
}

export interface BalanceSplit {
  /**
   * Each of the account's services (by code, zero balances too), then, by key, any other key with an open debt
   * (charges for the whole account).
   */
  services: ServiceBalance[];
  /** The advance as a line of its own (zero or positive); always 0 on a one-service account. */
  advanceKop: Kopiykas;
}

/**
 * The balance per service, from settled debts (the bill's and the statement's "by service" figures): a service owes
 * its open debts, and the advance — credit no debt has taken — is a line of its own, never spread over services
 * it was not paid for. An account with exactly one service shows its whole balance on it: debts that name no
 * service and the advance included. Σ services − advance = Σ outstanding − advance, the account's balance.
 *
 * `services`: the account's services (codes); any other key among the debts (the whole-account key) is listed
 * after them when open.
 */
export function splitBalance(settled: SettledDebts, services: Iterable<string>): BalanceSplit {
  const own = [...new Set(services)].sort();
  const owed = new Map<string, number>();
  for (const d of settled.outstanding) owed.set(d.service, kop((owed.get(d.service) ?? 0) + d.amountKop));
  if (own.length === 1) {
    const total = [...owed.values()].reduce((a, b) => kop(a + b), 0);
    return {
      services: [{ service: own[0]!, balanceKop: kop(total - settled.advanceKop) }],
      advanceKop: kop(0),
    };
  }
  const others = [...owed.keys()].filter((k) => !own.includes(k)).sort();
  return {
    services: [...own, ...others].map((service) => ({ service, balanceKop: kop(owed.get(service) ?? 0) })),
    advanceKop: settled.advanceKop,
  };
}

/** Pays `debts` in their order from `amount`; returns what is left of it. */
function settle(debts: readonly OpenDebt[], amount: number): number {
  let rest = amount;
  for (const d of debts) {
    if (rest === 0) break;
    const paid = Math.min(d.amount, rest);
    if (paid <= 0) continue;
    d.amount -= paid;
    rest -= paid;
  }
  return rest;
}

function oldestFirst(a: OpenDebt, b: OpenDebt): number {
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  return a.service < b.service ? -1 : a.service > b.service ? 1 : 0;
}
