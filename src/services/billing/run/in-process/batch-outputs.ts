// What the accounts billed in the process add to the period, column by column, and its writes: billed usage, ledger
// entries and planned payments each in one insert of unnested arrays (the same statement on both engines), and the
// register states in one update that checks each state's version and late count as the reference path's upsert does.
// No insert skips existing rows: a batch's accounts are billed in one transaction that records the batch, and a
// resumed run never cuts a batch across a recorded one (bill-period.ts), so an existing row would be a fault and
// stops the batch instead of being skipped.
import { sql } from "kysely";
import { arrayLiteral, arraysLiteral } from "../../../../db/array-literal.ts";
import type { Tx } from "../../../../db/database.ts";
import { setLocal } from "../../../../db/set-local.ts";
import type { AccountMonth } from "../../../../domain/billing/account-month.ts";
import type { ReadingPair } from "../../../../domain/billing/register-month.ts";
import { fromEpochDay, type LocalDate } from "../../../../domain/local-date.ts";
import { firstDay } from "../../../../domain/period.ts";
import type { BillingTotals } from "../../billing-totals.ts";
import { timed } from "./step-times.ts";

export interface StateWrite {
  accountId: number;
  meterId: number;
  zone: number;
  version: number;
  lateCount: number;
  coveredOn: number;
  basisValue: number | null;
  basisPeriod: number | null;
  last: { id: number; value: number; kind: string; deemedOn: number } | null;
  prev: { value: number; kind: string; deemedOn: number; period: number } | null;
  pairs: readonly ReadingPair[];
  /** The state's pairs as read: those of `pairs` still among them stay in the row and are not sent again. */
  pairsBefore: readonly ReadingPair[];
  estimatedMonths: number | null;
}

export class BatchOutputs {
  readonly usage = {
    account: [] as number[],
    meter: [] as (number | null)[],
    zone: [] as number[],
    service: [] as string[],
    method: [] as string[],
    quantity: [] as number[],
    from: [] as (number | null)[],
    to: [] as (number | null)[],
    reading: [] as (number | null)[],
    amount: [] as number[],
  };
  readonly entries = {
    account: [] as number[],
    service: [] as string[],
    kind: [] as string[],
    amount: [] as number[],
  };
  readonly planned = { account: [] as number[], service: [] as string[], amount: [] as number[] };
  /** The re-priced months' meter zones, summed into recalculation entries by the write (their details built there). */
  readonly recalculated = {
    account: [] as number[],
    service: [] as string[],
    period: [] as LocalDate[],
    meter: [] as number[],
    zone: [] as number[],
    chargedQuantity: [] as number[],
    quantity: [] as number[],
    chargedKop: [] as number[],
    amount: [] as number[],
  };
  readonly states: StateWrite[] = [];
  readonly totals: BillingTotals = {
    accounts: 0,
    charged: 0,
    estimated: 0,
    recalculated: 0,
    chargeKop: 0,
    estimatedKop: 0,
    recalculationKop: 0,
    totalKop: 0,
    plannedKop: 0,
  };

  add(accountId: number, month: AccountMonth): void {
    const u = this.usage;
    for (const b of month.billed) {
      u.account.push(accountId);
      u.meter.push(b.meterId);
      u.zone.push(b.zone);
      u.service.push(b.service);
      u.method.push(b.method);
      u.quantity.push(b.quantity);
      u.from.push(b.fromValue);
      u.to.push(b.toValue);
      u.reading.push(b.toReadingId);
      u.amount.push(b.amountKop);
    }
    const t = this.totals;
    if (month.billed.length > 0) t.accounts++;
    let charged = false;
    let estimated = false;
    for (const e of month.entries) {
      this.entries.account.push(accountId);
      this.entries.service.push(e.service);
      this.entries.kind.push(e.kind);
      this.entries.amount.push(e.amountKop);
      if (e.kind === "charge") {
        charged = true;
        t.chargeKop += e.amountKop;
      } else {
        estimated = true;
        t.estimatedKop += e.amountKop;
      }
      t.totalKop += e.amountKop;
    }
    if (charged) t.charged++;
    if (estimated) t.estimated++;
    if (month.recalculated.length > 0) this.addRecalculated(accountId, month.recalculated);
    for (const p of month.planned) {
      this.planned.account.push(accountId);
      this.planned.service.push(p.service);
      this.planned.amount.push(p.amountKop);
      t.plannedKop += p.amountKop;
    }
  }

  private addRecalculated(accountId: number, lines: AccountMonth["recalculated"]): void {
    const r = this.recalculated;
    const differences = new Map<string, number>();
    for (const l of lines) {
      r.account.push(accountId);
      r.service.push(l.service);
      r.period.push(firstDay(l.period));
      r.meter.push(l.meterId);
      r.zone.push(l.zone);
      r.chargedQuantity.push(l.chargedQuantity);
      r.quantity.push(l.quantity);
      r.chargedKop.push(l.chargedKop);
      r.amount.push(l.amountKop);
      differences.set(l.service, (differences.get(l.service) ?? 0) + l.amountKop - l.chargedKop);
    }
    // As the write: one entry per service whose months come to a difference.
    const t = this.totals;
    let any = false;
    for (const difference of differences.values()) {
      if (difference === 0) continue;
      any = true;
      t.recalculationKop += difference;
      t.totalKop += difference;
    }
    if (any) t.recalculated++;
  }
}

const days = new Map<number, LocalDate>();
/** An epoch day as a date literal (a run meets a few hundred distinct days). */
function day(n: number): LocalDate;
function day(n: number | null): LocalDate | null;
function day(n: number | null): LocalDate | null {
  if (n === null) return null;
  let d = days.get(n);
  if (d === undefined) {
    d = fromEpochDay(n);
    days.set(n, d);
  }
  return d;
}

export async function writeOutputs(
  tx: Tx,
  out: BatchOutputs,
  run: {
    providerId: number;
    runId: number;
    period: string;
    first: LocalDate;
    next: LocalDate;
    entryDate: LocalDate;
    /** The oldest pair the next month's windows reach (the states' pairs_from). */
    pairsFrom: LocalDate;
    /** The batch's range: the states are found by it (a join over the whole table was planned otherwise). */
    accountFrom: number;
    accountTo: number;
  },
): Promise<void> {
  const u = out.usage;
  if (u.account.length > 0) {
    await timed("write billed usage", () =>
      sql`
      insert into billed_usage (account_id, meter_id, zone, period, service_code, provider_id, method, quantity,
        from_value, to_value, to_reading_id, amount_kop, run_id)
      select a, m, z, ${run.first}::date, s, ${run.providerId}, k, q / 1000.0, f / 1000.0, t / 1000.0, r, x, ${run.runId}
      from unnest(${arrayLiteral(u.account)}::bigint[], ${arrayLiteral(u.meter)}::bigint[], ${arrayLiteral(u.zone)}::int[], ${arrayLiteral(u.service)}::text[],
        ${arrayLiteral(u.method)}::text[], ${arrayLiteral(u.quantity)}::bigint[], ${arrayLiteral(u.from)}::bigint[],
        ${arrayLiteral(u.to)}::bigint[], ${arrayLiteral(u.reading)}::bigint[], ${arrayLiteral(u.amount)}::bigint[])
        as x(a, m, z, s, k, q, f, t, r, x)`.execute(tx),
    );
  }
  const e = out.entries;
  if (e.account.length > 0) {
    await timed("write ledger entries", () =>
      sql`
      insert into ledger_entries (account_id, provider_id, service_code, period, kind, amount_kop, entry_date, source,
        source_ref)
      select a, ${run.providerId}, s, ${run.first}::date, k, x, ${run.entryDate}::date, 'billing',
        ${`bill:${run.period}:`} || s || ':' || k
      from unnest(${arrayLiteral(e.account)}::bigint[], ${arrayLiteral(e.service)}::text[], ${arrayLiteral(e.kind)}::text[], ${arrayLiteral(e.amount)}::bigint[])
        as x(a, s, k, x)`.execute(tx),
    );
  }
  const r = out.recalculated;
  if (r.account.length > 0) {
    await timed("write recalculations", () =>
      sql`
      insert into ledger_entries (account_id, provider_id, service_code, period, kind, amount_kop, entry_date, source,
        source_ref, details)
      select a, ${run.providerId}, s, ${run.first}::date, 'recalculation', sum(x - c), ${run.entryDate}::date,
        'billing', ${`bill:${run.period}:`} || s || ':recalculation',
        jsonb_build_object('months', jsonb_agg(jsonb_build_object('period', to_char(p, 'YYYY-MM'), 'meter_id', m,
          'zone', z, 'estimated', ct / 1000.0, 'actual', q / 1000.0, 'charged_kop', c, 'recalculated_kop', x)
          order by p, m, z))
      from unnest(${arrayLiteral(r.account)}::bigint[], ${arrayLiteral(r.service)}::text[], ${arrayLiteral(r.period)}::date[],
        ${arrayLiteral(r.meter)}::bigint[], ${arrayLiteral(r.zone)}::int[], ${arrayLiteral(r.chargedQuantity)}::bigint[],
        ${arrayLiteral(r.quantity)}::bigint[], ${arrayLiteral(r.chargedKop)}::bigint[], ${arrayLiteral(r.amount)}::bigint[])
        as r(a, s, p, m, z, ct, q, c, x)
      group by a, s
      having sum(x - c) <> 0
      order by a`.execute(tx),
    );
  }
  const p = out.planned;
  if (p.account.length > 0) {
    await timed("write planned payments", () =>
      sql`
      insert into planned_payments (account_id, period, service_code, provider_id, amount_kop, run_id)
      select a, ${run.next}::date, s, ${run.providerId}, x, ${run.runId}
      from unnest(${arrayLiteral(p.account)}::bigint[], ${arrayLiteral(p.service)}::text[], ${arrayLiteral(p.amount)}::bigint[]) as x(a, s, x)`.execute(
        tx,
      ),
    );
  }
  if (out.states.length > 0) await timed("write register states", () => writeStates(tx, out.states, run));
}

/**
 * Each state overwritten only if no reading touched it since the batch read it (its version and late count as
 * read; register-state.ts says why), in key order as the readings' triggers take them.
 */
async function writeStates(
  tx: Tx,
  states: readonly StateWrite[],
  run: { providerId: number; first: LocalDate; pairsFrom: LocalDate; accountFrom: number; accountTo: number },
): Promise<void> {
  const c = stateColumns(states);
  // Found by the primary key, state by state: hashed, the join read every state of the range (interleaved with the
  // other providers' accounts, most of the table).
  const before = await setLocal(tx, {
    enable_hashjoin: "off",
    enable_mergejoin: "off",
    enable_nestloop: "on",
  });
  await sql`
    update register_states s set provider_id = ${run.providerId}, period = ${run.first}::date, late_count = 0,
      covered_on = x.cov, basis_value = x.bv, basis_period = x.bp, last_id = x.li, last_value = x.lv,
      last_kind = x.lk, last_deemed_on = x.ld, prev_value = x.pv, prev_kind = x.pk, prev_deemed_on = x.pd,
      prev_period = x.pp, pairs_from = ${run.pairsFrom}::date,
      pair_from = case when x.kd is null then x.p1::date[] else s.pair_from[x.kd + 1:] || x.p1::date[] end,
      pair_to = case when x.kd is null then x.p2::date[] else s.pair_to[x.kd + 1:] || x.p2::date[] end,
      pair_used = case when x.kd is null then x.p3::bigint[] else s.pair_used[x.kd + 1:] || x.p3::bigint[] end,
      estimated_months = x.em
    from unnest(${arrayLiteral(c.account)}::bigint[], ${arrayLiteral(c.meter)}::bigint[], ${arrayLiteral(c.zone)}::int[],
      ${arrayLiteral(c.version)}::bigint[], ${arrayLiteral(c.late)}::int[], ${arrayLiteral(c.covered)}::date[],
      ${arrayLiteral(c.basisValue)}::bigint[], ${arrayLiteral(c.basisPeriod)}::date[], ${arrayLiteral(c.lastId)}::bigint[],
      ${arrayLiteral(c.lastValue)}::bigint[], ${arrayLiteral(c.lastKind)}::text[], ${arrayLiteral(c.lastDeemed)}::date[],
      ${arrayLiteral(c.prevValue)}::bigint[], ${arrayLiteral(c.prevKind)}::text[], ${arrayLiteral(c.prevDeemed)}::date[],
      ${arrayLiteral(c.prevPeriod)}::date[], ${arraysLiteral(c.pairFrom)}::text[], ${arraysLiteral(c.pairTo)}::text[],
      ${arraysLiteral(c.pairUsed)}::text[], ${arrayLiteral(c.estimated)}::int[], ${arrayLiteral(c.dropped)}::int[])
      as x(a, m, z, ver, late, cov, bv, bp, li, lv, lk, ld, pv, pk, pd, pp, p1, p2, p3, em, kd)
    where s.account_id = x.a and s.meter_id = x.m and s.zone = x.z and s.version = x.ver
      and s.late_count = x.late and s.account_id >= ${run.accountFrom} and s.account_id < ${run.accountTo}`.execute(
    tx,
  );
  await setLocal(tx, before);
}

/** The states' columns, in one pass over them (twenty passes and nested literals were a second per 20,000 states). */
export function stateColumns(states: readonly StateWrite[]) {
  const c = {
    account: [] as number[],
    meter: [] as number[],
    zone: [] as number[],
    version: [] as number[],
    late: [] as number[],
    covered: [] as LocalDate[],
    basisValue: [] as (number | null)[],
    basisPeriod: [] as (LocalDate | null)[],
    lastId: [] as (number | null)[],
    lastValue: [] as (number | null)[],
    lastKind: [] as (string | null)[],
    lastDeemed: [] as (LocalDate | null)[],
    prevValue: [] as (number | null)[],
    prevKind: [] as (string | null)[],
    prevDeemed: [] as (LocalDate | null)[],
    prevPeriod: [] as (LocalDate | null)[],
    pairFrom: [] as LocalDate[][],
    pairTo: [] as LocalDate[][],
    pairUsed: [] as number[][],
    estimated: [] as (number | null)[],
    dropped: [] as (number | null)[],
  };
  for (const s of states) {
    c.account.push(s.accountId);
    c.meter.push(s.meterId);
    c.zone.push(s.zone);
    c.version.push(s.version);
    c.late.push(s.lateCount);
    c.covered.push(day(s.coveredOn));
    c.basisValue.push(s.basisValue);
    c.basisPeriod.push(day(s.basisPeriod));
    c.lastId.push(s.last?.id ?? null);
    c.lastValue.push(s.last?.value ?? null);
    c.lastKind.push(s.last?.kind ?? null);
    c.lastDeemed.push(day(s.last?.deemedOn ?? null));
    c.prevValue.push(s.prev?.value ?? null);
    c.prevKind.push(s.prev?.kind ?? null);
    c.prevDeemed.push(day(s.prev?.deemedOn ?? null));
    c.prevPeriod.push(day(s.prev?.period ?? null));
    const from: LocalDate[] = [];
    const to: LocalDate[] = [];
    const used: number[] = [];
    const dropped = droppedPairs(s.pairsBefore, s.pairs);
    c.dropped.push(dropped);
    const sent = dropped === null ? s.pairs : s.pairs.slice(s.pairsBefore.length - dropped);
    for (const p of sent) {
      from.push(day(p.from));
      to.push(day(p.to));
      used.push(p.used);
    }
    c.pairFrom.push(from);
    c.pairTo.push(to);
    c.pairUsed.push(used);
    c.estimated.push(s.estimatedMonths);
  }
  return c;
}

/**
 * How many of a state's pairs, from its first, the new pairs leave behind, when the new pairs are the rest of the
 * old ones (the same objects, in order) followed by new ones: the update then keeps that rest in the row and appends
 * only the new ones (a year of pairs a register, three arrays, was most of what the update sent and parsed). Null
 * when they are not: the pairs are written whole.
 */
export function droppedPairs(before: readonly ReadingPair[], after: readonly ReadingPair[]): number | null {
  let k = 0;
  while (k < before.length && before[k] !== after[0]) k++;
  for (let i = k; i < before.length; i++) if (after[i - k] !== before[i]) return null;
  return k;
}
