// Charges, payments and corrections one by one for a range of months, with what explains each: an estimated
// charge is marked by its kind, a recalculation carries the months it corrected (what was estimated, what the
// real reading showed, what was charged and what it should have been), a payment its channel. The cabinet's
// "Charges and payments" says these in words; the month totals and balances are accountHistory's.
import { sql } from "kysely";
import type { LedgerKind, LedgerSource } from "../../db/tables/money.table.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { kop } from "../../domain/money.ts";
import { addPeriods, firstDay, lastDay, type Period, parsePeriod, periodOf } from "../../domain/period.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { type Money, money } from "./money-view.ts";

/** A range of months a view covers by default (this month and the eleven before) and at most. */
export const DEFAULT_MONTHS = 12;
export const MAX_MONTHS = 60;

export interface RecalculatedMonth {
  period: string;
  /** Quantities as decimal text ("150.000"), summed over the month's meters and zones. */
  estimated: string;
  actual: string;
  charged: Money;
  recalculated: Money;
}

export interface EntryView {
  id: number;
  date: string;
  /** The month the entry belongs to (YYYY-MM). */
  period: string;
  service: string | null;
  kind: LedgerKind;
  /** Positive: owed; negative: paid or corrected downwards. */
  amount: Money;
  source: LedgerSource;
  /** For a recalculation: the estimated months it corrected, oldest first; else empty. */
  recalculated: RecalculatedMonth[];
}

export interface EntriesView {
  accountId: number;
  from: string;
  to: string;
  entries: EntryView[];
}

/** The months from..to (YYYY-MM, both included); by default the last twelve up to this month. */
export function monthRange(
  now: Date,
  from: string | undefined,
  to: string | undefined,
): { from: Period; to: Period } {
  const parse = (field: string, text: string) => {
    try {
      return parsePeriod(text);
    } catch {
      throw new AppError("validation_failed", { details: `${field}: YYYY-MM` }, { field });
    }
  };
  const last = to === undefined ? periodOf(kyivDateOf(now)) : parse("to", to);
  const first = from === undefined ? addPeriods(last, 1 - DEFAULT_MONTHS) : parse("from", from);
  if (first > last)
    throw new AppError("validation_failed", { details: "from must not be after to" }, { field: "from" });
  if (addPeriods(first, MAX_MONTHS) <= last) {
    throw new AppError("validation_failed", { details: `at most ${MAX_MONTHS} months` }, { field: "from" });
  }
  return { from: first, to: last };
}

const thousandths = (n: unknown): bigint => BigInt(Math.round(Number(n) * 1000));
const decimal = (th: bigint): string => {
  const sign = th < 0n ? "-" : "";
  const a = th < 0n ? -th : th;
  return `${sign}${a / 1000n}.${String(a % 1000n).padStart(3, "0")}`;
};

export async function viewEntries(
  deps: Deps,
  options: { actor: Actor; accountId: number; from?: string | undefined; to?: string | undefined },
): Promise<EntriesView> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const range = monthRange(deps.now(), options.from, options.to);
  const { rows } = await sql<{
    id: number;
    entry_date: string;
    period: string;
    service_code: string | null;
    kind: LedgerKind;
    amount_kop: number;
    source: LedgerSource;
    months: unknown;
  }>`
    select id, to_char(entry_date, 'YYYY-MM-DD') as entry_date, to_char(period, 'YYYY-MM') as period,
      service_code, kind, amount_kop, source,
      case when kind = 'recalculation' then details -> 'months' end as months
    from ledger_entries
    where account_id = ${account.id}
      and entry_date between ${firstDay(range.from)}::date and ${lastDay(range.to)}::date
    order by entry_date, id`.execute(db);
  return {
    accountId: account.id,
    from: range.from,
    to: range.to,
    entries: rows.map((r) => ({
      id: Number(r.id),
      date: r.entry_date,
      period: r.period,
      service: r.service_code,
      kind: r.kind,
      amount: money(kop(Number(r.amount_kop))),
      source: r.source,
      recalculated: recalculatedMonths(r.months),
    })),
  };
}

/** The billing run's per-zone lines of a recalculation, summed per month. */
function recalculatedMonths(raw: unknown): RecalculatedMonth[] {
  const lines = (typeof raw === "string" ? JSON.parse(raw) : raw) as
    | { period: string; estimated: unknown; actual: unknown; charged_kop: number; recalculated_kop: number }[]
    | null;
  if (!Array.isArray(lines)) return [];
  const byPeriod = new Map<string, { est: bigint; act: bigint; charged: number; recalc: number }>();
  for (const l of lines) {
    const m = byPeriod.get(l.period) ?? { est: 0n, act: 0n, charged: 0, recalc: 0 };
    m.est += thousandths(l.estimated);
    m.act += thousandths(l.actual);
    m.charged += Number(l.charged_kop);
    m.recalc += Number(l.recalculated_kop);
    byPeriod.set(l.period, m);
  }
  return [...byPeriod]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([period, m]) => ({
      period,
      estimated: decimal(m.est),
      actual: decimal(m.act),
      charged: money(kop(m.charged)),
      recalculated: money(kop(m.recalc)),
    }));
}
