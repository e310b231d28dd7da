// A tariff that changes in the middle of a month. The month is cut into parts, one per
// tariff in force, and everything monthly is shared by days: each part gets
// days/daysInMonth of every zone's consumption, of every block ceiling and of the fixed
// fee, and is then priced by its own tariff (tariff.ts). Readings are monthly, so the
// days are the only fair key for how the month's use fell on either side of the change.
//
// Exactness, so that the SQL billing run can reproduce every figure:
// - a zone's consumption is split over the parts by largest remainder with the days as
//   weights (allocateQuantity): the parts always sum to the month's use;
// - a ceiling is scaled on its own, rounded half up to the thousandth (100 kWh over 10
//   of 30 days is 33.333 kWh): it is a limit, not a quantity to conserve;
// - the fixed fees: the month's total Σ fee × days / daysInMonth is rounded half up to the
//   kopiyka once, then split over the parts by largest remainder with fee × days as
//   weights, so that when every day is under tariffs with the same fee, the parts sum to
//   exactly that monthly fee.

import { divRoundHalfAwayFromZero } from "../decimal.ts";
import { addDays, compareLocalDates, type LocalDate } from "../local-date.ts";
import { allocateKop, type Kopiykas, kop, kopFromBigInt, sumKop } from "../money.ts";
import { daysInPeriod, firstDay, type Period } from "../period.ts";
import { allocateQuantity } from "./allocate-quantity.ts";
import {
  type ChargeLine,
  type MeterUsage,
  type MeterZones,
  priceHouseholdBlocks,
  type Tariff,
  type TariffBlock,
  validateTariff,
  type ZoneClassUsage,
  type ZoneUsage,
  zoneClasses,
} from "./tariff.ts";

export interface TariffPart {
  tariff: Tariff;
  days: number;
  /** First day of the part. */
  fromDay: LocalDate;
  /** Last day of the part, included. */
  toDay: LocalDate;
}

export class TariffCoverageError extends RangeError {
  readonly day: LocalDate;
  constructor(day: LocalDate, message: string) {
    super(message);
    this.name = "TariffCoverageError";
    this.day = day;
  }
}

function inForce(tariff: Tariff, day: LocalDate): boolean {
  return (
    compareLocalDates(tariff.effectiveFrom, day) <= 0 &&
    (tariff.effectiveTo === null || compareLocalDates(day, tariff.effectiveTo) < 0)
  );
}

/**
 * The month cut into consecutive parts, one per tariff in force, covering every day.
 * Throws TariffCoverageError naming the first day with no tariff or with two.
 */
export function splitByTariffs(period: Period, tariffs: readonly Tariff[]): TariffPart[] {
  const parts: TariffPart[] = [];
  const start = firstDay(period);
  for (let i = 0; i < daysInPeriod(period); i++) {
    const day = addDays(start, i);
    const matching = tariffs.filter((t) => inForce(t, day));
    if (matching.length === 0) throw new TariffCoverageError(day, `No tariff is in force on ${day}`);
    if (matching.length > 1) {
      throw new TariffCoverageError(day, `${matching.length} tariffs are in force on ${day}: they overlap`);
    }
    const tariff = matching[0]!;
    const last = parts[parts.length - 1];
    if (last && last.tariff === tariff) {
      last.days += 1;
      last.toDay = day;
    } else {
      parts.push({ tariff, days: 1, fromDay: day, toDay: day });
    }
  }
  return parts;
}

export interface ProratedPart extends TariffPart {
  /** This part's share of each zone's consumption. */
  usage: ZoneUsage[];
  /** The tariff's blocks with ceilings scaled to the part's days. */
  blocks: TariffBlock[];
  lines: ChargeLine[];
  consumptionKop: Kopiykas;
  fixedFeeKop: Kopiykas;
}

export interface ProratedCharge {
  parts: ProratedPart[];
  consumptionKop: Kopiykas;
  fixedFeeKop: Kopiykas;
  /** Consumption plus fixed fees. */
  totalKop: Kopiykas;
}

/** A ceiling for `days` of a `monthDays`-day month, in thousandths rounded half up. */
export function prorateCeiling(upTo: bigint, days: number, monthDays: number): bigint {
  return divRoundHalfAwayFromZero(upTo * BigInt(days), BigInt(monthDays));
}

/** Prices one meter's month whose tariff may change within it. See the method at the top of the file. */
export function priceProrated(
  period: Period,
  tariffs: readonly Tariff[],
  usage: readonly ZoneUsage[],
  meterZones: MeterZones,
): ProratedCharge {
  const household = priceHouseholdProrated(period, tariffs, [{ meterZones, usage }]);
  return {
    parts: household.parts.map(({ classes, ...p }) => ({
      ...p,
      usage: classes.map((c) => ({ zone: c.zone, used: c.used })),
    })),
    consumptionKop: household.consumptionKop,
    fixedFeeKop: household.fixedFeeKop,
    totalKop: household.totalKop,
  };
}

export interface HouseholdPart extends TariffPart {
  /** This part's share of each zone class's consumption (tariff.ts, zoneClasses). */
  classes: ZoneClassUsage[];
  /** The tariff's blocks with ceilings scaled to the part's days: one allowance for all the meters. */
  blocks: TariffBlock[];
  lines: ChargeLine[];
  consumptionKop: Kopiykas;
  fixedFeeKop: Kopiykas;
}

export interface HouseholdCharge {
  parts: HouseholdPart[];
  /**
   * What each meter zone is billed, meters in the given order, zones in order: each zone class's amount (its lines
   * over all parts) shared among the meters in it by their use, largest remainder, ties to the earlier meter.
   */
  meterZoneKop: Kopiykas[][];
  consumptionKop: Kopiykas;
  /** Once per household and service, whatever the number of meters. */
  fixedFeeKop: Kopiykas;
  totalKop: Kopiykas;
}

/**
 * A household's meters of one service in a month (the month a meter is replaced has two): their zones summed into
 * zone classes, each class's use shared over the tariff parts by days, then per part one block allowance on the
 * household's total (tariff.ts). The caller orders the meters (the run: by meter id).
 */
export function priceHouseholdProrated(
  period: Period,
  tariffs: readonly Tariff[],
  meters: readonly MeterUsage[],
): HouseholdCharge {
  return priceHousehold(prepareMonth(period, tariffs), meters);
}

/**
 * What pricing a household in a month takes from the tariffs alone, whatever its use: the month cut into parts
 * (splitByTariffs, each part's tariff validated), each part's blocks with ceilings scaled to its days, and the fixed
 * fee's total and parts. Made once, it prices any number of households (priceHousehold): a run prices a million,
 * and cutting the month day by day for each was a tenth of the run's own CPU.
 */
export interface PreparedMonth {
  period: Period;
  monthDays: number;
  split: readonly TariffPart[];
  /** Each part's days, the weights a zone class's use is shared over the parts by. */
  dayWeights: readonly bigint[];
  /** Per part: the tariff's blocks with ceilings scaled to the part's days (prorateCeiling). */
  blocks: readonly TariffBlock[][];
  feeTotal: Kopiykas;
  /** Per part: its share of feeTotal. */
  fees: readonly Kopiykas[];
}

export function prepareMonth(period: Period, tariffs: readonly Tariff[]): PreparedMonth {
  const split = splitByTariffs(period, tariffs);
  for (const p of split) validateTariff(p.tariff);
  const monthDays = daysInPeriod(period);
  const feeWeights = split.map((p) => BigInt(p.tariff.fixedFeeKop) * BigInt(p.days));
  const feeTotal = kopFromBigInt(
    divRoundHalfAwayFromZero(
      feeWeights.reduce((a, b) => a + b, 0n),
      BigInt(monthDays),
    ),
  );
  return {
    period,
    monthDays,
    split,
    dayWeights: split.map((p) => BigInt(p.days)),
    blocks: split.map((p) =>
      p.tariff.blocks.map((b) => ({
        upTo: b.upTo === null ? null : prorateCeiling(b.upTo, p.days, monthDays),
        priceUah: b.priceUah,
      })),
    ),
    feeTotal,
    fees: allocateKop(feeTotal, feeWeights),
  };
}

/** priceHouseholdProrated with the month prepared (prepareMonth). The prepared month is only read. */
export function priceHousehold(month: PreparedMonth, meters: readonly MeterUsage[]): HouseholdCharge {
  const classes = zoneClasses(meters);
  const { split } = month;
  // byClass[class][part]. One part takes each class's whole use: what allocateQuantity returns for one weight, with
  // its range check, without its BigInt work (most households).
  const byClass =
    split.length === 1
      ? classes.map((c) => [BigInt(kopFromBigInt(c.used))])
      : classes.map((c) => allocateQuantity(c.used, month.dayWeights));
  const classKop: Kopiykas[] = classes.map(() => kop(0));
  const parts: HouseholdPart[] = [];
  for (let i = 0; i < split.length; i++) {
    const p = split[i]!;
    const partClasses = classes.map((c, k) => ({ ...c, used: byClass[k]![i]! }));
    const priced = priceHouseholdBlocks(month.blocks[i]!, p.tariff.zones ?? [], partClasses);
    for (const l of priced.lines) {
      const k = classes.findIndex((c) => (l.meterZones ?? 1) === c.meterZones && (l.zone ?? 1) === c.zone);
      if (k !== -1) classKop[k] = kop(classKop[k]! + l.amountKop);
    }
    parts.push({
      ...p,
      classes: partClasses,
      blocks: month.blocks[i]!,
      lines: priced.lines,
      consumptionKop: priced.totalKop,
      fixedFeeKop: month.fees[i]!,
    });
  }
  // Each class's amount shared among the meter zones in it by their use.
  const meterZoneKop = meters.map((m) => m.usage.map(() => kop(0)));
  for (let k = 0; k < classes.length; k++) {
    const c = classes[k]!;
    const members: { mi: number; zi: number; used: bigint }[] = [];
    for (let mi = 0; mi < meters.length; mi++) {
      const m = meters[mi]!;
      if (m.meterZones !== c.meterZones) continue;
      for (let zi = 0; zi < m.usage.length; zi++) {
        const u = m.usage[zi]!;
        if (u.zone === c.zone) members.push({ mi, zi, used: u.used });
      }
    }
    const shares = allocateKop(
      classKop[k]!,
      members.map((x) => x.used),
    );
    for (let j = 0; j < members.length; j++) meterZoneKop[members[j]!.mi]![members[j]!.zi] = shares[j]!;
  }
  const consumptionKop = sumKop(classKop);
  return {
    parts,
    meterZoneKop,
    consumptionKop,
    fixedFeeKop: month.feeTotal,
    totalKop: sumKop([consumptionKop, month.feeTotal]),
  };
}
