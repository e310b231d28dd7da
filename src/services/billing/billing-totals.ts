// A period's billing summary, read back from what the run wrote, so a run resumed after a crash reports the same
// figures as one clean run.
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { firstDay, nextPeriod, type Period } from "../../domain/period.ts";

export interface BillingTotals {
  /** Accounts with anything billed. */
  accounts: number;
  /** Accounts with a charge from readings or norms, by estimate, and with a recalculation. */
  charged: number;
  estimated: number;
  recalculated: number;
  chargeKop: number;
  estimatedKop: number;
  recalculationKop: number;
  /** Everything the period added to the ledger. */
  totalKop: number;
  /** Planned payments set for the next period. */
  plannedKop: number;
}

export async function billingTotals(db: Db, providerId: number, period: Period): Promise<BillingTotals> {
  const first = firstDay(period);
  const { rows } = await sql<BillingTotals>`
    select
      (select count(distinct account_id)::int from billed_usage where provider_id = ${providerId}
         and period = ${first}::date and method <> 'opening') as accounts,
      count(distinct account_id) filter (where kind = 'charge')::int as charged,
      count(distinct account_id) filter (where kind = 'estimated_charge')::int as estimated,
      count(distinct account_id) filter (where kind = 'recalculation')::int as recalculated,
      coalesce(sum(amount_kop) filter (where kind = 'charge'), 0)::bigint as "chargeKop",
      coalesce(sum(amount_kop) filter (where kind = 'estimated_charge'), 0)::bigint as "estimatedKop",
      coalesce(sum(amount_kop) filter (where kind = 'recalculation'), 0)::bigint as "recalculationKop",
      coalesce(sum(amount_kop), 0)::bigint as "totalKop",
      (select coalesce(sum(amount_kop), 0)::bigint from planned_payments where provider_id = ${providerId}
         and period = ${firstDay(nextPeriod(period))}::date) as "plannedKop"
    from ledger_entries
    where provider_id = ${providerId} and period = ${first}::date and source = 'billing'`.execute(db);
  return rows[0]!;
}
