// One account's month in the billing run, computed in the process: what each meter zone is billed on (its real
// use, or an estimate by average or norm), the services billed by norm without a meter, the next month's expected
// use for the planned payment, every quantity priced per household and service, and the ledger entries and planned
// payments that follow. The rules are the set-based run's (bill-batch.ts, price-quantities.ts, post-batch.ts), which
// stays the reference for the accounts this path does not take (a replaced meter, a register with no usable state:
// billInProcess sends them there) and in the register-state test, which compares both over generated regions. A real
// reading after months billed by estimate is recalculated here too (household-recalculation.ts).
import type { Kopiykas } from "../money.ts";
import type { Period } from "../period.ts";
import {
  type BilledBefore,
  type EstimatedBill,
  MissingPriceError,
  type RecalculatedLine,
  repriceMonths,
  type SpreadShare,
  spreadByDays,
} from "./household-recalculation.ts";
import { type MonthPrices, normUseOf, type PricedZone, priceZones } from "./month-prices.ts";
import { estimateFromAverage, type RegisterMonth } from "./register-month.ts";

export interface AccountMeter {
  id: number;
  /** The service the meter measures. */
  service: string;
  zones: 1 | 2 | 3;
  /** Per zone, 1..zones. */
  registers: readonly RegisterMonth[];
}

export interface BilledServiceRule {
  meterService: string;
  service: string;
  /** Estimated months in a row after which the norm replaces the average; null: never. */
  averageForMonths: number | null;
}

export interface AccountMonthInput {
  residents: number;
  /** m² × 100. */
  areaHundredths: number;
  /** Sorted by id. */
  meters: readonly AccountMeter[];
  services: readonly BilledServiceRule[];
  /** Months billed by estimate since a register's basis, by `meterId/zone/service` (estimatedKey), by period
   * ascending; absent: none. */
  estimatedMonths: ReadonlyMap<string, readonly EstimatedBill[]> | undefined;
  /** The household's meter zones billed in the estimated months, to price them again; absent: not read (an account
   * that needs them then goes to the reference path). */
  billedBefore: readonly BilledBefore[] | undefined;
  /** The prices of each service in the account's settlement this month and next; absent: no tariff. */
  pricesNow: ReadonlyMap<string, MonthPrices>;
  pricesNext: ReadonlyMap<string, MonthPrices>;
  /** The same for an earlier month (a recalculation). */
  pricesOf: (period: Period) => ReadonlyMap<string, MonthPrices>;
  monthDays: number;
  nextMonthDays: number;
}

export type UsageMethod = "actual" | "average" | "norm" | "none" | "unmetered";

export interface BilledZone {
  service: string;
  meterId: number | null;
  zone: number;
  method: UsageMethod;
  quantity: number;
  fromValue: number | null;
  toValue: number | null;
  toReadingId: number | null;
  amountKop: Kopiykas;
}

export interface AccountEntry {
  service: string;
  kind: "charge" | "estimated_charge";
  amountKop: number;
}

export interface AccountMonth {
  billed: BilledZone[];
  entries: AccountEntry[];
  planned: { service: string; amountKop: number }[];
  /** The estimated months priced again, meter zone by meter zone (the recalculation entry sums their differences). */
  recalculated: RecalculatedLine[];
  /** Per meter zone: billed on a real reading (its basis moves to this month). */
  actual: Set<string>;
}

interface Quantity extends PricedZone {
  service: string;
  method: UsageMethod;
  fromValue: number | null;
  toValue: number | null;
  toReadingId: number | null;
}

/** The key of a register's estimated months per service. */
export const estimatedKey = (meterId: number, zone: number, service: string): string =>
  `${meterId}/${zone}/${service}`;

/** null: the account needs the reference path (a first reading after estimated months, or a recalculation whose
 * earlier bills were not read). */
export function accountMonth(input: AccountMonthInput): AccountMonth | null {
  const bill: Quantity[] = [];
  const spread: SpreadShare[] = [];
  const plan: Quantity[] = [];
  const metered = new Set<string>();
  const actual = new Set<string>();
  for (const rule of input.services) {
    for (const m of input.meters) {
      if (m.service !== rule.meterService) continue;
      metered.add(rule.service);
      const prices = input.pricesNow.get(rule.service);
      let norm: number | null | undefined;
      for (let zone = 1; zone <= m.zones; zone++) {
        const r = m.registers[zone - 1]!;
        const months = input.estimatedMonths?.get(estimatedKey(m.id, zone, rule.service));
        const n = months?.length ?? 0;
        if (r.used !== null || r.firstReading) {
          let used = r.used ?? 0;
          if (n > 0) {
            // The reference bills nothing for a first reading after estimated months.
            if (r.used === null || input.billedBefore === undefined) return null;
            const shares = spreadByDays(r.used, months!, input.monthDays);
            for (let i = 0; i < n; i++) {
              const e = months![i]!;
              spread.push({
                service: rule.service,
                period: e.period,
                meterId: m.id,
                meterZones: m.zones,
                zone,
                quantity: shares[i]!,
                chargedQuantity: e.quantity,
                chargedKop: e.chargedKop,
              });
            }
            used = shares[n]!;
          }
          actual.add(`${m.id}/${zone}`);
          bill.push(quantityOf(rule.service, m.id, m.zones, zone, "actual", used, r.fromValue, r.closing));
        } else {
          if (norm === undefined)
            norm = prices ? normUseOf(prices, input.residents, input.areaHundredths) : null;
          const zoneNorm = norm === null ? null : zone > 1 ? 0 : norm;
          const byNorm = (rule.averageForMonths !== null && n >= rule.averageForMonths) || r.estDays === 0;
          const method: UsageMethod = byNorm ? (zoneNorm === null ? "none" : "norm") : "average";
          const quantity =
            method === "average"
              ? estimateFromAverage(r.estUsed, r.estDays, input.monthDays)
              : method === "norm"
                ? zoneNorm!
                : 0;
          bill.push(quantityOf(rule.service, m.id, m.zones, zone, method, quantity, null, null));
        }
        if (r.planDays > 0) {
          const expected = estimateFromAverage(r.planUsed, r.planDays, input.nextMonthDays);
          plan.push(quantityOf(rule.service, m.id, m.zones, zone, "average", expected, null, null));
        }
      }
    }
  }
  // Services with a norm and no meter of the account: billed by norm (heating by area, water by residents).
  for (const rule of serviceNames(input.services)) {
    if (metered.has(rule)) continue;
    const now = input.pricesNow.get(rule);
    const quantity = now ? normUseOf(now, input.residents, input.areaHundredths) : null;
    if (quantity === null) continue;
    bill.push(quantityOf(rule, null, 1, 1, "unmetered", quantity, null, null));
    const next = input.pricesNext.get(rule);
    const nextQuantity = next ? normUseOf(next, input.residents, input.areaHundredths) : null;
    if (nextQuantity !== null) plan.push(quantityOf(rule, null, 1, 1, "unmetered", nextQuantity, null, null));
  }

  const billed: BilledZone[] = [];
  const entries: AccountEntry[] = [];
  for (const [service, group] of byService(bill)) {
    const prices = input.pricesNow.get(service);
    if (!prices) throw new MissingPriceError(service);
    const amounts = priceZones(prices, group);
    let actualKop = 0;
    let estimatedKop = 0;
    let anyActual = false;
    for (let i = 0; i < group.length; i++) {
      const q = group[i]!;
      const amountKop = amounts[i]!;
      const isActual = q.method === "actual" || q.method === "unmetered";
      if (isActual) {
        actualKop += amountKop;
        anyActual = true;
      } else estimatedKop += amountKop;
      billed.push({
        service,
        meterId: q.meterId,
        zone: q.zone,
        method: q.method,
        quantity: q.quantity,
        fromValue: q.fromValue,
        toValue: q.toValue,
        toReadingId: q.toReadingId,
        amountKop,
      });
    }
    // The fixed fee rides on the charge when anything was billed on a reading or a norm, else on the estimate.
    const charge = actualKop + (anyActual ? prices.feeKop : 0);
    const estimated = estimatedKop + (anyActual ? 0 : prices.feeKop);
    if (charge !== 0) entries.push({ service, kind: "charge", amountKop: charge });
    if (estimated !== 0) entries.push({ service, kind: "estimated_charge", amountKop: estimated });
  }

  // The planned payment: the expected charge plus the next month's fee, rounded up to whole hryvnias.
  const planned: AccountMonth["planned"] = [];
  for (const [service, group] of byService(plan)) {
    const prices = input.pricesNext.get(service);
    if (!prices) continue;
    const sum = priceZones(prices, group).reduce((a, b) => a + b, 0) + prices.feeKop;
    if (sum > 0) planned.push({ service, amountKop: Math.floor((sum + 99) / 100) * 100 });
  }
  const recalculated = spread.length === 0 ? [] : repriceMonths(spread, input.billedBefore!, input.pricesOf);
  return { billed, entries, planned, recalculated, actual };
}

// Object literals, not spreads: a spread with properties after it costs a microsecond in V8, a million times a run.
function quantityOf(
  service: string,
  meterId: number | null,
  meterZones: 1 | 2 | 3,
  zone: number,
  method: UsageMethod,
  quantity: number,
  fromValue: number | null,
  closing: { id: number; value: number } | null,
): Quantity {
  return {
    service,
    meterId,
    meterZones,
    zone,
    method,
    quantity,
    fromValue,
    toValue: closing?.value ?? null,
    toReadingId: closing?.id ?? null,
  };
}

const names = new WeakMap<readonly BilledServiceRule[], string[]>();
/** The billed services' names, once each (a run passes the same rules for every account). */
function serviceNames(rules: readonly BilledServiceRule[]): string[] {
  let list = names.get(rules);
  if (list === undefined) {
    list = [...new Set(rules.map((s) => s.service))];
    names.set(rules, list);
  }
  return list;
}

/** Quantities grouped by service, each group's meter zones by meter id, then zone (the pricing's order). */
function byService(qs: readonly Quantity[]): Map<string, Quantity[]> {
  const out = new Map<string, Quantity[]>();
  for (const q of qs) {
    const g = out.get(q.service);
    if (g) g.push(q);
    else out.set(q.service, [q]);
  }
  for (const g of out.values()) {
    if (g.length > 1) g.sort((a, b) => (a.meterId ?? 0) - (b.meterId ?? 0) || a.zone - b.zone);
  }
  return out;
}
