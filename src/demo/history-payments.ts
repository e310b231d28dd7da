// The demo's money after its bills, so balances look like a real region's: most households near zero, some in
// debt, some paid ahead. Each account keeps one habit (a hash of the seed and its id, as everything in the demo):
//   7 in 10 pay each bill in full, rounded up to the hryvnia (a few carried an advance over from the old system);
//   1 in 8 pay a round sum near the bill;
//   1 in 10 skip months and then pay all that is owed;
//   1 in 12 pay part of each bill and carried a debt over.
// The opening balance is sized from the account's first bill; payments come 3–25 days into the month after the
// bill, none after the history's last day. Set-based, like the generator: a million accounts take seconds.
import { sql } from "kysely";
import type { Tx } from "../db/database.ts";
import { ensurePeriodPartitions } from "../db/period-partitions.ts";
import { firstDay, lastDay, type Period, periodOf, periodsBetween } from "../domain/period.ts";

export interface HistoryMoney {
  seed: number;
  /** The month before the first billed one: the opening balance's. */
  opening: Period;
  first: Period;
  last: Period;
  /** The history's last day (Kyiv): no payment after it. */
  asOf: string;
}

const PERSONA = `case when demo_rand(:seed, a.id, 70) < 0.70 then 'prompt'
  when demo_rand(:seed, a.id, 70) < 0.825 then 'round'
  when demo_rand(:seed, a.id, 70) < 0.92 then 'irregular' else 'debtor' end`;

export async function recordHistoryMoney(
  tx: Tx,
  h: HistoryMoney,
): Promise<{ openings: number; payments: number }> {
  const bind = (text: string) =>
    text
      .replaceAll(":seed", String(h.seed))
      .replaceAll(":opening_day", `date '${lastDay(h.opening)}'`)
      .replaceAll(":opening", `date '${firstDay(h.opening)}'`)
      .replaceAll(":first", `date '${firstDay(h.first)}'`)
      .replaceAll(":last", `date '${firstDay(h.last)}'`)
      .replaceAll(":as_of", `date '${h.asOf}'`);
  const count = async (text: string) =>
    (await sql.raw<{ n: number }>(bind(text)).execute(tx)).rows[0]?.n ?? 0;

  // The opening balances' month, and every month a payment may fall in, up to the history's last day.
  await ensurePeriodPartitions(
    tx,
    "ledger_entries",
    periodsBetween(h.opening, periodOf(h.asOf)).map(firstDay),
  );

  const openings = await count(`
    with first_bill as (
      select distinct on (account_id) account_id, provider_id, sum(amount_kop) over (partition by account_id, period)
        as charged
      from ledger_entries
      where source = 'billing' and period between :first and :last
      order by account_id, period
    ), amounts as (
      select b.account_id, b.provider_id, case
          when ${PERSONA} = 'prompt' then case when demo_rand(:seed, a.id, 71) < 0.06
            then -round(b.charged * (0.5 + demo_rand(:seed, a.id, 72)) / 100) * 100 else 0 end
          when ${PERSONA} = 'round' then round(b.charged * (demo_rand(:seed, a.id, 72) - 0.5) / 100) * 100
          when ${PERSONA} = 'irregular' then case when demo_rand(:seed, a.id, 71) < 0.5 then b.charged else 0 end
          else b.charged * (1 + floor(demo_rand(:seed, a.id, 72) * 4)) end::bigint as amount
      from first_bill b join accounts a on a.id = b.account_id
      where b.charged > 0
    ), inserted as (
      insert into ledger_entries (account_id, provider_id, service_code, period, kind, amount_kop, entry_date,
        source, source_ref, details)
      select account_id, provider_id, null, :opening, 'opening_balance', amount, :opening_day, 'seed', 'opening',
        '{"carried_over": "the previous billing system"}'::jsonb
      from amounts where amount <> 0
      order by account_id
      on conflict do nothing
      returning 1
    )
    select count(*)::int as n from inserted`);

  const payments = await count(`
    with owed as (
      -- What each month asks of the account: its bill, and for the first month the balance carried over.
      select e.account_id, e.provider_id, greatest(e.period, :first) as period, sum(e.amount_kop)::bigint as charged
      from ledger_entries e
      where (e.source = 'billing' and e.period between :first and :last) or e.kind = 'opening_balance'
      group by e.account_id, e.provider_id, greatest(e.period, :first)
    ), months as (
      select o.*, ${PERSONA} as persona,
        demo_rand(:seed, a.id * 64 + extract(month from o.period)::int, 73) as skip,
        demo_rand(:seed, a.id * 64 + extract(month from o.period)::int, 74) as share,
        (o.period + interval '1 month')::date
          + (2 + floor(demo_rand(:seed, a.id * 64 + extract(month from o.period)::int, 75) * 23))::int as paid_on
      from owed o join accounts a on a.id = o.account_id
    ), grouped as (
      -- An irregular payer's months since the last payment are paid together, with the next one paid.
      select m.*, coalesce(sum(case when m.skip >= 0.4 then 1 else 0 end) over (partition by m.account_id
        order by m.period rows between unbounded preceding and 1 preceding), 0) as since
      from months m
    ), amounts as (
      select g.*, case
          when g.persona = 'prompt' then ceil(g.charged / 100.0) * 100
          when g.persona = 'round' then greatest(5000, round(g.charged / 5000.0) * 5000)
          when g.persona = 'irregular' then case when g.skip >= 0.4
            then ceil(sum(g.charged) over (partition by g.account_id, g.since) / 100.0) * 100 else 0 end
          else case when g.skip >= 0.3 then round(g.charged * (0.5 + 0.2 * g.share) / 1000.0) * 1000 else 0 end
        end::bigint as amount
      from grouped g
    ), inserted as (
      insert into ledger_entries (account_id, provider_id, service_code, period, kind, amount_kop, entry_date,
        source, source_ref)
      select account_id, provider_id, null, date_trunc('month', paid_on)::date,
        'payment', -amount, paid_on, 'seed', 'seed:' || to_char(period, 'YYYY-MM')
      from amounts where amount > 0 and paid_on <= :as_of
      order by account_id
      on conflict do nothing
      returning 1
    )
    select count(*)::int as n from inserted`);
  return { openings, payments };
}
