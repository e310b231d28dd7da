// The writes of one batch, after pricing: what each zone was billed on, the ledger entries per service
// (charge, estimated charge, recalculation) and the planned payments of the next period. Every insert skips
// rows that exist already, so a batch that was committed before a crash adds nothing when run again. The month's
// partitions of the three tables exist before the first batch (billPeriod).
import { sql } from "kysely";
import type { Tx } from "../../../db/database.ts";
import { firstDay, lastDay, nextPeriod, type Period } from "../../../domain/period.ts";
import { AppError } from "../../errors.ts";
import type { BillingTotals } from "../billing-totals.ts";

/** Every quantity of the batch got a price, with a coefficient for every zone; else the run stops, by name. */
export async function checkPriced(tx: Tx): Promise<void> {
  const { rows } = await sql<{
    service_code: string;
    settlement: string;
    period: string;
    zones: number;
    tariff: number | null;
  }>`
    select a.service_code, s.name_en as settlement, a.period, a.zones, a.tariff_without_coefficient as tariff
    from bill_amounts a
    join settlements s on s.id = a.settlement_id
    where a.purpose <> 'plan' and (a.amount_kop is null or a.tariff_without_coefficient is not null)
    limit 1`.execute(tx);
  const bad = rows[0];
  if (!bad) return;
  if (bad.tariff === null) {
    throw new AppError("billing_tariff_missing", {
      service: bad.service_code,
      settlement: bad.settlement,
      day: bad.period,
    });
  }
  throw new AppError("billing_tariff_invalid", {
    tariff: bad.tariff,
    service: bad.service_code,
    reason: `it has no zone coefficients for a ${bad.zones}-zone meter (${bad.settlement}, ${bad.period.slice(0, 7)})`,
  });
}

export async function postBatch(
  tx: Tx,
  input: {
    providerId: number;
    period: Period;
    runId: number;
  },
): Promise<BillingTotals> {
  const { providerId: provider, runId } = input;
  const first = firstDay(input.period);
  const next = firstDay(nextPeriod(input.period));
  const entryDate = lastDay(input.period);
  const ref = `bill:${input.period}:`;
  // Every insert counts what it added (not what a resumed batch found posted), for the run's totals.
  const { rows: usage } = await sql<{ accounts: number }>`
    with added as (
    insert into billed_usage (account_id, meter_id, zone, period, service_code, provider_id, method, quantity,
      from_value, to_value, to_reading_id, amount_kop, run_id)
    select account_id, meter_id, zone, period, service_code, ${provider}, method, quantity_th / 1000.0,
      from_v / 1000.0, to_v / 1000.0, to_reading_id, amount_kop, ${runId}
    from bill_amounts where purpose = 'bill'
    order by account_id
    on conflict do nothing
    returning account_id
    )
    select count(distinct account_id)::int as accounts from added`.execute(tx);

  const { rows: ledger } = await sql<Omit<BillingTotals, "accounts" | "plannedKop">>`
    with per_service as (
      select account_id, service_code, settlement_id,
        coalesce(sum(amount_kop) filter (where method in ('actual', 'unmetered')), 0) as actual_kop,
        coalesce(sum(amount_kop) filter (where method not in ('actual', 'unmetered')), 0) as estimated_kop,
        bool_or(method in ('actual', 'unmetered')) as any_actual
      from bill_amounts where purpose = 'bill'
      group by account_id, service_code, settlement_id
    ),
    with_fee as (
      select s.*, p.month_fee_kop as fee
      from per_service s
      join bill_parts p on p.service_code = s.service_code and p.settlement_id = s.settlement_id
        and p.period = ${first}::date and p.part_no = 1
    ),
    recalculated as (
      select r.account_id, r.service_code, sum(r.amount_kop - r.charged_kop) as difference,
        jsonb_agg(jsonb_build_object('period', to_char(r.period, 'YYYY-MM'), 'meter_id', r.meter_id,
          'zone', r.zone, 'estimated', r.charged_th / 1000.0, 'actual', r.quantity_th / 1000.0,
          'charged_kop', r.charged_kop, 'recalculated_kop', r.amount_kop) order by r.period, r.meter_id, r.zone)
          as months
      from bill_amounts r
      where r.purpose = 'recalc'
      group by r.account_id, r.service_code
    ),
    entries as (
      select account_id, service_code, 'charge' as kind,
        actual_kop + case when any_actual then fee else 0 end as amount, null::jsonb as details
      from with_fee
      union all
      select account_id, service_code, 'estimated_charge',
        estimated_kop + case when any_actual then 0 else fee end, null
      from with_fee
      union all
      select account_id, service_code, 'recalculation', difference, jsonb_build_object('months', months)
      from recalculated
    ),
    added as (
    insert into ledger_entries (account_id, provider_id, service_code, period, kind, amount_kop, entry_date,
      source, source_ref, details)
    select account_id, ${provider}, service_code, ${first}::date, kind, amount, ${entryDate}::date, 'billing',
      ${ref} || service_code || ':' || kind, details
    from entries where amount <> 0
    order by account_id
    on conflict (account_id, source, source_ref, period) where source_ref is not null do nothing
    returning account_id, kind, amount_kop
    )
    select
      count(distinct account_id) filter (where kind = 'charge')::int as charged,
      count(distinct account_id) filter (where kind = 'estimated_charge')::int as estimated,
      count(distinct account_id) filter (where kind = 'recalculation')::int as recalculated,
      coalesce(sum(amount_kop) filter (where kind = 'charge'), 0)::bigint as "chargeKop",
      coalesce(sum(amount_kop) filter (where kind = 'estimated_charge'), 0)::bigint as "estimatedKop",
      coalesce(sum(amount_kop) filter (where kind = 'recalculation'), 0)::bigint as "recalculationKop",
      coalesce(sum(amount_kop), 0)::bigint as "totalKop"
    from added`.execute(tx);

  // Planned payment: the expected charge plus the fixed fee, rounded up to whole hryvnias (planned-payment.ts).
  const { rows: planned } = await sql<{ kop: number }>`
    with added as (
    insert into planned_payments (account_id, period, service_code, provider_id, amount_kop, run_id)
    select q.account_id, ${next}::date, q.service_code, ${provider},
      ((sum(q.amount_kop)::bigint + max(p.month_fee_kop) + 99) / 100) * 100, ${runId}
    from bill_amounts q
    join bill_parts p on p.service_code = q.service_code and p.settlement_id = q.settlement_id
      and p.period = ${next}::date and p.part_no = 1
    where q.purpose = 'plan' and q.amount_kop is not null
    group by q.account_id, q.service_code
    having sum(q.amount_kop) + max(p.month_fee_kop) > 0
    order by q.account_id
    on conflict do nothing
    returning amount_kop
    )
    select coalesce(sum(amount_kop), 0)::bigint as kop from added`.execute(tx);

  return {
    accounts: usage[0]?.accounts ?? 0,
    ...ledger[0]!,
    plannedKop: planned[0]?.kop ?? 0,
  };
}

/** The batch's range and what it added, in the batch's transaction: a resumed run skips it (bill-period.ts). */
export async function recordBatch(
  tx: Tx,
  runId: number,
  batch: { accountFrom: number; accountTo: number; accounts: number },
  totals: BillingTotals,
): Promise<void> {
  await sql`
    insert into billing_run_batches (run_id, account_from, account_to, accounts, totals)
    values (${runId}, ${batch.accountFrom}, ${batch.accountTo}, ${batch.accounts},
      ${JSON.stringify(totals)}::jsonb)`.execute(tx);
}

/** Two parts' totals as one (the accounts of a batch billed in the process and by the set-based path). */
export function addTotals(a: BillingTotals, b: BillingTotals): BillingTotals {
  return Object.fromEntries(
    Object.keys(a).map((k) => [k, a[k as keyof BillingTotals] + b[k as keyof BillingTotals]]),
  ) as unknown as BillingTotals;
}
