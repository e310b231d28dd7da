// The run's tariff parts (tariff-parts.ts) as the prices of each service, settlement and month, built once per run
// for the batches billed in the process.
import { type MonthPart, type MonthPrices, monthPrices } from "../../../../domain/billing/month-prices.ts";
import { kop } from "../../../../domain/money.ts";
import { type Period, periodOf } from "../../../../domain/period.ts";
import type { TariffPartRow } from "../tariff-parts.ts";

export class PriceBook {
  readonly #prices = new Map<string, MonthPrices>();

  constructor(rows: readonly TariffPartRow[]) {
    const grouped = new Map<string, TariffPartRow[]>();
    for (const r of rows) {
      const key = PriceBook.key(r.service_code, r.settlement_id, periodOf(r.period));
      const g = grouped.get(key);
      if (g) g.push(r);
      else grouped.set(key, [r]);
    }
    for (const [key, g] of grouped) {
      g.sort((a, b) => a.part_no - b.part_no);
      const parts: MonthPart[] = g.map((r) => ({
        tariff: r.tariff,
        days: r.days,
        normPerResidentTh: r.norm_per_resident_th,
        normPerM2: r.norm_per_m2,
        normDays: r.norm_days,
      }));
      this.#prices.set(
        key,
        monthPrices(periodOf(g[0]!.period), g[0]!.month_days, kop(g[0]!.month_fee_kop), parts),
      );
    }
  }

  static key(service: string, settlementId: number, period: Period): string {
    return `${service}|${settlementId}|${period}`;
  }

  readonly #bySettlement = new Map<string, Map<string, MonthPrices>>();

  /** Every service's prices in a settlement and month, by service (made once, then shared by its accounts). */
  of(settlementId: number, period: Period): ReadonlyMap<string, MonthPrices> {
    const key = `${settlementId}|${period}`;
    let map = this.#bySettlement.get(key);
    if (map === undefined) {
      map = new Map();
      for (const [k, v] of this.#prices) {
        const [service, settlement, p] = k.split("|");
        if (Number(settlement) === settlementId && p === period) map.set(service!, v);
      }
      this.#bySettlement.set(key, map);
    }
    return map;
  }
}
