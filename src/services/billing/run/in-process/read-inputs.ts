// The inputs of one batch billed in the process, in three plain reads by the batch's range of account ids: the open
// accounts with their premises and their meters in service this month; the register states, each with the readings
// deemed after it (when usable) and the months it was billed by estimate since its basis (only where the basis is
// older than last month); and, for the accounts where a closing reading may recalculate those months, every meter
// zone billed in them. What belongs to one account or register comes in its row. Dates come as epoch days, values
// as thousandths.
import { sql } from "kysely";
import type { Tx } from "../../../../db/database.ts";
import { PackedRow, packed } from "../../../../db/packed-row.ts";
import { setLocal } from "../../../../db/set-local.ts";
import type { ServiceCode } from "../../../../db/tables/reference.table.ts";
import { estimatedKey } from "../../../../domain/billing/account-month.ts";
import type { BilledBefore, EstimatedBill } from "../../../../domain/billing/household-recalculation.ts";
import type {
  RegisterReading,
  RegisterReadingKind,
  RegisterState,
} from "../../../../domain/billing/register-month.ts";
import { monthAfter } from "../../../../domain/billing/register-month.ts";
import { fromEpochDay } from "../../../../domain/local-date.ts";
import { type Period, periodOf } from "../../../../domain/period.ts";
import { pairsOfText } from "./state-pairs-text.ts";
import { timed } from "./step-times.ts";

export interface InProcessRange {
  providerId: number;
  accountFrom: number;
  accountTo: number;
  /** Epoch days: this month's first day, the next month's, the previous month's. */
  first: number;
  next: number;
  prev: number;
  meterServices: readonly ServiceCode[];
}

export interface AccountRow {
  id: number;
  settlementId: number;
  residents: number;
  /** m² × 100 (numeric(7,2)). */
  areaHundredths: number;
}

export interface MeterRow {
  accountId: number;
  id: number;
  service: ServiceCode;
  zones: 1 | 2 | 3;
  capacity: number;
  /** Installed or removed within the month: a replacement, billed by the reference path. */
  replaced: boolean;
}

/** A register state as read: the domain's RegisterState, with what decides whether this month may use it. */
export interface StateRow extends Omit<RegisterState, "coveredOn"> {
  accountId: number;
  meterId: number;
  zone: number;
  /** Written by last month's run of this provider, with no late reading since. */
  current: boolean;
  pairsFrom: number | null;
  version: number;
  lateCount: number;
  coveredOn: number | null;
}

export interface BatchInputs {
  accounts: AccountRow[];
  /** By account id, sorted by meter id. */
  meters: Map<number, MeterRow[]>;
  /** By register key (registerKey). */
  states: Map<string, StateRow>;
  readings: Map<string, RegisterReading[]>;
  /** By account id, then `meterId/zone/service` (account-month.ts, estimatedKey), by period ascending. */
  estimated: Map<number, Map<string, EstimatedMonthRow[]>>;
  /** By account id: the meter zones billed in those months, for the accounts with a closing reading this month. */
  billedBefore: Map<number, BilledBefore[]>;
}

/** A month billed by estimate as read: its first day and the next month's (epoch days), its days all counted. */
export interface EstimatedMonthRow extends EstimatedBill {
  from: number;
  to: number;
}

export const registerKey = (accountId: number, meterId: number, zone: number): string =>
  `${accountId}/${meterId}/${zone}`;

const EPOCH = sql`date '1970-01-01'`;

export async function readInputs(tx: Tx, r: InProcessRange): Promise<BatchInputs> {
  const { providerId: provider, accountFrom: from, accountTo: to } = r;
  const first = sql`(${EPOCH} + ${r.first}::int)`;
  const next = sql`(${EPOCH} + ${r.next}::int)`;
  const prev = sql`(${EPOCH} + ${r.prev}::int)`;
  const before = await setLocal(tx, {
    // Priced as the cached rows they mostly are, the reads probe the keys of the batch's accounts rather than scan
    // (a parallel scan of every register state took four times the probes).
    random_page_cost: "1.1",
    // Every read probes keys: parallel workers would only take the cores the other batches use (the months by
    // estimate were read by two workers: 296 ms for a batch).
    max_parallel_workers_per_gather: "0",
    // The batch's accounts by key, each premise probed by its key: hashed, the join scanned all the premises (a
    // 25,000-account batch: 248 ms against 107 ms). Back on for the reads after it.
    enable_hashjoin: "off",
  });
  // Each row's fields as one text (packed-row.ts): the reads bring a few million fields a run. Each account comes
  // with its meters in service this month as one more text (fields in fives, by meter id): a read of the meters of
  // their own probed every account's key a second time.
  const { rows: accountRows } = await timed("read accounts and meters", () =>
    sql<{ r: string; ms: string | null }>`
    select ${packed([sql`a.id`, sql`pr.settlement_id`, sql`pr.residents`, sql`(pr.area_m2 * 100)::int`])} as r, ms.ms
    from accounts a
    join premises pr on pr.id = a.premise_id
    left join lateral (
      select string_agg(${packed([
        sql`m.id`,
        sql`m.service_code`,
        sql`m.zones`,
        sql`m.digits`,
        sql`(m.installed_on >= ${first} or (m.removed_on is not null and m.removed_on < ${next}))::int`,
      ])}, ',' order by m.id) as ms
      from meters m
      where m.account_id = a.id and m.service_code = any(${r.meterServices}::text[])
        and m.installed_on < ${next} and (m.removed_on is null or m.removed_on >= ${first})
    ) ms on true
    where a.provider_id = ${provider} and a.id >= ${from} and a.id < ${to}
      and a.opened_on < ${next} and (a.closed_on is null or a.closed_on >= ${first})
    order by a.id`.execute(tx),
  );
  const row = new PackedRow();
  const byAccount = new Map<number, MeterRow[]>();
  const accounts: AccountRow[] = accountRows.map(({ r, ms }) => {
    row.of(r);
    const a = { id: row.need(), settlementId: row.need(), residents: row.need(), areaHundredths: row.need() };
    row.end();
    if (ms !== null) byAccount.set(a.id, metersOf(row.of(ms), a.id));
    return a;
  });
  // The rest by the accounts' ids: a provider's accounts are spread over the whole id range among the others', so a
  // range of ids would read theirs too.
  const ids = accounts.map((a) => a.id);
  await setLocal(tx, { enable_hashjoin: before["enable_hashjoin"]! });

  // The register states, each current one with the readings deemed after it as one more text (their fields in
  // fives, by day and id), and the months billed by estimate after its basis as another (the reference's bem, fours
  // by service and period): none when the basis is last month; with no billed basis yet, every one (computeBatch
  // keeps those after the reading the register measures from). One pass over the states: reads of their own probed
  // every state twice more and brought a row per reading and month.
  const { rows: states } = await timed("read register states and readings", () =>
    sql<StateSql>`
    select ${packed([
      sql`s.account_id`,
      sql`s.meter_id`,
      sql`s.zone`,
      sql`(s.period = ${prev} and s.late_count = 0)::int`,
      sql`s.pairs_from - ${EPOCH}`,
      sql`s.version`,
      sql`s.late_count`,
      sql`s.covered_on - ${EPOCH}`,
      sql`s.basis_value`,
      sql`s.basis_period - ${EPOCH}`,
      sql`s.last_id`,
      sql`s.last_value`,
      sql`s.last_kind`,
      sql`s.last_deemed_on - ${EPOCH}`,
      sql`s.prev_value`,
      sql`s.prev_kind`,
      sql`s.prev_deemed_on - ${EPOCH}`,
      sql`s.prev_period - ${EPOCH}`,
      sql`s.estimated_months`,
    ])} as r,
      s.pair_from::text as p1, s.pair_to::text as p2, s.pair_used::text as p3, rd.rd, em.em
    from register_states s
    left join lateral (
      -- Through the readings' meter history index, register by register; only for a current state.
      select string_agg(${packed([sql`r.id`, sql`(r.value * 1000)::bigint`, sql`r.kind`, sql`r.deemed_on - ${EPOCH}`, sql`r.period - ${EPOCH}`])},
        ',' order by r.deemed_on, r.id) as rd
      from readings r
      where s.period = ${prev} and s.late_count = 0
        and r.account_id = s.account_id and r.meter_id = s.meter_id and r.zone = s.zone
        and r.deemed_on > s.covered_on and r.status in ('accepted', 'pending_review')
    ) rd on true
    left join lateral (
      select string_agg(${packed([sql`e.service_code`, sql`e.period - ${EPOCH}`, sql`(e.quantity * 1000)::bigint`, sql`e.amount_kop`])},
        ',' order by e.service_code, e.period) as em
      from billed_usage e
      where s.period = ${prev} and s.late_count = 0 and (s.basis_period is null or s.basis_period < ${prev})
        and e.account_id = s.account_id and e.meter_id = s.meter_id and e.zone = s.zone
        and (s.basis_period is null or e.period > s.basis_period) and e.period < ${first}
        and e.provider_id = ${provider} and e.method in ('average', 'norm', 'none')
    ) em on true
    where s.account_id = any(${ids}::bigint[]) and s.provider_id = ${provider}`.execute(tx),
  );

  const stateMap = new Map<string, StateRow>();
  const readingMap = new Map<string, RegisterReading[]>();
  const estimatedMap = new Map<number, Map<string, EstimatedMonthRow[]>>();
  let oldest = r.first;
  for (const s of states) {
    const state = stateOf(row.of(s.r), s);
    const key = registerKey(state.accountId, state.meterId, state.zone);
    stateMap.set(key, state);
    if (s.rd !== null) readingMap.set(key, readingsOf(row.of(s.rd)));
    if (s.em === null) continue;
    let map = estimatedMap.get(state.accountId);
    if (map === undefined) {
      map = new Map();
      estimatedMap.set(state.accountId, map);
    }
    oldest = Math.min(oldest, addEstimatedMonths(row.of(s.em), state, map));
  }
  const billedBefore = await timed("read bills of those months", () =>
    readBilledBefore(tx, {
      providerId: provider,
      first: r.first,
      oldest,
      accounts: recalculable(estimatedMap, readingMap, r.first),
    }),
  );

  await setLocal(tx, {
    random_page_cost: before["random_page_cost"]!,
    max_parallel_workers_per_gather: before["max_parallel_workers_per_gather"]!,
  });
  return {
    accounts,
    meters: byAccount,
    states: stateMap,
    readings: readingMap,
    estimated: estimatedMap,
    billedBefore,
  };
}

/** An account's meters from their packed fields, five a meter. */
function metersOf(row: PackedRow, accountId: number): MeterRow[] {
  const meters: MeterRow[] = [];
  do {
    meters.push({
      accountId,
      id: row.need(),
      service: row.text() as ServiceCode,
      zones: row.need() as 1 | 2 | 3,
      capacity: 10 ** row.need() * 1000,
      replaced: row.bool() === true,
    });
  } while (!row.done());
  return meters;
}

/**
 * A register's months billed by estimate from their packed fields, four a month, added to its account's map under
 * `meterId/zone/service`; returns the first day of the oldest.
 */
function addEstimatedMonths(
  row: PackedRow,
  register: { meterId: number; zone: number },
  map: Map<string, EstimatedMonthRow[]>,
): number {
  let oldest = Number.POSITIVE_INFINITY;
  do {
    const service = row.text()!;
    const from = row.need();
    const month: EstimatedMonthRow = {
      period: periodOfDay(from),
      from,
      to: monthAfter(from),
      days: monthAfter(from) - from,
      quantity: row.need(),
      chargedKop: row.need(),
    };
    const key = estimatedKey(register.meterId, register.zone, service);
    const months = map.get(key);
    if (months) months.push(month);
    else map.set(key, [month]);
    if (from < oldest) oldest = from;
  } while (!row.done());
  return oldest;
}

/** A register's readings from their packed fields, five a reading. */
function readingsOf(row: PackedRow): RegisterReading[] {
  const list: RegisterReading[] = [];
  do {
    list.push({
      id: row.need(),
      value: row.need(),
      kind: row.text() as RegisterReadingKind,
      deemedOn: row.need(),
      period: row.need(),
    });
  } while (!row.done());
  return list;
}

/** The accounts with months by estimate and a register of them closed by a reading of this month. */
function recalculable(
  estimated: ReadonlyMap<number, ReadonlyMap<string, unknown>>,
  readings: ReadonlyMap<string, readonly RegisterReading[]>,
  first: number,
): number[] {
  const out: number[] = [];
  for (const [account, keys] of estimated) {
    for (const key of keys.keys()) {
      const [meter, zone] = key.split("/");
      const list = readings.get(registerKey(account, Number(meter), Number(zone)));
      if (list?.some((x) => x.period === first && x.kind !== "initial")) {
        out.push(account);
        break;
      }
    }
  }
  return out;
}

/** Every meter zone the accounts were billed on since `oldest`, before this month (the reference's recalc_context). */
async function readBilledBefore(
  tx: Tx,
  r: { providerId: number; first: number; oldest: number; accounts: readonly number[] },
): Promise<Map<number, BilledBefore[]>> {
  const map = new Map<number, BilledBefore[]>();
  if (r.accounts.length === 0) return map;
  for (const a of r.accounts) map.set(a, []);
  const { rows } = await sql<{
    a: number;
    s: string;
    p: number;
    m: number;
    mz: number;
    z: number;
    q: string;
    k: string;
  }>`
    select b.account_id as a, b.service_code as s, b.period - ${EPOCH} as p, b.meter_id as m, mt.zones as mz,
      b.zone as z, (b.quantity * 1000)::bigint as q, b.amount_kop as k
    from billed_usage b
    join meters mt on mt.account_id = b.account_id and mt.id = b.meter_id
    where b.account_id = any(${r.accounts}::bigint[]) and b.provider_id = ${r.providerId}
      and b.period >= ${EPOCH} + ${r.oldest}::int and b.period < ${EPOCH} + ${r.first}::int
      and b.method not in ('opening', 'unmetered')`.execute(tx);
  for (const x of rows) {
    map.get(Number(x.a))!.push({
      service: x.s,
      period: periodOfDay(x.p),
      meterId: Number(x.m),
      meterZones: x.mz as 1 | 2 | 3,
      zone: x.z,
      quantity: Number(x.q),
      chargedKop: Number(x.k),
    });
  }
  return map;
}

const periods = new Map<number, Period>();
/** A month's first day (epoch day) as its period. */
function periodOfDay(day: number): Period {
  let p = periods.get(day);
  if (p === undefined) {
    p = periodOf(fromEpochDay(day));
    periods.set(day, p);
  }
  return p;
}

interface StateSql {
  /** Packed: account, meter, zone, current (1/0), pairs_from, version, late count, covered on, basis value and
   * period, last id, value, kind and day, previous value, kind, day and period, estimated months. */
  r: string;
  p1: string;
  p2: string;
  p3: string;
  /** Packed, five fields a reading (id, value, kind, day, period), by day and id; null when none. */
  rd: string | null;
  /** Packed, four fields a month billed by estimate (service, first day, quantity, amount), by service and month. */
  em: string | null;
}

/** A state from its packed fields (the row positioned at its first) and its pair arrays. */
function stateOf(row: PackedRow, s: StateSql): StateRow {
  const accountId = row.need();
  const meterId = row.need();
  const zone = row.need();
  const current = row.bool() === true;
  const pairsFrom = row.int();
  const version = row.need();
  const lateCount = row.need();
  const coveredOn = row.int();
  const basisValue = row.int();
  const basisPeriod = row.int();
  const lastId = row.int();
  const lastValue = row.int();
  const lastKind = row.text() as RegisterReadingKind | null;
  const lastDeemed = row.int();
  const prevValue = row.int();
  const prevKind = row.text() as RegisterReadingKind | null;
  const prevDeemed = row.int();
  const prevPeriod = row.int();
  const estimatedMonths = row.int();
  row.end();
  return {
    accountId,
    meterId,
    zone,
    current,
    pairsFrom,
    version,
    lateCount,
    coveredOn,
    basisValue,
    basisPeriod,
    last:
      lastId === null
        ? null
        : { id: lastId, value: Number(lastValue), kind: lastKind!, deemedOn: lastDeemed!, period: 0 },
    prev:
      prevValue === null && prevKind === null
        ? null
        : { value: Number(prevValue), kind: prevKind!, deemedOn: prevDeemed!, period: prevPeriod! },
    pairs: pairsOfText(s.p1, s.p2, s.p3),
    estimatedMonths,
  };
}
