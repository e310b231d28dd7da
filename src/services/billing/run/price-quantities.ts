// Prices the temporary table bill_quantities (one row per meter zone, or unmetered service, per period and
// purpose) into bill_amounts, set-based, exactly as the domain prices one meter (tariff.ts, proration.ts):
// 1. a zone's quantity is shared over the month's tariff parts by days, by largest remainder (ties to the
//    earlier part), as allocateQuantity does;
// 2. per meter and part, the blocks' ceilings are prorated by days (half up), the part's total is cut into
//    cumulative blocks B_i = least(total, ceiling_i);
// 3. the blocks are shared among zones in closed form (splitBlocksOverZones): C1 = round(u1·B/T),
//    C2 = round(u2·(B−C1)/(T−u1)), C3 = B−C1−C2, each piece the difference from the previous block;
// 4. every piece is priced once: round(quantity × price × coefficient) to the kopiyka, half away from zero.
// A property test prices random meters both ways and compares every amount.
import { sql } from "kysely";
import type { Tx } from "../../../db/database.ts";

export async function priceQuantities(tx: Tx): Promise<void> {
  await sql`
    create temp table bill_amounts on commit drop as
    with q as (
      select q.*, p.part_no, p.tariff_id, p.days, p.month_days,
        q.quantity_th * p.days / p.month_days as base,
        (q.quantity_th * p.days) % p.month_days as rem
      from bill_quantities q
      join bill_parts p on p.service_code = q.service_code and p.settlement_id = q.settlement_id
        and p.period = q.period
    ),
    shares as (
      select q.*, case when q.days = q.month_days then q.quantity_th else
        q.base + case when row_number() over w_rank
          <= q.quantity_th - sum(q.base) over w_all then 1 else 0 end end as share
      from q
      window w_all as (partition by account_id, service_code, meter_id, zone, period, purpose),
        w_rank as (partition by account_id, service_code, meter_id, zone, period, purpose
                   order by rem desc, part_no)
    ),
    meter_parts as (
      select account_id, service_code, meter_id, zones, period, purpose, part_no, tariff_id, days, month_days,
        coalesce(sum(share) filter (where zone = 1), 0) as u1,
        coalesce(sum(share) filter (where zone = 2), 0) as u2,
        sum(share) as t
      from shares
      group by account_id, service_code, meter_id, zones, period, purpose, part_no, tariff_id, days, month_days
    ),
    cumulative as (
      select mp.*, b.position, b.price_uah,
        case when b.up_to is null then mp.t
          else least(mp.t, ((b.up_to * 1000)::bigint * 2 * mp.days + mp.month_days) / (2 * mp.month_days))
        end as cb
      from meter_parts mp
      join tariff_blocks b on b.tariff_id = mp.tariff_id
    ),
    zoned as (
      select c.*,
        case when c.zones = 1 then c.cb when c.t = 0 then 0
          else div(2::numeric * c.u1 * c.cb + c.t, 2::numeric * c.t)::bigint end as c1
      from cumulative c
    ),
    zoned2 as (
      select z.*,
        case when z.zones = 1 or z.t - z.u1 = 0 then 0
          else div(2::numeric * z.u2 * (z.cb - z.c1) + (z.t - z.u1), 2::numeric * (z.t - z.u1))::bigint end as c2
      from zoned z
    ),
    pieces as (
      select account_id, service_code, meter_id, zones, period, purpose, tariff_id, price_uah,
        c1 - coalesce(lag(c1) over w, 0) as p1,
        c2 - coalesce(lag(c2) over w, 0) as p2,
        (cb - c1 - c2) - coalesce(lag(cb - c1 - c2) over w, 0) as p3
      from zoned2
      window w as (partition by account_id, service_code, meter_id, period, purpose, part_no order by position)
    ),
    lines as (
      select p.account_id, p.service_code, p.meter_id, p.period, p.purpose, n.zone,
        case n.zone when 1 then p.p1 when 2 then p.p2 else p.p3 end as piece,
        p.price_uah, p.zones, p.tariff_id
      from pieces p
      cross join (values (1), (2), (3)) as n(zone)
      where n.zone <= p.zones
    )
    select l.account_id, l.service_code, l.meter_id, l.period, l.purpose, l.zone,
      sum(round(l.piece * l.price_uah * coalesce(z.coefficient, 1) / 10))::bigint as amount_kop,
      -- A multi-zone meter priced by a tariff with no coefficient for its zone: the run refuses it by name.
      max(l.tariff_id) filter (where l.zones > 1 and z.coefficient is null) as tariff_without_coefficient
    from lines l
    left join tariff_zones z on l.zones > 1 and z.tariff_id = l.tariff_id and z.zones = l.zones and z.zone = l.zone
    group by l.account_id, l.service_code, l.meter_id, l.period, l.purpose, l.zone`.execute(tx);
}
