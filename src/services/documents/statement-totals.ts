// A reconciliation statement's totals, per service and in total, kept as the entries stream past: opening +
// charged − paid = closing. A payment goes to "paid"; every other entry (charges, recalculations, adjustments,
// with their sign) to "charged", as the ledger books them.
//
// Per service, the balances are the settlement's (ledger/account-ledger.ts): a payment that named no service
// counts on the debts it settled, and what no debt took is the advance, a line of its own (on an account with one
// service, that service carries it). Each entry is added to the settlement as it streams, so the closing balance
// settles exactly the entries printed. A line's "paid" is then what moved its balance besides its charges:
// opening + charged − closing — the payments settled on its debts; on the advance line, the payments it took less
// what the services took from it.
import { type Kopiykas, kop } from "../../domain/money.ts";
import type { AccountBalance, AccountLedger } from "../ledger/account-ledger.ts";
import type { Statement, StatementEntry } from "./load-statement.ts";

export interface StatementLine {
  /** A service's code; null: charges that name no service, or (with `advance`) the advance. */
  service: string | null;
  /** The advance: paid ahead, not yet taken by any debt (its balances are zero or negative). */
  advance: boolean;
  openingKop: Kopiykas;
  chargedKop: Kopiykas;
  /** Positive: paid (settled on this line). */
  paidKop: Kopiykas;
  closingKop: Kopiykas;
}

export interface StatementResult {
  /** By service code, then charges that name no service, then the advance (when it is not zero at either end). */
  services: StatementLine[];
  total: StatementLine;
  closing: AccountBalance;
}

export class StatementTotals {
  private readonly ledger: AccountLedger;
  private readonly opening: AccountBalance;
  /** Charged per the entries' own service (null: none named); moved to their balance line at the end. */
  private readonly charged = new Map<string | null, number>();
  private paid = 0;
  entries = 0;

  constructor(statement: Pick<Statement, "opening" | "openingLedger">) {
    this.opening = statement.opening;
    this.ledger = statement.openingLedger.clone();
  }

  add(entry: StatementEntry): void {
    this.ledger.add({
      period: entry.period,
      service: entry.service,
      kind: entry.kind,
      amountKop: entry.amountKop,
      date: entry.date,
      namedPeriod: entry.namedPeriod,
      namedService: entry.namedService,
    });
    if (entry.kind === "payment") this.paid = kop(this.paid - entry.amountKop);
    else this.charged.set(entry.service, kop((this.charged.get(entry.service) ?? 0) + entry.amountKop));
    this.entries += 1;
  }

  result(): StatementResult {
    const closing = this.ledger.balance();
    const lines = new Map<string | null, { opening: number; charged: number; closing: number }>();
    const line = (service: string | null) => {
      let l = lines.get(service);
      if (!l) {
        l = { opening: 0, charged: 0, closing: 0 };
        lines.set(service, l);
      }
      return l;
    };
    for (const s of this.opening.services) line(s.service).opening += s.balanceKop;
    for (const s of closing.services) line(s.service).closing += s.balanceKop;
    for (const [service, amount] of this.charged) line(this.ledger.lineOf(service)).charged += amount;

    const toLine = (
      service: string | null,
      advance: boolean,
      l: { opening: number; charged: number; closing: number },
    ) => ({
      service,
      advance,
      openingKop: kop(l.opening),
      chargedKop: kop(l.charged),
      paidKop: kop(l.opening + l.charged - l.closing),
      closingKop: kop(l.closing),
    });
    const services = [...lines.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
      .map(([service, l]) => toLine(service, false, l));
    if (this.opening.advanceKop !== 0 || closing.advanceKop !== 0) {
      services.push(
        toLine(null, true, { opening: -this.opening.advanceKop, charged: 0, closing: -closing.advanceKop }),
      );
    }
    const sum = (pick: (l: StatementLine) => number) => kop(services.reduce((a, l) => a + pick(l), 0));
    return {
      services,
      total: {
        service: null,
        advance: false,
        openingKop: this.opening.totalKop,
        chargedKop: sum((l) => l.chargedKop),
        paidKop: kop(this.paid),
        closingKop: closing.totalKop,
      },
      closing,
    };
  }
}
