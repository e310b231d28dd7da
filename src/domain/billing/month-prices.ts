// What one service costs in one settlement and month, prepared once per billing run for the household pricing of
// account-month.ts: the tariffs in force (the month's parts, proration.ts), the month's fixed fee, the norm summed
// over the parts' days (norms.ts), and for a month under one tariff its blocks with the prices as integers, so that
// the common household (one meter zone, one tariff) is priced without parsing a decimal.
import { divRoundHalfAwayFromZero, parseScaledDecimal } from "../decimal.ts";
import { type Kopiykas, kop } from "../money.ts";
import type { Period } from "../period.ts";
import { type PreparedMonth, prepareMonth, priceHousehold } from "./proration.ts";
import type { MeterUsage, Tariff } from "./tariff.ts";

export interface MonthPart {
  tariff: Tariff;
  days: number;
  /** The part's norm: thousandths per resident, or units per m² (decimal text). */
  normPerResidentTh: number | null;
  normPerM2: string | null;
  /** The part's days the norm applies on (heating: those in the season). */
  normDays: number;
}

export interface MonthPrices {
  period: Period;
  monthDays: number;
  /** The month's fixed fee over all parts (proration.ts), once per household and service. */
  feeKop: Kopiykas;
  parts: MonthPart[];
  /** Σ norm per resident × norm days, Σ norm per m² × 10⁶ × norm days; null: no part sets a norm. */
  norm: { perResidentDays: bigint; perM2Days: bigint } | null;
  /** A month under one tariff: its blocks (ceilings in thousandths, prices in millionths of a hryvnia). */
  single: { upTo: number | null; priceMicro: number }[] | null;
}

export function monthPrices(
  period: Period,
  monthDays: number,
  feeKop: Kopiykas,
  parts: MonthPart[],
): MonthPrices {
  const normed = parts.filter((p) => p.normPerResidentTh !== null || p.normPerM2 !== null);
  let norm: MonthPrices["norm"] = null;
  if (normed.length > 0) {
    norm = { perResidentDays: 0n, perM2Days: 0n };
    for (const p of normed) {
      if (p.normPerResidentTh !== null)
        norm.perResidentDays += BigInt(p.normPerResidentTh) * BigInt(p.normDays);
      if (p.normPerM2 !== null) norm.perM2Days += micro(p.normPerM2) * BigInt(p.normDays);
    }
  }
  const only = parts.length === 1 ? parts[0]! : null;
  return {
    period,
    monthDays,
    feeKop,
    parts,
    norm,
    single:
      only && only.days === monthDays
        ? only.tariff.blocks.map((b) => ({
            upTo: b.upTo === null ? null : Number(b.upTo),
            priceMicro: Number(micro(b.priceUah)),
          }))
        : null,
  };
}

function micro(text: string): bigint {
  const v = parseScaledDecimal(text, 6);
  if (v === null) throw new RangeError(`Not a decimal with at most 6 decimals: ${text}`);
  return v;
}

/**
 * A premise's use by norm in the month, thousandths rounded half up once (the run's formula, norms.ts:
 * normUseInMonth): (per resident × residents + per m² × area) over the parts' norm days, by the month's days.
 */
export function normUseOf(prices: MonthPrices, residents: number, areaHundredths: number): number | null {
  if (prices.norm === null) return null;
  const n =
    prices.norm.perResidentDays * BigInt(residents) * 1_000_000_000n +
    prices.norm.perM2Days * BigInt(areaHundredths) * 10_000n;
  const d = 1_000_000_000n * BigInt(prices.monthDays);
  return Number((2n * n + d) / (2n * d));
}

/** One meter zone's use in a household's pricing. */
export interface PricedZone {
  meterId: number | null;
  meterZones: 1 | 2 | 3;
  zone: number;
  /** Thousandths. */
  quantity: number;
}

/**
 * The amount of each of a household's meter zones of one service in a month, in their order (sorted by meter id,
 * then zone): one zone under one tariff is priced block by block here, every other household by
 * priceHouseholdProrated (its month prepared once per prices), the reference both ways.
 */
export function priceZones(prices: MonthPrices, zones: readonly PricedZone[]): Kopiykas[] {
  if (zones.length === 1 && zones[0]!.meterZones === 1 && prices.single !== null) {
    return [priceSingle(prices.single, zones[0]!.quantity)];
  }
  const meters: MeterUsage[] = [];
  let current: {
    meterId: number | null;
    m: MeterUsage & { usage: { zone: number; used: bigint }[] };
  } | null = null;
  for (const z of zones) {
    if (current === null || current.meterId !== z.meterId) {
      current = { meterId: z.meterId, m: { meterZones: z.meterZones, usage: [] } };
      meters.push(current.m);
    }
    current.m.usage.push({ zone: z.zone, used: BigInt(z.quantity) });
  }
  const charge = priceHousehold(preparedOf(prices), meters);
  return charge.meterZoneKop.flat();
}

const prepared = new WeakMap<MonthPrices, PreparedMonth>();
/** The month's tariffs prepared for household pricing, once per prices (at first use, where it threw before). */
function preparedOf(prices: MonthPrices): PreparedMonth {
  let month = prepared.get(prices);
  if (month === undefined) {
    month = prepareMonth(
      prices.period,
      prices.parts.map((p) => p.tariff),
    );
    prepared.set(prices, month);
  }
  return month;
}

/** Cumulative blocks: each piece min(q, ceiling) − the ceiling before, priced and rounded once (tariff.ts). */
function priceSingle(blocks: NonNullable<MonthPrices["single"]>, quantity: number): Kopiykas {
  let below = 0;
  let total = 0;
  for (const b of blocks) {
    const upper = b.upTo === null || b.upTo > quantity ? quantity : b.upTo;
    if (upper > below) {
      total += roundedKop(upper - below, b.priceMicro);
      below = upper;
    }
  }
  return kop(total);
}

/**
 * thousandths × millionths of a hryvnia, to the kopiyka (10⁷ of those), half away from zero (lineAmountKop): in
 * doubles while the product is an exact integer, else in BigInt.
 */
function roundedKop(quantity: number, priceMicro: number): number {
  const product = quantity * priceMicro;
  if (!Number.isSafeInteger(product)) {
    return Number(divRoundHalfAwayFromZero(BigInt(quantity) * BigInt(priceMicro), 10_000_000n));
  }
  let q = Math.floor(product / 10_000_000);
  let r = product - q * 10_000_000;
  // The quotient of two exact integers may be rounded to the next integer: corrected by the remainder.
  if (r < 0) {
    q -= 1;
    r += 10_000_000;
  } else if (r >= 10_000_000) {
    q += 1;
    r -= 10_000_000;
  }
  return 2 * r >= 10_000_000 ? q + 1 : q;
}
