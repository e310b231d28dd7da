// The resident's calculator: what a month of a service costs a household, by the norm (heating by the heated area,
// water by the registered residents) or by the use a meter is expected to show — computed by the billing engine's
// own functions, so the figure is the one a billing run would charge: the norm as normUseForMonth cuts it by the
// tariffs' days and the heating season (norms.ts), the quantity priced as one household by priceHouseholdProrated
// (proration.ts: blocks, a mid-month tariff change, one rounding per line), plus the month's fixed fee. Besides the
// total it returns every step, for the page to show the arithmetic line by line.
import type { Kopiykas } from "../money.ts";
import { daysInPeriod, type Period } from "../period.ts";
import { type HeatingSeason, normDays, normUseForMonth } from "./norms.ts";
import { priceHouseholdProrated, splitByTariffs } from "./proration.ts";
import type { Tariff } from "./tariff.ts";

export type CostBasis =
  /** Billed by the norm: residents for a norm per resident, the area (m², decimal text) for a norm per m². */
  | { kind: "norm"; residents: number; areaM2: string }
  /** The use a meter is expected to show in the month, in thousandths. */
  | { kind: "meter"; used: bigint };

export interface CostInput {
  period: Period;
  service: string;
  /** The tariffs of the service in force in the settlement (the run's tariffsFor), any number of them. */
  tariffs: readonly Tariff[];
  season: HeatingSeason;
  basis: CostBasis;
}

/** One tariff part's norm: its value, what it is multiplied by, and on how many of the month's days it applies. */
export interface NormStep {
  normPerResident: bigint | null;
  normPerM2: string | null;
  /** The part's days the norm applies on (heating: those in the season). */
  normDays: number;
  monthDays: number;
}

/** One priced line: quantity (thousandths) × price, rounded once to the kopiyka. */
export interface PriceStep {
  quantity: bigint;
  priceUah: string;
  amountKop: Kopiykas;
  /** The tariff part's days (all of the month's unless a tariff changes within it). */
  days: number;
  monthDays: number;
}

export interface CostResult {
  period: Period;
  monthDays: number;
  /** The month's use, thousandths: the norm's (rounded once) or the meter's. */
  quantity: bigint;
  /** Empty for a meter. */
  normSteps: NormStep[];
  priceSteps: PriceStep[];
  consumptionKop: Kopiykas;
  /** Once per household and service, prorated by days when the tariff changes within the month. */
  fixedFeeKop: Kopiykas;
  totalKop: Kopiykas;
}

/** Why a month cannot be calculated as asked. */
export class CostInputError extends RangeError {
  constructor(readonly reason: "no_norm") {
    super("The tariff sets no norm for this service: only a meter's use can be priced");
    this.name = "CostInputError";
  }
}

/** The kind of norm the month's tariffs set: per resident, per m², or none (a meter only). */
export function normKindOf(tariffs: readonly Tariff[]): "per_resident" | "per_m2" | null {
  if (tariffs.some((t) => t.normPerM2 != null)) return "per_m2";
  if (tariffs.some((t) => t.normPerResident != null)) return "per_resident";
  return null;
}

/**
 * The month's cost. Throws TariffCoverageError (proration.ts) when a day of the month has no tariff, CostInputError
 * when the norm is asked for and no tariff sets one, RangeError for a negative area, residents or use.
 */
export function calculateCost(input: CostInput): CostResult {
  const { period, tariffs, service, season, basis } = input;
  const monthDays = daysInPeriod(period);
  const parts = splitByTariffs(period, tariffs);
  let quantity: bigint;
  let normSteps: NormStep[] = [];
  if (basis.kind === "norm") {
    const norm = normUseForMonth(period, tariffs, service, season, {
      residents: basis.residents,
      areaM2: basis.areaM2,
    });
    if (norm === null) throw new CostInputError("no_norm");
    quantity = norm;
    normSteps = parts
      .filter((p) => p.tariff.normPerResident != null || p.tariff.normPerM2 != null)
      .map((p) => ({
        normPerResident: p.tariff.normPerResident ?? null,
        normPerM2: p.tariff.normPerM2 ?? null,
        normDays: normDays(service, season, p.fromDay, p.toDay),
        monthDays,
      }));
  } else {
    if (basis.used < 0n) throw new RangeError(`The use must not be negative, got ${basis.used}`);
    quantity = basis.used;
  }
  const charge = priceHouseholdProrated(period, tariffs, [
    { meterZones: 1, usage: [{ zone: 1, used: quantity }] },
  ]);
  const priceSteps = charge.parts.flatMap((p) =>
    p.lines.map((l) => ({
      quantity: l.quantity,
      priceUah: l.priceUah,
      amountKop: l.amountKop,
      days: p.days,
      monthDays,
    })),
  );
  return {
    period,
    monthDays,
    quantity,
    normSteps,
    priceSteps,
    consumptionKop: charge.consumptionKop,
    fixedFeeKop: charge.fixedFeeKop,
    totalKop: charge.totalKop,
  };
}
