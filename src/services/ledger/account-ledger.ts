// An account's ledger as the settlement reads it (domain/billing/settlement.ts): its charges netted per period and
// service, its payments one by one with what they name, and the services it has. Every view of who owes what —
// accountDebts, accountBalance, the bill, the statement — is this one settlement, so their per-service figures
// agree to the kopiyka. A payment is allocated here, when the ledger is read, not split when it is posted: the
// ledger keeps each payment as it came (from a gateway, a bank registry, a partner), and an advance paid before a
// charge settles that charge as soon as it is posted, with no entry written for it (docs/documents.md).
//
// Every entry but a payment is a charge of its period and service (recalculations and adjustments may be
// negative); a payment pays what its details name ({"period": "YYYY-MM", "service": "…"}, as a gateway or a bank
// registry line records it) or the service it was posted to, then the oldest debts.
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { LedgerKind } from "../../db/tables/money.table.ts";
import {
  type Charge,
  type Payment,
  type SettledDebts,
  settleOldestFirst,
  splitBalance,
} from "../../domain/billing/settlement.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import { type Kopiykas, kop, negKop } from "../../domain/money.ts";
import { type Period, parsePeriod } from "../../domain/period.ts";

/** One ledger entry, as much of it as the settlement needs. */
export interface SettlementEntry {
  /** YYYY-MM or the month's first day. */
  period: string;
  service: string | null;
  kind: LedgerKind;
  /** As booked: positive a debt, negative paid off. */
  amountKop: number;
  date: string;
  /** What a payment's details name (free text allowed: a period in words names none). */
  namedPeriod?: string | null;
  namedService?: string | null;
}

export interface ServiceBalance {
  /**
   * A service's code; null: charges that name no service (an operator's adjustment of the whole account), a line
   * of their own only on an account with several services (or none).
   */
  service: string | null;
  /** The service's open debts; on an account with one service, its whole balance (negative: paid ahead). */
  balanceKop: Kopiykas;
}

export interface AccountBalance {
  /** What the ledger says is owed (positive) or paid ahead (negative): Σ services − advance. */
  totalKop: Kopiykas;
  /** Every service of the account by code (zero balances too), then open charges for the whole account. */
  services: ServiceBalance[];
  /**
   * Paid ahead, taken by no debt (zero or positive), shown as a line of its own on an account with several
   * services (or none); 0 on an account with one service, whose balance carries it.
   */
  advanceKop: Kopiykas;
}

// Entries without a service settle as one more "service" that sorts before every code.
export const WHOLE_ACCOUNT = "";
const NAMED_PERIOD = /^\d{4}-\d{2}(-01)?$/;

export class AccountLedger {
  private readonly charges = new Map<string, Charge>();
  private readonly payments: Payment[] = [];
  private readonly services: Set<string>;
  private total = 0;

  /** `services`: the services the account's provider supplies at its address (its entries add theirs). */
  constructor(services: Iterable<string>) {
    this.services = new Set(services);
  }

  add(e: SettlementEntry): void {
    const amount = kop(e.amountKop);
    this.total = kop(this.total + amount);
    if (e.service !== null) this.services.add(e.service);
    if (e.kind === "payment") {
      const payment: Payment = { date: e.date as LocalDate, amountKop: negKop(amount) };
      const period = namedPeriod(e.namedPeriod ?? null);
      if (period) payment.period = period;
      const service = e.namedService || e.service;
      if (service) payment.service = service;
      this.payments.push(payment);
      return;
    }
    const period = e.period.slice(0, 7) as Period;
    const service = e.service ?? WHOLE_ACCOUNT;
    const key = `${period}\u0000${service}`;
    const charge = this.charges.get(key);
    if (charge) charge.amountKop = kop(charge.amountKop + amount);
    else this.charges.set(key, { period, service, amountKop: amount });
  }

  get totalKop(): Kopiykas {
    return kop(this.total);
  }

  settle(): SettledDebts {
    return settleOldestFirst([...this.charges.values()], this.payments);
  }

  balance(): AccountBalance {
    const split = splitBalance(this.settle(), this.services);
    return {
      totalKop: this.totalKop,
      services: split.services.map((s) => ({
        service: s.service === WHOLE_ACCOUNT ? null : s.service,
        balanceKop: s.balanceKop,
      })),
      advanceKop: split.advanceKop,
    };
  }

  /** The balance line a charge of `service` counts on: on an account with one service, that one. */
  lineOf(service: string | null): string | null {
    if (this.services.size === 1) return [...this.services][0]!;
    return service;
  }

  clone(): AccountLedger {
    const copy = new AccountLedger(this.services);
    for (const [key, c] of this.charges) copy.charges.set(key, { ...c });
    copy.payments.push(...this.payments);
    copy.total = this.total;
    return copy;
  }
}

/**
 * The account's ledger up to `upTo` (included), in one round trip: charges already netted per period and service
 * by the database, payments one by one in date order, and the services its provider supplies at its address.
 */
export async function loadAccountLedger(
  db: Db | Tx,
  accountId: number,
  upTo: LocalDate,
): Promise<AccountLedger> {
  // sum(bigint) is numeric: cast back to int8, which our engines return as a (guarded) number.
  const { rows } = await sql<{
    part: "service" | "charges" | "payment";
    period: string | null;
    service_code: string | null;
    amount_kop: number | null;
    entry_date: string | null;
    named_period: string | null;
    named_service: string | null;
  }>`
    select 'service' as part, null::date as period, ps.service_code, null::int8 as amount_kop,
      null::date as entry_date, null as named_period, null as named_service, null::int8 as id
    from accounts a
    join premises p on p.id = a.premise_id
    join provider_services ps on ps.provider_id = a.provider_id and ps.settlement_id = p.settlement_id
    where a.id = ${accountId}
    union all
    select 'charges', period, service_code, sum(amount_kop)::int8, null, null, null, null
    from ledger_entries
    where account_id = ${accountId} and entry_date <= ${upTo}::date and kind <> 'payment'
    group by period, service_code
    union all
    select 'payment', period, service_code, amount_kop, entry_date,
      details ->> 'period', details ->> 'service', id
    from ledger_entries
    where account_id = ${accountId} and entry_date <= ${upTo}::date and kind = 'payment'
    order by part desc, entry_date, id`.execute(db);
  const ledger = new AccountLedger(rows.filter((r) => r.part === "service").map((r) => r.service_code!));
  for (const r of rows) {
    if (r.part === "service") continue;
    ledger.add({
      period: r.period!,
      service: r.service_code,
      kind: r.part === "payment" ? "payment" : "charge",
      amountKop: r.amount_kop!,
      date: r.entry_date ?? upTo,
      namedPeriod: r.named_period,
      namedService: r.named_service,
    });
  }
  return ledger;
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
