// The metered consumption a billing period closes, per meter and zone, computed by the database for a range of
// accounts at once — the first step of the set-based billing run (docs/billing.md). It follows
// domain/consumption.ts exactly (a property test compares the two): the period's current reading (or a
// replaced meter's final one) minus the reading before it; a roll-over when the previous value is at least
// 9/10 of the dial's capacity and the new one at most 1/10; anything else below the previous value is a
// decrease, returned with used = null for an operator to look at.
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";

export interface PeriodUsageRow {
  account_id: number;
  meter_id: number;
  zone: number;
  service_code: string;
  to_reading_id: number;
  to_value: string;
  to_deemed_on: string;
  from_reading_id: number | null;
  from_value: string | null;
  from_deemed_on: string | null;
  /** Thousandths are exact: numeric(13,3) as text; null when there is no earlier reading or it decreased. */
  used: string | null;
  rollover: boolean;
}

export async function periodUsage(
  db: Db | Tx,
  where: { providerId: number; period: string /* YYYY-MM */; accountFrom: number; accountTo: number },
): Promise<PeriodUsageRow[]> {
  const periodDate = `${where.period}-01`;
  const { rows } = await sql<PeriodUsageRow>`
    with closing as (
      select r.account_id, r.meter_id, r.zone, r.id, r.value, r.deemed_on
      from readings r
      where r.provider_id = ${where.providerId}
        and r.account_id >= ${where.accountFrom} and r.account_id < ${where.accountTo}
        and r.period = ${periodDate}::date
        and r.status in ('accepted', 'pending_review')
        and r.kind in ('regular', 'final')
    )
    select c.account_id, c.meter_id, c.zone, m.service_code,
      c.id as to_reading_id, c.value::text as to_value, c.deemed_on as to_deemed_on,
      p.id as from_reading_id, p.value::text as from_value, p.deemed_on as from_deemed_on,
      case
        when p.id is null then null
        when c.value >= p.value then (c.value - p.value)::text
        when p.value * 10 >= (10::numeric ^ m.digits) * 9 and c.value * 10 <= (10::numeric ^ m.digits)
          then ((10::numeric ^ m.digits) - p.value + c.value)::text
        else null
      end as used,
      (p.id is not null and c.value < p.value and p.value * 10 >= (10::numeric ^ m.digits) * 9
        and c.value * 10 <= (10::numeric ^ m.digits)) as rollover
    from closing c
    join meters m on m.account_id = c.account_id and m.id = c.meter_id
    left join lateral (
      select r.id, r.value, r.deemed_on
      from readings r
      where r.account_id = c.account_id and r.meter_id = c.meter_id and r.zone = c.zone
        and r.status in ('accepted', 'pending_review') and r.kind in ('initial', 'regular')
        and (r.deemed_on, r.id) < (c.deemed_on, c.id)
        and not (r.kind = 'regular' and r.period >= ${periodDate}::date)
      order by r.deemed_on desc, r.id desc
      limit 1
    ) p on true
    order by c.account_id, c.meter_id, c.zone`.execute(db);
  return rows;
}
