// A reconciliation statement's running totals, per service and in total, kept as the entries stream past:
// opening + charged − paid = closing. A payment goes to "paid"; every other entry (charges, recalculations,
// adjustments, with their sign) to "charged", as the ledger books them.

import { type Kopiykas, kop } from "../../domain/money.ts";
import type { AccountBalance } from "../ledger/account-balance.ts";
import type { StatementEntry } from "./load-statement.ts";

export interface StatementLine {
  /** null: entries for the whole account (a payment that named no service). */
  service: string | null;
  openingKop: Kopiykas;
  chargedKop: Kopiykas;
  /** Positive: what was paid. */
  paidKop: Kopiykas;
  closingKop: Kopiykas;
}

export class StatementTotals {
  private readonly lines = new Map<string | null, { opening: number; charged: number; paid: number }>();
  entries = 0;

  constructor(opening: AccountBalance) {
    for (const s of opening.services) this.line(s.service).opening += s.balanceKop;
  }

  private line(service: string | null) {
    let line = this.lines.get(service);
    if (!line) {
      line = { opening: 0, charged: 0, paid: 0 };
      this.lines.set(service, line);
    }
    return line;
  }

  add(entry: StatementEntry): void {
    const line = this.line(entry.service);
    if (entry.kind === "payment") line.paid -= entry.amountKop;
    else line.charged += entry.amountKop;
    this.entries += 1;
  }

  /** Per service, by code (the whole-account line last), then the total. */
  result(): { services: StatementLine[]; total: StatementLine } {
    const services = [...this.lines.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
      .map(([service, l]) => ({
        service,
        openingKop: kop(l.opening),
        chargedKop: kop(l.charged),
        paidKop: kop(l.paid),
        closingKop: kop(l.opening + l.charged - l.paid),
      }));
    const sum = (pick: (l: StatementLine) => number) => kop(services.reduce((a, l) => a + pick(l), 0));
    return {
      services,
      total: {
        service: null,
        openingKop: sum((l) => l.openingKop),
        chargedKop: sum((l) => l.chargedKop),
        paidKop: sum((l) => l.paidKop),
        closingKop: sum((l) => l.closingKop),
      },
    };
  }
}
