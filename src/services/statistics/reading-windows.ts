// When each of a provider's services took readings for a month: the window occurrence of the rule in force, so a
// reading can be told on time (submitted inside it) or late (outside it: accepted early into this month under a
// "next_period" late policy, or entered after the window had closed). A service without a configured window
// takes readings on any day of the month (readings/find-window-rule.ts ANY_DAY).
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import { addDays } from "../../domain/local-date.ts";
import { firstDay, nextPeriod, type Period } from "../../domain/period.ts";
import { occurrenceForPeriod } from "../../domain/submission-window.ts";
import { ANY_DAY } from "../readings/find-window-rule.ts";

export interface ServiceWindow {
  service: string;
  /** 0: the provider-wide rule (a settlement's own rule wins over it). */
  settlementId: number;
  opensAt: Date;
  closesAt: Date;
}

export async function readingWindows(
  db: Db | Tx,
  providerId: number,
  period: Period,
): Promise<ServiceWindow[]> {
  // The rule in force on the 10th day after the month ends covers every window of the month (the latest closes
  // on the 10th of the next month at most), as the submissions themselves looked it up on their day.
  const asOf = addDays(firstDay(nextPeriod(period)), 10);
  const rules = await sql<{
    service_code: string;
    settlement_id: number | null;
    opens_day: number;
    closes_day: number;
    deemed_date_rule: "submission_day" | "first_of_month";
    late_policy: "refuse" | "next_period";
  }>`select distinct on (w.service_code, w.settlement_id)
           w.service_code, w.settlement_id, w.opens_day, w.closes_day, w.deemed_date_rule, w.late_policy
     from submission_windows w
     where w.provider_id = ${providerId} and w.effective_from <= ${asOf}
     order by w.service_code, w.settlement_id, w.effective_from desc`.execute(db);
  const services = await sql<{ service_code: string }>`select distinct service_code from provider_services
     where provider_id = ${providerId}`.execute(db);
  const windows: ServiceWindow[] = rules.rows.map((r) => {
    const occ = occurrenceForPeriod(
      {
        opensDay: r.opens_day,
        closesDay: r.closes_day,
        deemedDateRule: r.deemed_date_rule,
        latePolicy: r.late_policy,
      },
      period,
    );
    return {
      service: r.service_code,
      settlementId: r.settlement_id ?? 0,
      opensAt: occ.opensAt,
      closesAt: occ.closesAt,
    };
  });
  for (const { service_code } of services.rows) {
    if (windows.some((w) => w.service === service_code && w.settlementId === 0)) continue;
    const occ = occurrenceForPeriod(ANY_DAY, period);
    windows.push({ service: service_code, settlementId: 0, opensAt: occ.opensAt, closesAt: occ.closesAt });
  }
  return windows;
}
