// What the account's last issued bill says at its foot: the provider's last closed period, the amount due at its
// end (the ledger's balance on the period's last day, as load-bill.ts prints it: opening + charges − payments)
// and the planned payment for the month after. One query on the provider's closed months and the account's
// indexes, so linking (the amount is its proof) and the bots' "what do I owe" stay cheap.
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { type Kopiykas, kop, sumKop } from "../../domain/money.ts";
import { nextPeriod, type Period } from "../../domain/period.ts";

export interface LastBillSummary {
  period: Period;
  amountDueKop: Kopiykas;
  planned: { period: Period; services: { service: ServiceCode; amountKop: Kopiykas }[]; totalKop: Kopiykas };
}

/** null while the provider has closed no period yet: the account has had no bill. */
export async function loadLastBillSummary(
  db: Db | Tx,
  account: { id: number; providerId: number },
): Promise<LastBillSummary | null> {
  const { rows } = await sql<{
    period: string;
    due_kop: number;
    planned: { service: ServiceCode; kop: number }[] | string;
  }>`
    select to_char(c.period, 'YYYY-MM') as period,
      (select coalesce(sum(e.amount_kop), 0)::int8 from ledger_entries e
        where e.account_id = ${account.id}
          and e.entry_date <= (c.period + interval '1 month' - interval '1 day')::date) as due_kop,
      (select coalesce(json_agg(json_build_object('service', p.service_code, 'kop', p.amount_kop)
                                order by p.service_code), '[]')
        from planned_payments p
        where p.account_id = ${account.id} and p.period = (c.period + interval '1 month')::date) as planned
    from closed_periods c
    where c.provider_id = ${account.providerId}
    order by c.period desc
    limit 1`.execute(db);
  const row = rows[0];
  if (!row) return null;
  const period = row.period as Period;
  const plan = typeof row.planned === "string" ? JSON.parse(row.planned) : row.planned;
  const services = (plan as { service: ServiceCode; kop: number }[]).map((p) => ({
    service: p.service,
    amountKop: kop(p.kop),
  }));
  return {
    period,
    amountDueKop: kop(row.due_kop),
    planned: { period: nextPeriod(period), services, totalKop: sumKop(services.map((s) => s.amountKop)) },
  };
}
