// One batch of a billing run: the accounts of one provider with ids in [accountFrom, accountTo), billed for one
// period in one transaction of set-based statements over temporary tables — nothing is loaded into Node.
// The order (docs/billing.md):
//   bz   the meter zones billed this period, one row per billed service (sewerage rides on the water meter);
//   brd, brs, br  each register's readings: since its register state, or its history (register-readings.ts);
//   bpairs, bzu   per meter zone: the closing reading, the basis it is measured from (the last billed real
//        reading, or the previous reading), the consumption with roll-over, and the average daily use for the
//        estimate of this period and for the planned payment of the next (register-usage.ts);
//   bem  the months billed by estimate since that basis, which a real reading now recalculates;
//   bill_quantities  what to price: this period's quantities (actual, estimated, unmetered norms), the
//        estimated months re-spread by days (recalculation), and the next period's expected use (planned
//        payment); then priceQuantities, and the writes in post-batch.ts.
import { sql } from "kysely";
import type { Tx } from "../../../db/database.ts";
import type { ServiceCode } from "../../../db/tables/reference.table.ts";
import { firstDay, nextPeriod, type Period } from "../../../domain/period.ts";
import { analyzeTemp } from "./analyze-temp.ts";
import { type BatchSources, TABLES_THEMSELVES } from "./batch-sources.ts";
import { readRegisterReadings } from "./register-readings.ts";
import { registerUsage } from "./register-usage.ts";
import { createPartsTable, type TariffPartRow } from "./tariff-parts.ts";

/** A service billed on the readings of meters of `meterService` (itself, or sewerage on cold water). */
export interface BilledService {
  meterService: ServiceCode;
  service: ServiceCode;
  historyMonths: number;
  /** Estimated months in a row after which the norm replaces the average; null: never. */
  averageForMonths: number | null;
}

export interface BatchInput {
  providerId: number;
  period: Period;
  accountFrom: number;
  accountTo: number;
  parts: readonly TariffPartRow[];
  services: readonly BilledService[];
  /** Analyse the temporary tables (a large batch: the planner needs their sizes; a small one is quicker without). */
  analyze: boolean;
  /** Register states read and written (docs/billing.md); false: every register from its history (tests). */
  registerState: boolean;
  /** Only these accounts of the range (the ones the in-process path leaves to this one); absent: all of them. */
  accounts?: readonly number[];
  /** Where the batch's rows are read from (batch-sources.ts); absent: the tables themselves. */
  sources?: BatchSources;
}

/** The longest history an estimation rule of the billed services looks back on. */
export function longestHistoryMonths(services: readonly BilledService[]): number {
  return Math.max(...services.map((s) => s.historyMonths));
}

export async function prepareBatch(tx: Tx, input: BatchInput): Promise<void> {
  const { providerId: provider, accountFrom: from, accountTo: to } = input;
  const first = firstDay(input.period);
  const next = firstDay(nextPeriod(input.period));
  const longest = longestHistoryMonths(input.services);
  const src = input.sources ?? TABLES_THEMSELVES;
  await createPartsTable(tx, input.parts, input.analyze);
  const s = input.services;
  await sql`
    create temp table bill_services on commit drop as
    select * from unnest(${s.map((x) => x.meterService)}::text[], ${s.map((x) => x.service)}::text[],
      ${s.map((x) => x.historyMonths)}::int[], ${s.map((x) => x.averageForMonths)}::int[])
      as s(meter_service, service_code, history_months, average_for_months)`.execute(tx);
  await analyzeTemp(tx, "bill_services", input.analyze);

  // The batch's open accounts with their premises: the one read of accounts and premises, by the provider's index
  // and the premises' key, so a batch costs its own size however many accounts the region holds (a provider's
  // accounts are spread over the whole id range, among the other providers').
  // Priced as the cached rows they mostly are, the planner probes the keys rather than scanning whole tables.
  await sql`set local enable_nestloop = on`.execute(tx);
  await sql`set local random_page_cost = 1.1`.execute(tx);
  await sql`
    create temp table ba on commit drop as
    select a.id as account_id, pr.settlement_id, pr.residents, pr.area_m2
    from ${src.accounts} a
    join premises pr on pr.id = a.premise_id
    where a.provider_id = ${provider} and a.id >= ${from} and a.id < ${to}
      and a.opened_on < ${next}::date and (a.closed_on is null or a.closed_on >= ${first}::date)
      ${input.accounts ? sql`and a.id = any(${input.accounts}::bigint[])` : sql``}`.execute(tx);
  await analyzeTemp(tx, "ba", true);

  await sql`
    create temp table bz on commit drop as
    select a.account_id, a.settlement_id, a.residents, a.area_m2,
      m.id as meter_id, m.service_code as meter_service, s.service_code, s.history_months, s.average_for_months,
      m.zones::int as zones, z.zone::int as zone, (10::numeric ^ m.digits)::bigint * 1000 as capacity,
      m.installed_on >= ${first}::date as installed_in_period,
      m.removed_on is not null and m.removed_on < ${next}::date as removed_in_period
    from ba a
    join ${src.meters} m on m.account_id = a.account_id
    join bill_services s on s.meter_service = m.service_code
    cross join generate_series(1, m.zones) as z(zone)
    where m.installed_on < ${next}::date and (m.removed_on is null or m.removed_on >= ${first}::date)`.execute(
    tx,
  );
  await analyzeTemp(tx, "bz", input.analyze);
  await sql`set local random_page_cost = default`.execute(tx);
  if (!input.analyze) await sql`set local enable_nestloop = off`.execute(tx);

  // The meter zones themselves (not per billed service): a table of its own, so the planner knows its size.
  await sql`
    create temp table bzz on commit drop as
    select distinct account_id, meter_id, zone, capacity, installed_in_period, history_months
    from bz where service_code = meter_service`.execute(tx);
  await analyzeTemp(tx, "bzz", input.analyze);

  // The readings of each register: since its state, or its history (register-readings.ts); then per register the
  // closing reading, the basis, the consumption and the averages (register-usage.ts).
  const registers = {
    providerId: provider,
    period: input.period,
    accountFrom: from,
    accountTo: to,
    longestMonths: longest,
    registerState: input.registerState,
    analyze: input.analyze,
    sources: src,
  };
  await readRegisterReadings(tx, registers);
  await registerUsage(tx, registers);

  await sql`
    create temp table bem on commit drop as
    select e.account_id, e.meter_id, e.zone::int as zone, e.service_code, e.period,
      (e.quantity * 1000)::bigint as q, e.amount_kop,
      -- The month's days after the basis: a whole month, or from the day a new meter was installed.
      (e.period + interval '1 month')::date - greatest(e.period, u.basis_date) as days
    from ${src.billed_usage} e
    join bzu u on u.account_id = e.account_id and u.meter_id = e.meter_id and u.zone = e.zone
    where e.account_id >= ${from} and e.account_id < ${to} and e.provider_id = ${provider}
      and e.method in ('average', 'norm', 'none') and e.period < ${first}::date
      and (u.basis_date is null or (e.period + interval '1 month')::date > u.basis_date)`.execute(tx);
  await analyzeTemp(tx, "bem", input.analyze);

  // Each account's use by norm per service, this month and next (normUseInMonth: the parts' norms by their days).
  await sql`
    create temp table bpn on commit drop as
    select a.account_id, a.settlement_id, n.service_code, n.period,
      div(2 * (n.per_resident_days * a.residents * 1000000000 + n.per_m2_days * a.area_m2 * 1000000)
          + 1000000000::numeric * n.month_days, 2000000000::numeric * n.month_days)::bigint as norm_th
    from ba a
    join bill_norms n on n.settlement_id = a.settlement_id and n.period in (${first}::date, ${next}::date)`.execute(
    tx,
  );
  await analyzeTemp(tx, "bpn", input.analyze);

  await buildQuantities(tx, input);
}

async function buildQuantities(tx: Tx, input: BatchInput): Promise<void> {
  const provider = input.providerId;
  const first = firstDay(input.period);
  const next = firstDay(nextPeriod(input.period));
  const afterNext = firstDay(nextPeriod(nextPeriod(input.period)));
  const src = input.sources ?? TABLES_THEMSELVES;
  // Each meter zone billed this period with its use and how many months were estimated since its basis: temporary
  // tables only, joined by hash (the planner, misjudging the three-column join of bz and bzu as one row, once
  // re-aggregated bem for every meter zone: 15-30 s a batch); its own table, so the statement below knows its size.
  await sql`set local enable_nestloop = off`.execute(tx);
  await sql`
    create temp table bill_metered on commit drop as
    with estimated_counts as (
      select account_id, meter_id, zone, service_code, count(*) as n
      from bem group by account_id, meter_id, zone, service_code
    )
    select bz.account_id, bz.settlement_id, bz.residents, bz.area_m2, bz.service_code, bz.meter_id, bz.zones,
      bz.zone, bz.average_for_months, bz.removed_in_period, u.installed_in_period, u.to_v, u.from_v,
      u.to_reading_id, u.used, u.first_reading, u.est_used, u.est_days, u.plan_used, u.plan_days,
      coalesce(c.n, 0) as estimated_months
    from bz
    join bzu u on u.account_id = bz.account_id and u.meter_id = bz.meter_id and u.zone = bz.zone
    left join estimated_counts c on c.account_id = bz.account_id and c.meter_id = bz.meter_id
      and c.zone = bz.zone and c.service_code = bz.service_code`.execute(tx);
  await analyzeTemp(tx, "bill_metered", input.analyze);
  if (input.analyze) await sql`set local enable_nestloop = on`.execute(tx);

  await sql`
    create temp table bill_quantities on commit drop as
    with
    -- Real readings with no estimate since their basis: the whole use is this period's.
    actual_plain as (
      select m.*, coalesce(m.used, 0) as quantity_th from bill_metered m
      where (m.used is not null or m.first_reading) and m.estimated_months = 0
    ),
    -- Real readings after estimated months: the use since the basis spread by days over those months and this
    -- one (recalculation.ts), largest remainder, ties to the earlier month.
    spread_src as (
      select m.account_id, m.settlement_id, m.service_code, m.meter_id, m.zones, m.zone, m.used as total,
        e.period, e.days, null::bigint as from_v, null::bigint as to_v, null::bigint as to_reading_id,
        e.amount_kop as charged_kop, e.q as charged_th
      from bill_metered m
      join bem e on e.account_id = m.account_id and e.meter_id = m.meter_id and e.zone = m.zone
        and e.service_code = m.service_code
      where m.used is not null and m.estimated_months > 0
      union all
      select m.account_id, m.settlement_id, m.service_code, m.meter_id, m.zones, m.zone, m.used,
        ${first}::date, ${next}::date - ${first}::date, m.from_v, m.to_v, m.to_reading_id, null, null
      from bill_metered m where m.used is not null and m.estimated_months > 0
    ),
    spread_w as (
      select s.*, sum(s.days) over w as wsum
      from spread_src s window w as (partition by account_id, service_code, meter_id, zone)
    ),
    spread_x as (
      select s.*, s.total * s.days / s.wsum as base, (s.total * s.days) % s.wsum as rem
      from spread_w s
    ),
    spread as (
      select s.*, s.base + case when row_number() over (partition by account_id, service_code, meter_id, zone
          order by rem desc, period) <= s.total - sum(s.base) over (partition by account_id, service_code, meter_id, zone)
        then 1 else 0 end as share
      from spread_x s
    ),
    -- A re-priced month is priced for the whole household: the other meter zones billed that month come along
    -- with their billed quantities, so the block they shared is shared again (their own change is part of the
    -- recalculation).
    recalc_context as (
      select b.account_id, sp.settlement_id, b.service_code, b.meter_id, mt.zones::int as zones,
        b.zone::int as zone, b.period, (b.quantity * 1000)::bigint as quantity_th, b.amount_kop as charged_kop
      from (select distinct account_id, settlement_id, service_code, period from spread
            where period < ${first}::date) sp
      join ${src.billed_usage} b on b.account_id = sp.account_id and b.service_code = sp.service_code
        and b.period = sp.period and b.provider_id = ${provider}
      join ${src.meters} mt on mt.account_id = b.account_id and mt.id = b.meter_id
      -- NOT IN over the spread's rows (none of their columns is null) is a hashed subplan: a NOT EXISTS was run
      -- as a nested loop over the whole spread for every row (1.2-1.4 s of a 20,000-account water batch).
      where b.method not in ('opening', 'unmetered')
        and (b.account_id, b.service_code, b.meter_id, b.zone::int, b.period) not in (
          select x.account_id, x.service_code, x.meter_id, x.zone, x.period from spread x)
    ),
    estimated as (
      select m.*, case when n.norm_th is null then null when m.zone > 1 then 0 else n.norm_th end as norm_th,
        case
          when m.installed_in_period then 'none'
          when (m.average_for_months is not null and m.estimated_months >= m.average_for_months)
            or m.est_days = 0 then case when n.norm_th is null then 'none' else 'norm' end
          else 'average'
        end as method
      from bill_metered m
      -- The month's norm (bpn); a multi-zone meter gets it on zone 1, its other zones 0. With no norm at all the
      -- zones are 'none' (billed nothing), not 'norm'. A join, not a lateral lookup: bpn has no index.
      left join bpn n on n.account_id = m.account_id and n.service_code = m.service_code
        and n.period = ${first}::date
      where m.used is null and not m.first_reading
    ),
    unmetered as (
      select n.account_id, n.settlement_id, n.service_code, n.norm_th as quantity_th, x.norm_th as next_quantity_th
      from bpn n
      left join bpn x on x.account_id = n.account_id and x.service_code = n.service_code
        and x.period = ${next}::date
      where n.period = ${first}::date
        and not exists (select 1 from bz where bz.account_id = n.account_id and bz.service_code = n.service_code)
    )
    -- charged_kop / charged_th: on a re-priced month's rows, what was billed for it before.
    select account_id, settlement_id, service_code, meter_id, zones, zone, ${first}::date as period,
      'bill'::text as purpose, quantity_th, 'actual'::text as method, from_v, to_v, to_reading_id,
      null::bigint as charged_kop, null::bigint as charged_th
    from actual_plain
    union all
    select account_id, settlement_id, service_code, meter_id, zones, zone, period,
      case when period = ${first}::date then 'bill' else 'recalc' end, share, 'actual', from_v, to_v,
      to_reading_id, charged_kop, charged_th
    from spread
    union all
    select account_id, settlement_id, service_code, meter_id, zones, zone, period, 'recalc', quantity_th, 'actual',
      null, null, null, charged_kop, quantity_th
    from recalc_context
    union all
    select account_id, settlement_id, service_code, meter_id, zones, zone, ${first}::date, 'bill',
      case method when 'average' then (2 * est_used * (${next}::date - ${first}::date) + est_days) / (2 * est_days)
        when 'norm' then norm_th else 0 end,
      method, null, null, null, null, null
    from estimated
    union all
    select account_id, settlement_id, service_code, null, 1, 1, ${first}::date, 'bill', quantity_th, 'unmetered',
      null, null, null, null, null
    from unmetered
    union all
    -- The planned payment of the next period: expected use from the average daily use (planned-payment.ts).
    select account_id, settlement_id, service_code, meter_id, zones, zone, ${next}::date, 'plan',
      (2 * plan_used * (${afterNext}::date - ${next}::date) + plan_days) / (2 * plan_days), 'average',
      null, null, null, null, null
    from bill_metered where plan_days > 0 and not removed_in_period
    union all
    select account_id, settlement_id, service_code, null, 1, 1, ${next}::date, 'plan', next_quantity_th,
      'unmetered', null, null, null, null, null
    from unmetered where next_quantity_th is not null`.execute(tx);
}
