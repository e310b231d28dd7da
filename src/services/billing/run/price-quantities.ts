// Prices the temporary table bill_quantities (one row per meter zone, or unmetered service, per period and
// purpose) into bill_amounts — the same rows with their amount — set-based, exactly as the domain prices a
// household (tariff.ts, proration.ts: priceHouseholdProrated):
// 1. the account's meter zones of a service are summed into zone classes (zone z of its k-zone meters), so the
//    month a meter is replaced still has one block allowance;
// 2. a class's quantity is shared over the month's tariff parts by days, by largest remainder (ties to the
//    earlier part), as allocateQuantity does;
// 3. per household and part, the blocks' ceilings are prorated by days (half up) and the part's total is cut into
//    cumulative blocks B_i = least(total, ceiling_i);
// 4. the blocks are shared among the classes in order (meter kind, then zone), each taking its proportional part
//    of what the classes before it left: C_k = round(u_k·restB/restT), the last class the rest (a recursive
//    step over the classes, for households with more than one); a piece is the difference from the block before;
// 5. every piece is priced once: round(quantity × price × coefficient) to the kopiyka, half away from zero;
// 6. a class's amount is shared among its meter zones by their quantity, largest remainder, ties to the lower
//    meter id.
// A property test prices random households both ways and compares every amount.
import { sql } from "kysely";
import type { Tx } from "../../../db/database.ts";

/**
 * Every statement here joins the batch's temporary tables with each other and with a few tariff rows: hash joins
 * are right for all of them, so nested loops are switched off instead of analysing the tables (which cost more
 * than the joins themselves: measured, a sixth of the pricing).
 */
export async function priceQuantities(tx: Tx): Promise<void> {
  await sql`set local enable_nestloop = off`.execute(tx);
  // Each quantity numbered, so the short way below joins its amount back by one bigint.
  await sql`
    create temp table bill_q on commit drop as
    select row_number() over () as q_id, q.* from bill_quantities q`.execute(tx);
  await sql`
    create temp table bill_classes on commit drop as
    with classes as (
      select account_id, service_code, settlement_id, period, purpose, zones, zone,
        sum(quantity_th)::bigint as quantity_th, min(q_id) as q_id,
        -- Meter zones in the class, and classes in the household's service: most households have one of each,
        -- and take the short ways below.
        count(*) as members,
        count(*) over (partition by account_id, service_code, period, purpose) as classes
      from bill_q
      group by account_id, service_code, settlement_id, period, purpose, zones, zone
    ),
    parts as (
      select service_code, settlement_id, period, count(*) as parts from bill_parts
      group by service_code, settlement_id, period
    )
    -- Simple: one meter zone in its household's service, priced by one tariff part for the month. Then the
    -- quantity takes every block as it is (steps 2-4 and 6 change nothing) and is priced in one statement.
    select c.*, c.classes = 1 and c.members = 1 and coalesce(p.parts = 1, false) as simple
    from classes c
    left join parts p on p.service_code = c.service_code and p.settlement_id = c.settlement_id
      and p.period = c.period`.execute(tx);

  // The short way: a piece per block, least(q, ceiling) - lower ceiling (a one-part month's ceilings are not
  // prorated: up_to over all of the month's days), priced and summed per quantity.
  await sql`
    create temp table bill_simple on commit drop as
    with blocks as (
      select b.tariff_id, b.position, b.price_uah, (b.up_to * 1000)::bigint as upper_th,
        coalesce((lag(b.up_to) over (partition by b.tariff_id order by b.position) * 1000)::bigint, 0) as lower_th
      from tariff_blocks b
      where b.tariff_id in (select tariff_id from bill_parts)
    )
    select c.q_id,
      sum(round(greatest(least(c.quantity_th, coalesce(b.upper_th, c.quantity_th)) - b.lower_th, 0)
        * b.price_uah * coalesce(z.coefficient, 1) / 10))::bigint as amount_kop,
      max(p.tariff_id) filter (where c.zones > 1 and z.coefficient is null) as tariff_without_coefficient
    from bill_classes c
    join bill_parts p on p.service_code = c.service_code and p.settlement_id = c.settlement_id
      and p.period = c.period
    join blocks b on b.tariff_id = p.tariff_id
    left join tariff_zones z on c.zones > 1 and z.tariff_id = p.tariff_id and z.zones = c.zones
      and z.zone = c.zone
    where c.simple
    group by c.q_id`.execute(tx);

  await sql`
    create temp table bill_class_lines on commit drop as
    with parts as (
      select p.*, count(*) over (partition by p.service_code, p.settlement_id, p.period) as parts
      from bill_parts p
    ),
    q as (
      select c.*, p.part_no, p.tariff_id, p.days, p.month_days,
        c.quantity_th * p.days / p.month_days as base,
        (c.quantity_th * p.days) % p.month_days as rem
      from bill_classes c
      join parts p on p.service_code = c.service_code and p.settlement_id = c.settlement_id
        and p.period = c.period
      where not c.simple and (c.classes > 1 or p.parts > 1)
    ),
    shares as (
      select q.*, case when q.days = q.month_days then q.quantity_th else
        q.base + case when row_number() over w_rank
          <= q.quantity_th - sum(q.base) over w_all then 1 else 0 end end as share
      from q
      window w_all as (partition by account_id, service_code, zones, zone, period, purpose),
        w_rank as (partition by account_id, service_code, zones, zone, period, purpose order by rem desc, part_no)
    )
    select s.account_id, s.service_code, s.period, s.purpose, s.part_no, s.tariff_id, s.days, s.month_days,
      s.zones, s.zone, s.share,
      row_number() over (w order by s.zones, s.zone) as k,
      count(*) over w as n,
      (sum(s.share) over w)::bigint as t,
      -- What this class and the ones after it share (restT at this class).
      (sum(s.share) over w - sum(s.share) over (w order by s.zones, s.zone) + s.share)::bigint as rest_t
    from shares s
    window w as (partition by s.account_id, s.service_code, s.period, s.purpose, s.part_no)
    union all
    -- One class and one tariff part: the class takes the whole quantity and every block as it is.
    select c.account_id, c.service_code, c.period, c.purpose, p.part_no, p.tariff_id, p.days, p.month_days,
      c.zones, c.zone, c.quantity_th, 1, 1, c.quantity_th, c.quantity_th
    from bill_classes c
    join parts p on p.service_code = c.service_code and p.settlement_id = c.settlement_id and p.period = c.period
    where not c.simple and c.classes = 1 and p.parts = 1`.execute(tx);

  await sql`
    create temp table bill_class_blocks on commit drop as
    select l.*, b.position, b.price_uah,
      case when b.up_to is null then l.t
        else least(l.t, ((b.up_to * 1000)::bigint * 2 * l.days + l.month_days) / (2 * l.month_days))
      end as cb
    from bill_class_lines l
    join tariff_blocks b on b.tariff_id = l.tariff_id`.execute(tx);

  // C_k per class and block; households with one class take the blocks as they are.
  await sql`
    create temp table bill_class_alloc on commit drop as
    with recursive several as (
      select * from bill_class_blocks where n > 1
    ),
    alloc as (
      select g.account_id, g.service_code, g.period, g.purpose, g.part_no, g.position, g.k, g.n, g.zones, g.zone,
        g.tariff_id, g.price_uah, x.c, g.cb - x.c as rest_b
      from several g
      cross join lateral (select case when g.t = 0 then 0
          else div(2::numeric * g.share * g.cb + g.t, 2::numeric * g.t)::bigint end as c) x
      where g.k = 1
      union all
      select g.account_id, g.service_code, g.period, g.purpose, g.part_no, g.position, g.k, g.n, g.zones, g.zone,
        g.tariff_id, g.price_uah, x.c, a.rest_b - x.c
      from alloc a
      join several g on g.account_id = a.account_id and g.service_code = a.service_code and g.period = a.period
        and g.purpose = a.purpose and g.part_no = a.part_no and g.position = a.position and g.k = a.k + 1
      cross join lateral (select case when g.k = g.n then a.rest_b when g.rest_t = 0 then 0
          else div(2::numeric * g.share * a.rest_b + g.rest_t, 2::numeric * g.rest_t)::bigint end as c) x
    )
    select account_id, service_code, period, purpose, part_no, position, k, zones, zone, tariff_id, price_uah, c
    from alloc
    union all
    select account_id, service_code, period, purpose, part_no, position, k, zones, zone, tariff_id, price_uah, cb
    from bill_class_blocks
    where n = 1`.execute(tx);

  await sql`
    create temp table bill_amounts on commit drop as
    with pieces as (
      select a.account_id, a.service_code, a.period, a.purpose, a.zones, a.zone, a.tariff_id, a.price_uah,
        a.c - coalesce(lag(a.c) over (partition by a.account_id, a.service_code, a.period, a.purpose, a.part_no, a.k
          order by a.position), 0) as piece
      from bill_class_alloc a
    ),
    class_kop as (
      select p.account_id, p.service_code, p.period, p.purpose, p.zones, p.zone,
        sum(round(p.piece * p.price_uah * coalesce(z.coefficient, 1) / 10))::bigint as amount_kop,
        -- A multi-zone meter priced by a tariff with no coefficient for its zone: the run refuses it by name.
        max(p.tariff_id) filter (where p.zones > 1 and z.coefficient is null) as tariff_without_coefficient
      from pieces p
      left join tariff_zones z on p.zones > 1 and z.tariff_id = p.tariff_id and z.zones = p.zones
        and z.zone = p.zone
      group by p.account_id, p.service_code, p.period, p.purpose, p.zones, p.zone
    ),
    members as (
      select q.*, k.amount_kop as class_kop, k.tariff_without_coefficient, c.quantity_th as class_th, c.members,
        case when c.quantity_th = 0 then 0 else k.amount_kop * q.quantity_th / c.quantity_th end as base,
        case when c.quantity_th = 0 then 0 else (k.amount_kop * q.quantity_th) % c.quantity_th end as rem
      from (select * from bill_q q where not exists (select 1 from bill_simple s where s.q_id = q.q_id)) q
      join bill_classes c on c.account_id = q.account_id and c.service_code = q.service_code
        and c.period = q.period and c.purpose = q.purpose and c.zones = q.zones and c.zone = q.zone
      left join class_kop k on k.account_id = q.account_id and k.service_code = q.service_code
        and k.period = q.period and k.purpose = q.purpose and k.zones = q.zones and k.zone = q.zone
    )
    -- No tariff part for the month leaves amount_kop null: checkPriced stops the run by name.
    select m.account_id, m.settlement_id, m.service_code, m.meter_id, m.zones, m.zone, m.period, m.purpose,
      m.quantity_th, m.method, m.from_v, m.to_v, m.to_reading_id, m.charged_kop, m.charged_th,
      m.tariff_without_coefficient,
      m.base + case when row_number() over (w order by m.rem desc, m.meter_id)
        <= m.class_kop - sum(m.base) over w then 1 else 0 end as amount_kop
    from members m
    where m.members > 1
    window w as (partition by m.account_id, m.service_code, m.period, m.purpose, m.zones, m.zone)
    union all
    -- A class of one meter zone: it takes the class's amount.
    select m.account_id, m.settlement_id, m.service_code, m.meter_id, m.zones, m.zone, m.period, m.purpose,
      m.quantity_th, m.method, m.from_v, m.to_v, m.to_reading_id, m.charged_kop, m.charged_th,
      m.tariff_without_coefficient, m.class_kop
    from members m
    where m.members = 1
    union all
    -- The short way's quantities.
    select q.account_id, q.settlement_id, q.service_code, q.meter_id, q.zones, q.zone, q.period, q.purpose,
      q.quantity_th, q.method, q.from_v, q.to_v, q.to_reading_id, q.charged_kop, q.charged_th,
      s.tariff_without_coefficient, s.amount_kop
    from bill_q q
    join bill_simple s on s.q_id = q.q_id`.execute(tx);
}
