// The figures of one provider-month, computed set-based from the month's own rows: readings by the (provider_id,
// period) index, bills and payments from the month's partitions of billed_usage and ledger_entries, the audit log
// by its (provider_id, at) index, the voice bot's calls by (provider_id, started_at). A handful of GROUP BY
// statements, no row read twice per figure. What each figure means is in docs/console.md ("Statistics").
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import { kyivMidnight } from "../../domain/kyiv-time.ts";
import { firstDay, nextPeriod, type Period } from "../../domain/period.ts";
import { readingWindows } from "./reading-windows.ts";
import { ALL_CHANNELS, channelKey, type StatisticRow } from "./statistic-metrics.ts";

export async function computeMonthlyStatistics(
  db: Db | Tx,
  providerId: number,
  period: Period,
): Promise<StatisticRow[]> {
  const month = firstDay(period);
  const start = kyivMidnight(month);
  const end = kyivMidnight(firstDay(nextPeriod(period)));
  const [readings, active, bills, payments, actions, calls] = await Promise.all([
    readingFigures(db, providerId, period),
    activeResidents(db, providerId, month, start, end),
    billFigures(db, providerId, month),
    paymentFigures(db, providerId, month),
    loggedActions(db, providerId, start, end),
    voiceCalls(db, providerId, start, end),
  ]);
  return [...active, ...readings, ...bills, ...payments, ...actions, ...calls];
}

/**
 * Submissions closing the month, by channel: one per submission (the row of its first zone; every submission
 * writes all of the meter's zones), corrections included, whatever their status since. Late: submitted outside
 * the window occurrence of its month (reading-windows.ts).
 */
async function readingFigures(db: Db | Tx, providerId: number, period: Period): Promise<StatisticRow[]> {
  const windows = await readingWindows(db, providerId, period);
  const bySettlement = windows.some((w) => w.settlementId !== 0);
  const w = {
    services: windows.map((x) => x.service),
    settlements: windows.map((x) => x.settlementId),
    opens: windows.map((x) => x.opensAt.toISOString()),
    closes: windows.map((x) => x.closesAt.toISOString()),
  };
  // One service and one window (most providers): no meter is needed to find a reading's window.
  const single = !bySettlement && new Set(w.services).size === 1;
  const meterJoin = single
    ? sql`cross join windows wg`
    : sql`join meters m on m.account_id = r.account_id and m.id = r.meter_id`;
  // A settlement's own window needs the account's settlement: two more joins, only where such a rule exists.
  const settlementJoin = bySettlement
    ? sql`join accounts a on a.id = r.account_id
          join premises p on p.id = a.premise_id
          left join windows ws on ws.service_code = m.service_code and ws.settlement_id = p.settlement_id`
    : sql`left join windows ws on false`;
  const result = await sql<{ channel: string; submitted: number; late: number }>`
    with windows as (
      select * from unnest(${w.services}::text[], ${w.settlements}::int[], ${w.opens}::timestamptz[],
                           ${w.closes}::timestamptz[]) as x (service_code, settlement_id, opens_at, closes_at)
    )
    select r.channel, count(*)::bigint as submitted,
           (count(*) filter (where r.submitted_at < coalesce(ws.opens_at, wg.opens_at)
                                or r.submitted_at >= coalesce(ws.closes_at, wg.closes_at)))::bigint as late
    from readings r
    ${meterJoin}
    ${settlementJoin}
    ${single ? sql`` : sql`left join windows wg on wg.service_code = m.service_code and wg.settlement_id = 0`}
    where r.provider_id = ${providerId} and r.period = ${firstDay(period)} and r.kind = 'regular' and r.zone = 1
    group by r.channel`.execute(db);
  return result.rows.flatMap((r) => [
    {
      metric: "readings_submitted" as const,
      channel: r.channel,
      value: Number(r.submitted),
      amountKop: null,
    },
    { metric: "readings_late" as const, channel: r.channel, value: Number(r.late), amountKop: null },
  ]);
}

/**
 * Residents (people linked to an account of the provider) who did something in the month: used a signed-in
 * session during it (channel web: the cabinet and the API share sessions), submitted a reading closing it
 * themselves (the reading's channel; an operator's entry on a caller's behalf is not the resident's), or paid
 * online a payment posted to it (web). Each channel's row counts distinct people; 'all' counts each person once.
 */
async function activeResidents(
  db: Db | Tx,
  providerId: number,
  month: string,
  start: Date,
  end: Date,
): Promise<StatisticRow[]> {
  const result = await sql<{ channel: string | null; people: number }>`
    with active as (
      select s.user_id, 'web' as channel
      from sessions s
      join user_accounts ua on ua.user_id = s.user_id and ua.provider_id = ${providerId}
      where s.created_at < ${end} and s.last_seen_at >= ${start}
      union
      select r.actor_user_id, r.channel
      from readings r
      join user_accounts ua on ua.account_id = r.account_id and ua.user_id = r.actor_user_id
      where r.provider_id = ${providerId} and r.period = ${month} and r.kind = 'regular' and r.zone = 1
      union
      select o.started_by, 'web'
      from ledger_entries e
      join payment_orders o on o.account_id = e.account_id and o.id::text = e.details ->> 'order_id'
      join user_accounts ua on ua.account_id = o.account_id and ua.user_id = o.started_by
      where e.provider_id = ${providerId} and e.period = ${month} and e.kind = 'payment'
        and e.source = 'payment_gateway'
    )
    select channel, count(distinct user_id)::bigint as people
    from active
    group by grouping sets ((channel), ())`.execute(db);
  return result.rows.map((r) => ({
    metric: "active_residents" as const,
    channel: r.channel ?? ALL_CHANNELS,
    value: Number(r.people),
    amountKop: null,
  }));
}

/**
 * Bills of the month: one per account and service the run billed (the opening basis is not a bill), and those
 * estimated, where any of its meter zones was billed by average consumption or by the norm for want of a reading.
 */
async function billFigures(db: Db | Tx, providerId: number, month: string): Promise<StatisticRow[]> {
  const result = await sql<{ bills: number; amount: number; estimated: number; estimated_amount: number }>`
    select count(*)::bigint as bills, coalesce(sum(b.amount), 0)::bigint as amount,
           (count(*) filter (where b.estimated))::bigint as estimated,
           coalesce(sum(b.amount) filter (where b.estimated), 0)::bigint as estimated_amount
    from (
      select u.account_id, u.service_code, bool_or(u.method in ('average', 'norm')) as estimated,
             sum(u.amount_kop) as amount
      from billed_usage u
      where u.provider_id = ${providerId} and u.period = ${month} and u.method <> 'opening'
      group by u.account_id, u.service_code
    ) b`.execute(db);
  const r = result.rows[0];
  if (!r || Number(r.bills) === 0) return [];
  return [
    { metric: "bills_issued", channel: ALL_CHANNELS, value: Number(r.bills), amountKop: Number(r.amount) },
    {
      metric: "bills_estimated",
      channel: ALL_CHANNELS,
      value: Number(r.estimated),
      amountKop: Number(r.estimated_amount),
    },
  ];
}

/**
 * Payments posted to the month in the ledger, by the way they came: a card gateway by its name (liqpay, …), a
 * bank's registry (bank), an operator (contact_centre), an import, the demo's history (seed).
 */
async function paymentFigures(db: Db | Tx, providerId: number, month: string): Promise<StatisticRow[]> {
  const result = await sql<{ channel: string; payments: number; amount: number }>`
    select x.channel, count(*)::bigint as payments, (-sum(x.amount_kop))::bigint as amount
    from (
      select e.amount_kop,
             case when e.source = 'payment_gateway' then coalesce(e.details ->> 'gateway', 'gateway')
                  when e.source = 'bank_registry' then 'bank'
                  when e.source = 'operator' then 'contact_centre'
                  else e.source end as channel
      from ledger_entries e
      where e.provider_id = ${providerId} and e.period = ${month} and e.kind = 'payment'
    ) x
    group by x.channel`.execute(db);
  return result.rows.map((r) => ({
    metric: "payments" as const,
    channel: channelKey(r.channel),
    value: Number(r.payments),
    amountKop: Number(r.amount),
  }));
}

/** Lines of the audit log about the provider in the Kyiv month, by the door they came through. */
async function loggedActions(
  db: Db | Tx,
  providerId: number,
  start: Date,
  end: Date,
): Promise<StatisticRow[]> {
  const result = await sql<{ channel: string; lines: number }>`
    select channel, count(*)::bigint as lines
    from audit_log
    where provider_id = ${providerId} and at >= ${start} and at < ${end}
    group by channel`.execute(db);
  return result.rows.map((r) => ({
    metric: "logged_actions" as const,
    channel: channelKey(r.channel),
    value: Number(r.lines),
    amountKop: null,
  }));
}

/** Calls the voice bot answered in the Kyiv month (voice_calls, migration 0033), whatever came of them. */
async function voiceCalls(db: Db | Tx, providerId: number, start: Date, end: Date): Promise<StatisticRow[]> {
  const result = await sql<{ calls: number }>`
    select count(*)::bigint as calls
    from voice_calls
    where provider_id = ${providerId} and started_at >= ${start} and started_at < ${end}`.execute(db);
  const calls = Number(result.rows[0]?.calls ?? 0);
  return calls === 0 ? [] : [{ metric: "calls" as const, channel: "voice", value: calls, amountKop: null }];
}
