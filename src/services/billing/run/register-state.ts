// Register states (docs/billing.md, "Register state"): after a batch has written its bills, each of its registers'
// state is written in the same transaction — what the next month's run needs so that it reads only the readings
// deemed after it. The readings' triggers (migration 0015) keep the states honest against whoever writes readings.
import { sql } from "kysely";
import type { Db, Tx } from "../../../db/database.ts";
import { addPeriods, firstDay, nextPeriod, type Period } from "../../../domain/period.ts";

/**
 * Writes the batch's register states from `bzu`, `bpairs` and the old states' pairs (`brs`), `bem` and
 * `bill_quantities`.
 * A state is written only where the run read it (its version and late count unchanged since `brd`): a reading written
 * after that leaves the old state, which the next month's run then does not use (it is of an earlier month, or late),
 * so that register is billed from its history. A register whose covered readings are not exactly those of this
 * period or before (a later period's reading deemed among them) gets no new state either.
 */
export async function saveRegisterStates(
  tx: Tx,
  input: { providerId: number; period: Period; longestMonths: number },
): Promise<void> {
  const first = firstDay(input.period);
  // The pairs the next month's windows can reach.
  const pairsFrom = firstDay(addPeriods(nextPeriod(input.period), -input.longestMonths));
  await sql`
    insert into register_states as s (account_id, meter_id, zone, provider_id, period, late_count, version,
      covered_on, basis_value, basis_period, last_id, last_value, last_kind, last_deemed_on, prev_value, prev_kind,
      prev_deemed_on, prev_period, pairs_from, pair_from, pair_to, pair_used, estimated_months)
    select u.account_id, u.meter_id, u.zone, ${input.providerId}, ${first}::date, u.seen_late, u.seen_version,
      u.covered_on,
      case when a.account_id is not null then u.to_v else u.billed_v end,
      case when a.account_id is not null then ${first}::date else u.billed_period end,
      u.last_id, u.last_value, u.last_kind, u.last_deemed_on, u.prev_value, u.prev_kind, u.prev_deemed_on,
      u.prev_period, ${pairsFrom}::date, coalesce(o.pair_from, '{}') || coalesce(p.pair_from, '{}'),
      coalesce(o.pair_to, '{}') || coalesce(p.pair_to, '{}'), coalesce(o.pair_used, '{}') || coalesce(p.pair_used, '{}'),
      -- Billed by a real reading: none since the basis; by estimate: one more, when the basis is a billed one.
      case when a.account_id is not null then 0
        when u.billed_period is null then null
        when u.from_state then u.estimated_months + 1
        else coalesce(e.months, 0) + 1 end
    from bzu u
    left join (
      select distinct account_id, meter_id, zone from bill_quantities
      where purpose = 'bill' and method = 'actual' and period = ${first}::date
    ) a on a.account_id = u.account_id and a.meter_id = u.meter_id and a.zone = u.zone
    left join (
      -- Unordered (sums need no order), but aligned: one group's aggregates see its rows in one order.
      select account_id, meter_id, zone, array_agg(pd) as pair_from, array_agg(deemed_on) as pair_to,
        array_agg(used) as pair_used
      from bpairs where pd >= ${pairsFrom}::date
      group by account_id, meter_id, zone
    ) p on p.account_id = u.account_id and p.meter_id = u.meter_id and p.zone = u.zone
    -- A state's own pairs that the next month's windows still reach (bpairs holds only the new ones).
    left join brs z on u.from_state and z.account_id = u.account_id and z.meter_id = u.meter_id and z.zone = u.zone
    left join lateral (
      select array_agg(k.pd) as pair_from, array_agg(k.deemed_on) as pair_to, array_agg(k.used) as pair_used
      from unnest(z.pair_from, z.pair_to, z.pair_used) as k(pd, deemed_on, used)
      where k.pd >= ${pairsFrom}::date
    ) o on z.account_id is not null
    -- bem holds, for a billed basis, the months billed by estimate after it.
    left join (
      select account_id, meter_id, zone, count(distinct period)::int as months
      from bem group by account_id, meter_id, zone
    ) e on e.account_id = u.account_id and e.meter_id = u.meter_id and e.zone = u.zone
    where u.clean
    order by u.account_id, u.meter_id, u.zone
    on conflict (account_id, meter_id, zone) do update set
      provider_id = excluded.provider_id, period = excluded.period, late_count = 0, covered_on = excluded.covered_on,
      basis_value = excluded.basis_value, basis_period = excluded.basis_period, last_id = excluded.last_id,
      last_value = excluded.last_value, last_kind = excluded.last_kind, last_deemed_on = excluded.last_deemed_on,
      prev_value = excluded.prev_value, prev_kind = excluded.prev_kind, prev_deemed_on = excluded.prev_deemed_on,
      prev_period = excluded.prev_period, pairs_from = excluded.pairs_from, pair_from = excluded.pair_from,
      pair_to = excluded.pair_to, pair_used = excluded.pair_used, estimated_months = excluded.estimated_months
    -- Under READ COMMITTED the check is made on the row's latest version, after waiting for a reading write that
    -- holds it: a state is never overwritten with one that misses a reading.
    where s.version = excluded.version and s.late_count = excluded.late_count`.execute(tx);
}

/**
 * A reading written by a transaction that began before this run was visible to it did not see the run, so it bumped
 * no version: wait until every such transaction has ended (as CREATE INDEX CONCURRENTLY waits for older writers).
 * PostgreSQL only: PGlite has one connection.
 */
export async function waitForReadingWriters(db: Db): Promise<void> {
  const { rows } = await sql<{ v: string[] }>`
    select coalesce(array_agg(distinct virtualtransaction), '{}') as v
    from pg_locks
    where locktype = 'relation' and relation = 'readings'::regclass and mode = 'RowExclusiveLock'
      and pid <> pg_backend_pid()`.execute(db);
  const writers = rows[0]?.v ?? [];
  while (writers.length > 0) {
    const { rows: left } = await sql<{ n: number }>`
      select count(*)::int as n from pg_locks where virtualtransaction = any(${writers}::text[])`.execute(db);
    if ((left[0]?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
