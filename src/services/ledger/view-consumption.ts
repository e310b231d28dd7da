// What each month was billed on, per service: the quantity (summed over the service's meters and zones), its
// unit, its charge, and how it was found — from real readings (with the day of the last reading), estimated by
// average use or by the norm, or the norm of a service with no meter. From billed_usage, which the billing run
// writes; the cabinet draws its consumption chart from it.
import { sql } from "kysely";
import { kop } from "../../domain/money.ts";
import { firstDay } from "../../domain/period.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { type Money, money } from "./money-view.ts";
import { monthRange } from "./view-entries.ts";

/** actual: from readings; average / norm / none: estimated without a reading; unmetered: a service with no meter. */
export type UsageBasis = "actual" | "average" | "norm" | "none" | "unmetered";

export interface ConsumptionLine {
  service: string;
  unit: "kWh" | "m3" | "Gcal";
  /** Decimal text, three decimals: "150.000". */
  quantity: string;
  amount: Money;
  /** The month's basis; a month of several meters or zones with any estimate in it counts as estimated. */
  basis: UsageBasis;
  /** The deemed day of the last real reading the month was billed on, for actual months. */
  readingDate: string | null;
}

export interface ConsumptionView {
  accountId: number;
  from: string;
  to: string;
  months: { period: string; services: ConsumptionLine[] }[];
}

export async function viewConsumption(
  deps: Deps,
  options: { actor: Actor; accountId: number; from?: string | undefined; to?: string | undefined },
): Promise<ConsumptionView> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const range = monthRange(deps.now(), options.from, options.to);
  const { rows } = await sql<{
    period: string;
    service_code: string;
    unit: ConsumptionLine["unit"];
    quantity: string;
    amount_kop: number;
    methods: string;
    reading_date: string | null;
  }>`
    select to_char(b.period, 'YYYY-MM') as period, b.service_code, s.unit, sum(b.quantity)::text as quantity,
      sum(b.amount_kop)::int8 as amount_kop, string_agg(distinct b.method, ',') as methods,
      to_char(max(r.deemed_on), 'YYYY-MM-DD') as reading_date
    from billed_usage b
    join services s on s.code = b.service_code
    left join readings r on b.method = 'actual' and r.account_id = b.account_id and r.id = b.to_reading_id
    where b.account_id = ${account.id} and b.method <> 'opening'
      and b.period between ${firstDay(range.from)}::date and ${firstDay(range.to)}::date
    group by b.period, b.service_code, s.unit, s.position
    order by b.period, s.position`.execute(db);
  const months: ConsumptionView["months"] = [];
  for (const r of rows) {
    let month = months.at(-1);
    if (month?.period !== r.period) {
      month = { period: r.period, services: [] };
      months.push(month);
    }
    const basis = basisOf(r.methods.split(","));
    month.services.push({
      service: r.service_code,
      unit: r.unit,
      quantity: threeDecimals(r.quantity),
      amount: money(kop(Number(r.amount_kop))),
      basis,
      readingDate: basis === "actual" ? r.reading_date : null,
    });
  }
  return { accountId: account.id, from: range.from, to: range.to, months };
}

/** The most telling method of a month's lines: any estimate makes the month estimated. */
export function basisOf(methods: readonly string[]): UsageBasis {
  for (const m of ["average", "norm", "none"] as const) if (methods.includes(m)) return m;
  if (methods.includes("actual")) return "actual";
  return "unmetered";
}

function threeDecimals(text: string): string {
  const [whole, frac = ""] = text.split(".");
  return `${whole}.${frac.padEnd(3, "0").slice(0, 3)}`;
}
