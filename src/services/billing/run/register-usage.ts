// Per register (meter zone) of a batch, from its readings (register-readings.ts):
//   bpairs  the valid consecutive-reading pairs (first reading's deemed date, second's, use with roll-over) that
//           the readings read for this batch make: a register's whole window from its history, or from its state's
//           latest reading on (the state keeps its older pairs in arrays);
//   bzu     the closing reading, the basis it is measured from (the last billed real reading, or the previous
//           reading), the consumption, the average daily use for the estimate of this period and for the planned
//           payment of the next, and what a register state written after this batch keeps (register-state.ts).
// A register with a usable state is computed from the state and the readings deemed after it, every other one from
// its history; both give the same figures (test/billing/register-state.test.ts bills months both ways).
import { sql } from "kysely";
import type { Tx } from "../../../db/database.ts";
import { addDays } from "../../../domain/local-date.ts";
import { addPeriods, firstDay, nextPeriod } from "../../../domain/period.ts";
import { analyzeTemp } from "./analyze-temp.ts";
import { historyFrom, type RegisterReadingsInput } from "./register-readings.ts";

export async function registerUsage(tx: Tx, input: RegisterReadingsInput): Promise<void> {
  await pairs(tx, input);
  await usage(tx, input);
}

async function pairs(tx: Tx, input: RegisterReadingsInput): Promise<void> {
  const first = firstDay(input.period);
  // A state's registers: its latest reading, then the new ones of this period or before (each deemed later than
  // it); and the pairs it keeps.
  const stateSeq = input.registerState
    ? sql`
      union all
      select account_id, meter_id, zone, last_id, last_value, last_kind, last_deemed_on
      from brs where usable and last_id is not null
      union all
      select account_id, meter_id, zone, id, v, kind, deemed_on from brd where period <= ${first}::date`
    : sql``;
  await sql`
    create temp table bpairs on commit drop as
    with seq as (
      select r.account_id, r.meter_id, r.zone, r.id, r.v, r.kind, r.deemed_on
      from br r
      join brs f on f.account_id = r.account_id and f.meter_id = r.meter_id and f.zone = r.zone
      where not f.usable and r.period <= ${first}::date
      ${stateSeq}
    ),
    lagged as (
      select q.account_id, q.meter_id, q.zone, q.v, q.kind, q.deemed_on, z.capacity,
        lag(q.v) over w as pv, lag(q.kind) over w as pk, lag(q.deemed_on) over w as pd
      from seq q
      join brs z on z.account_id = q.account_id and z.meter_id = q.meter_id and z.zone = q.zone
      window w as (partition by q.account_id, q.meter_id, q.zone order by q.deemed_on, q.id)
    ),
    used as (
      select x.account_id, x.meter_id, x.zone, x.pd, x.deemed_on,
        case when x.v >= x.pv then x.v - x.pv
          when x.pv * 10 >= x.capacity * 9 and x.v * 10 <= x.capacity then x.capacity - x.pv + x.v end as used
      from lagged x
      where x.pv is not null and x.pk <> 'final' and x.kind <> 'initial'
    )
    select account_id, meter_id, zone, pd, deemed_on, used from used where used is not null`.execute(tx);
  await analyzeTemp(tx, "bpairs", input.analyze);
}

async function usage(tx: Tx, input: RegisterReadingsInput): Promise<void> {
  const first = firstDay(input.period);
  const next = firstDay(nextPeriod(input.period));
  const from = historyFrom(input);
  // A state made from the history covers what its latest reading covers, or everything before the window.
  const beforeWindow = addDays(from, -1);
  // br holds readings of later periods deemed up to here: a state covering beyond it cannot be checked.
  const checkedTo = firstDay(addPeriods(input.period, 2));
  const src = input.sources;
  const stateCtes = input.registerState ? fromState(input) : sql``;
  const stateRows = input.registerState ? sql`union all select * from from_state` : sql``;
  // A usable state's pairs are summed from its arrays, register by register: unnested into rows and sorted for
  // one aggregate, they were most of bpairs and of this statement (ten pairs a register).
  const stateSums = input.registerState
    ? sql`
    state_sums as (
      select z.account_id, z.meter_id, z.zone, x.est_used, x.est_days, x.plan_used, x.plan_days
      from brs z
      cross join lateral (
        select coalesce(sum(p.used) filter (where e.in_est), 0)::bigint as est_used,
          coalesce(sum(p.deemed_on - p.pd) filter (where e.in_est), 0)::bigint as est_days,
          coalesce(sum(p.used) filter (where e.in_plan), 0)::bigint as plan_used,
          coalesce(sum(p.deemed_on - p.pd) filter (where e.in_plan), 0)::bigint as plan_days
        from unnest(z.pair_from, z.pair_to, z.pair_used) as p(pd, deemed_on, used)
        cross join lateral (select ${inEst(sql`p`, first)} as in_est, ${inPlan(sql`p`, next)} as in_plan) e
      ) x
      where z.usable
    ),`
    : sql``;
  const stateSumRows = input.registerState ? sql`union all select * from state_sums` : sql``;
  await sql`
    create temp table bzu on commit drop as
    with hist as (select * from br where period <= ${first}::date),
    ${latestReadings("h", "hist", "br", first)}
    pair_sums as (
      select p.account_id, p.meter_id, p.zone,
        coalesce(sum(p.used) filter (where e.in_est), 0)::bigint as est_used,
        coalesce(sum(p.deemed_on - p.pd) filter (where e.in_est), 0)::bigint as est_days,
        coalesce(sum(p.used) filter (where e.in_plan), 0)::bigint as plan_used,
        coalesce(sum(p.deemed_on - p.pd) filter (where e.in_plan), 0)::bigint as plan_days
      from bpairs p
      join brs z on z.account_id = p.account_id and z.meter_id = p.meter_id and z.zone = p.zone
      cross join lateral (select ${inEst(sql`p`, first)} as in_est, ${inPlan(sql`p`, next)} as in_plan) e
      group by p.account_id, p.meter_id, p.zone
    ),
    ${stateSums}
    averages as (
      select account_id, meter_id, zone, sum(est_used)::bigint as est_used, sum(est_days)::bigint as est_days,
        sum(plan_used)::bigint as plan_used, sum(plan_days)::bigint as plan_days
      from (select * from pair_sums ${stateSumRows}) a
      group by account_id, meter_id, zone
    ),
    from_history as (
      select z.account_id, z.meter_id, z.zone, z.capacity, z.installed_in_period, z.history_months,
        c.id as to_reading_id, c.v as to_v,
        case when b.period is not null then b.v when pv.account_id is not null then pv.v else old.v end as from_v,
        case when b.period is not null then b.period when pv.account_id is not null then pv.period
          else old.period end as basis_period,
        -- The day the use measured from the basis starts: after the billed or the regular reading's month, or on
        -- the day a meter was installed (its initial reading).
        case when b.period is not null then (b.period + interval '1 month')::date
          when pv.account_id is not null then
            case when pv.kind = 'initial' then pv.deemed_on else (pv.period + interval '1 month')::date end
          when old.kind = 'initial' then old.deemed_on
          else (old.period + interval '1 month')::date end as basis_date,
        b.v as billed_v, b.period as billed_period,
        la.id as last_id, la.v as last_value, la.kind as last_kind, la.deemed_on as last_deemed_on,
        coalesce(lp.v, op.v) as prev_value, coalesce(lp.kind, op.kind) as prev_kind,
        coalesce(lp.deemed_on, op.deemed_on) as prev_deemed_on, coalesce(lp.period, op.period) as prev_period,
        cv.covered_on,
        cv.covered_on <= ${checkedTo}::date and (hl.deemed_on is null or hl.deemed_on > cv.covered_on)
          and (op.period is null or op.period <= ${first}::date) as clean,
        null::int as estimated_months, false as from_state, z.seen_version, z.seen_late
      -- Left joins from one table: an inner join on three columns made the planner expect one row and nest loops.
      from brs z
      left join h_closing c on c.account_id = z.account_id and c.meter_id = z.meter_id and c.zone = z.zone
      left join h_prev_now pv on pv.account_id = z.account_id and pv.meter_id = z.meter_id and pv.zone = z.zone
      left join h_last la on la.account_id = z.account_id and la.meter_id = z.meter_id and la.zone = z.zone
      left join h_prev lp on lp.account_id = z.account_id and lp.meter_id = z.meter_id and lp.zone = z.zone
      left join h_later hl on hl.account_id = z.account_id and hl.meter_id = z.meter_id and hl.zone = z.zone
      cross join lateral (select coalesce(la.deemed_on, ${beforeWindow}::date) as covered_on) cv
      -- The basis: the last billed real reading, register by register through billed_usage's key. (No condition
      -- on the provider, whose the account is anyway: on stale statistics the planner walked the provider's
      -- index of billed months for each register instead.)
      left join lateral (
        select e.period, (e.to_value * 1000)::bigint as v
        from ${src.billed_usage} e
        where e.account_id = z.account_id and e.meter_id = z.meter_id and e.zone = z.zone
          and e.method in ('actual', 'opening') and e.period < ${first}::date
        order by e.period desc
        limit 1
      ) b on true
      -- The previous reading is older than the history window: rare, looked up one by one.
      left join lateral (
        select (r.value * 1000)::bigint as v, r.period, r.kind, r.deemed_on
        from ${src.readings} r
        where c.id is not null and b.period is null and pv.account_id is null
          and r.account_id = z.account_id and r.meter_id = z.meter_id and r.zone = z.zone
          and r.status in ('accepted', 'pending_review')
          and (r.kind = 'initial' or (r.kind = 'regular' and r.period < ${first}::date))
          and r.deemed_on < ${from}::date
        order by r.deemed_on desc, r.id desc
        limit 1
      ) old on true
      -- For the state, when the window holds no previous reading: the latest before it, of any period (one of a
      -- later period means the state would not cover exactly this period's readings).
      left join lateral (
        select (r.value * 1000)::bigint as v, r.period, r.kind, r.deemed_on
        from ${src.readings} r
        where ${input.registerState} and lp.account_id is null
          and r.account_id = z.account_id and r.meter_id = z.meter_id and r.zone = z.zone
          and r.status in ('accepted', 'pending_review') and r.kind in ('initial', 'regular')
          and r.deemed_on < ${from}::date
        order by r.deemed_on desc, r.id desc
        limit 1
      ) op on true
      where not z.usable
    ),
    ${stateCtes}
    based as (
      select d.*, coalesce(a.est_used, 0) as est_used, coalesce(a.est_days, 0) as est_days,
        coalesce(a.plan_used, 0) as plan_used, coalesce(a.plan_days, 0) as plan_days
      from (select * from from_history ${stateRows}) d
      left join averages a on a.account_id = d.account_id and a.meter_id = d.meter_id and a.zone = d.zone
    )
    select d.*,
      case when d.to_v is null or d.from_v is null then null
        when d.to_v >= d.from_v then d.to_v - d.from_v
        when d.from_v * 10 >= d.capacity * 9 and d.to_v * 10 <= d.capacity then d.capacity - d.from_v + d.to_v
      end as used,
      -- A closing reading with nothing before it starts the meter's history: billed 0, the basis from now on.
      d.to_v is not null and d.from_v is null as first_reading
    from based d`.execute(tx);
  await analyzeTemp(tx, "bzu", input.analyze);
}

/** A pair inside the estimate's window of this period (`z`: the register's brs row, with history_months). */
function inEst(p: ReturnType<typeof sql>, first: string) {
  return sql`${p}.pd >= (${first}::date - make_interval(months => z.history_months))::date
    and ${p}.deemed_on <= ${first}::date`;
}

/** A pair inside the planned payment's window (the next period's estimate). */
function inPlan(p: ReturnType<typeof sql>, next: string) {
  return sql`${p}.pd >= (${next}::date - make_interval(months => z.history_months))::date
    and ${p}.deemed_on <= ${next}::date`;
}

/**
 * Per register, from `source` (its readings up to this period, deemed order): `<prefix>_closing` the period's latest
 * regular or final reading, `<prefix>_prev_now` the latest initial or earlier-period regular one (the basis when none
 * was billed), and for the state `<prefix>_last` the latest of all and `<prefix>_prev` the latest that is not a final
 * one; `<prefix>_later`, from `later` (which also holds later periods' readings), the first day a reading of a later
 * period is deemed on: a state may cover only readings deemed before it. The history and the state path both use it.
 */
function latestReadings(prefix: "h" | "st", source: string, later: string, first: string) {
  const cte = (name: string) => sql.raw(`${prefix}_${name}`);
  const latest = (columns: string, where: ReturnType<typeof sql>) => sql`
      select distinct on (account_id, meter_id, zone) account_id, meter_id, zone, ${sql.raw(columns)}
      from ${sql.raw(source)} ${where}
      order by account_id, meter_id, zone, deemed_on desc, id desc`;
  return sql`
    ${cte("closing")} as (${latest("id, v", sql`where period = ${first}::date and kind in ('regular', 'final')`)}),
    ${cte("prev_now")} as (${latest(
      "v, period, kind, deemed_on",
      sql`where kind = 'initial' or (kind = 'regular' and period < ${first}::date)`,
    )}),
    ${cte("last")} as (${latest("id, v, kind, deemed_on", sql``)}),
    ${cte("prev")} as (${latest("v, kind, deemed_on, period", sql`where kind in ('initial', 'regular')`)}),
    ${cte("later")} as (
      select account_id, meter_id, zone, min(deemed_on) as deemed_on
      from ${sql.raw(later)} where period > ${first}::date group by account_id, meter_id, zone
    ),`;
}

/** The registers billed from their state and the readings deemed after it: the same columns as from_history. */
function fromState(input: RegisterReadingsInput) {
  const first = firstDay(input.period);
  const from = historyFrom(input);
  return sql`
    consumed as (select * from brd where period <= ${first}::date),
    ${latestReadings("st", "consumed", "brd", first)}
    from_state as (
      select z.account_id, z.meter_id, z.zone, z.capacity, z.installed_in_period, z.history_months,
        c.id as to_reading_id, c.v as to_v,
        -- As from the history: the billed basis, else the previous reading in the window, else (with a closing
        -- reading) the one before the window.
        case when z.basis_period is not null then z.basis_value
          when e.deemed_on >= ${from}::date or c.id is not null then e.v end as from_v,
        case when z.basis_period is not null then z.basis_period
          when e.deemed_on >= ${from}::date or c.id is not null then e.period end as basis_period,
        case when z.basis_period is not null then (z.basis_period + interval '1 month')::date
          when e.deemed_on >= ${from}::date or c.id is not null then
            case when e.kind = 'initial' then e.deemed_on else (e.period + interval '1 month')::date end
          end as basis_date,
        z.basis_value as billed_v, z.basis_period as billed_period,
        case when sl.account_id is null then z.last_id else sl.id end as last_id,
        case when sl.account_id is null then z.last_value else sl.v end as last_value,
        case when sl.account_id is null then z.last_kind else sl.kind end as last_kind,
        case when sl.account_id is null then z.last_deemed_on else sl.deemed_on end as last_deemed_on,
        case when sp.account_id is null then z.prev_value else sp.v end as prev_value,
        case when sp.account_id is null then z.prev_kind else sp.kind end as prev_kind,
        case when sp.account_id is null then z.prev_deemed_on else sp.deemed_on end as prev_deemed_on,
        case when sp.account_id is null then z.prev_period else sp.period end as prev_period,
        cv.covered_on,
        sa.deemed_on is null or sa.deemed_on > cv.covered_on as clean,
        z.estimated_months, true as from_state, z.seen_version, z.seen_late
      from brs z
      left join st_closing c on c.account_id = z.account_id and c.meter_id = z.meter_id and c.zone = z.zone
      left join st_prev_now n on n.account_id = z.account_id and n.meter_id = z.meter_id and n.zone = z.zone
      left join st_last sl on sl.account_id = z.account_id and sl.meter_id = z.meter_id and sl.zone = z.zone
      left join st_prev sp on sp.account_id = z.account_id and sp.meter_id = z.meter_id and sp.zone = z.zone
      left join st_later sa on sa.account_id = z.account_id and sa.meter_id = z.meter_id and sa.zone = z.zone
      -- The latest previous reading: a new one, else the state's (every reading it covers is of an earlier month).
      cross join lateral (select
          case when n.account_id is null then z.prev_value else n.v end as v,
          case when n.account_id is null then z.prev_period else n.period end as period,
          case when n.account_id is null then z.prev_kind else n.kind end as kind,
          case when n.account_id is null then z.prev_deemed_on else n.deemed_on end as deemed_on) e
      cross join lateral (select coalesce(sl.deemed_on, z.covered_on) as covered_on) cv
      where z.usable
    ),`;
}
