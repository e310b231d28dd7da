// A real reading after months billed by estimate, in the billing run computed in the process: the use since the basis
// spread by days over those months and this one (recalculation.ts: allocateQuantity, ties to the earlier month, this
// month last), and each estimated month priced again for the whole household and service by that month's prices, the
// household's other meter zones at what they were billed, so that the blocks they shared are shared again (their own
// change is part of the recalculation). The set-based run's `spread` and `recalc_context` (bill-batch.ts) are the
// reference; the register-state test compares both over generated regions.
import type { Period } from "../period.ts";
import { allocateQuantity } from "./allocate-quantity.ts";
import { type MonthPrices, type PricedZone, priceZones } from "./month-prices.ts";

/** One month a register was billed by estimate for a service since its basis. */
export interface EstimatedBill {
  period: Period;
  /** Its days after the basis: the whole month, or from the day a meter's initial reading was taken. */
  days: number;
  /** Thousandths billed. */
  quantity: number;
  chargedKop: number;
}

/** A meter zone's bill of an earlier month (not the opening one, not a norm without a meter). */
export interface BilledBefore extends PricedZone {
  meterId: number;
  service: string;
  period: Period;
  chargedKop: number;
}

/** One meter zone of a re-priced month: what it was charged, and what it comes to now. */
export interface RecalculatedLine {
  service: string;
  period: Period;
  meterId: number;
  zone: number;
  /** Thousandths billed before, and now. */
  chargedQuantity: number;
  quantity: number;
  chargedKop: number;
  amountKop: number;
}

/** A register's share of one estimated month, before pricing. */
export interface SpreadShare extends PricedZone {
  meterId: number;
  service: string;
  period: Period;
  chargedQuantity: number;
  chargedKop: number;
}

/** Thrown when a needed price is missing: the run's coverage check makes it unreachable; never silently zero. */
export class MissingPriceError extends Error {
  constructor(
    readonly service: string,
    readonly period: Period | null = null,
  ) {
    super(`No tariff for ${service}${period === null ? "" : ` in ${period}`}`);
  }
}

/**
 * The use since the basis over the estimated months (by period ascending) and this month, by their days after the
 * basis: the estimated months' shares, then this month's last.
 */
export function spreadByDays(used: number, months: readonly EstimatedBill[], monthDays: number): number[] {
  const weights = months.map((m) => BigInt(m.days));
  weights.push(BigInt(monthDays));
  return allocateQuantity(BigInt(used), weights).map(Number);
}

/**
 * Every estimated month the shares reach, priced again per service for the household: the shares and the other
 * meter zones billed that month (`before`), each month by its own prices.
 */
export function repriceMonths(
  shares: readonly SpreadShare[],
  before: readonly BilledBefore[],
  pricesOf: (period: Period) => ReadonlyMap<string, MonthPrices>,
): RecalculatedLine[] {
  const months = new Map<string, SpreadShare[]>();
  for (const s of shares) {
    const key = `${s.service}|${s.period}`;
    const g = months.get(key);
    if (g) g.push(s);
    else months.set(key, [s]);
  }
  const lines: RecalculatedLine[] = [];
  for (const group of months.values()) {
    const { service, period } = group[0]!;
    const spread = new Set(group.map((s) => `${s.meterId}/${s.zone}`));
    const zones: SpreadShare[] = [...group];
    for (const b of before) {
      if (b.service !== service || b.period !== period || spread.has(`${b.meterId}/${b.zone}`)) continue;
      zones.push({ ...b, chargedQuantity: b.quantity });
    }
    zones.sort((a, b) => a.meterId - b.meterId || a.zone - b.zone);
    const prices = pricesOf(period).get(service);
    if (!prices) throw new MissingPriceError(service, period);
    const amounts = priceZones(prices, zones);
    for (let i = 0; i < zones.length; i++) {
      const z = zones[i]!;
      lines.push({
        service,
        period,
        meterId: z.meterId,
        zone: z.zone,
        chargedQuantity: z.chargedQuantity,
        quantity: z.quantity,
        chargedKop: z.chargedKop,
        amountKop: amounts[i]!,
      });
    }
  }
  return lines;
}
