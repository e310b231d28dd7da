// The demo region starts as a real installation does when it takes over from another billing system: from an
// opening position. Per meter zone, the last reading the old system billed (a billed_usage row 'opening', the
// basis the first run measures from, so the first month is one month's use rather than everything since the
// meter was installed); per account, the balance it carried over (a ledger entry 'opening_balance').
// The register states (docs/billing.md) are made by the first run from this basis, from the readings' history, like
// any state that is missing: one way to build them, the run's own.
import { sql } from "kysely";
import type { Tx } from "../db/database.ts";
import { ensurePeriodPartitions } from "../db/period-partitions.ts";
import { firstDay, nextPeriod, type Period } from "../domain/period.ts";

/** Every meter zone still on when `period` ended: its last reading of `period` or before, as the opening basis. */
export async function recordOpeningBasis(tx: Tx, period: Period): Promise<number> {
  await ensurePeriodPartitions(tx, "billed_usage", [firstDay(period)]);
  const { rows } = await sql<{ n: number }>`
    with basis as (
      select distinct on (r.account_id, r.meter_id, r.zone) r.account_id, r.meter_id, r.zone, r.provider_id,
        m.service_code, r.value, r.id
      from readings r
      join meters m on m.account_id = r.account_id and m.id = r.meter_id
      where r.period <= ${firstDay(period)}::date and r.status = 'accepted'
        and (m.removed_on is null or m.removed_on >= ${firstDay(nextPeriod(period))}::date)
      order by r.account_id, r.meter_id, r.zone, r.deemed_on desc, r.id desc
    ), inserted as (
      insert into billed_usage (account_id, meter_id, zone, period, service_code, provider_id, method, quantity,
        to_value, to_reading_id, amount_kop, run_id)
      select account_id, meter_id, zone, ${firstDay(period)}::date, service_code, provider_id, 'opening', 0,
        value, id, 0, null
      from basis
      on conflict do nothing
      returning account_id, meter_id, zone
    ),
    -- A register state made before measures from another basis: the first run rebuilds it from the history.
    forgotten as (
      delete from register_states s using inserted i
      where s.account_id = i.account_id and s.meter_id = i.meter_id and s.zone = i.zone
    )
    select count(*)::int as n from inserted`.execute(tx);
  return rows[0]?.n ?? 0;
}
