// A month's metered consumption priced by a tariff: tiered blocks over the month's total,
// zone coefficients for two- and three-zone meters, one rounding per bill line.
//
// The method, which the set-based SQL billing run mirrors step by step:
// 1. Blocks apply to the household's TOTAL consumption of the service in the month, across
//    zones and across meters: the 100 kWh at the low price is one allowance per account and
//    service, also in the month a meter is replaced. Block i (1-based, as
//    tariff_blocks.position) holds min(total, upTo_i) − min(total, upTo_{i−1}); the last
//    block's ceiling may be null (no limit). 2019 household electricity: the first
//    100 kWh at 0.90 UAH, the rest at 1.68.
// 2. Each block's quantity is shared among the household's meter zones — the zones of one
//    meter, or of several meters one after another in the caller's order (the run: by
//    meter id) — in proportion to their share of the total (the regulator's method), by a
//    closed form that is exact in thousandths. With the zones in order, uses u_1..u_n, total T and the cumulative
//    block totals B_i (B_0 = 0, B_last = T), each zone in turn takes its proportional part
//    of every cumulative total the zones before it have left (restB_i, out of restT):
//      C_z(i) = round(u_z × restB_i / restT), half up (0 when restT = 0),
//      piece(z, i) = C_z(i) − C_z(i−1), then restB_i −= C_z(i) and restT −= u_z;
//    the last zone takes what remains. Why this form: it needs no ordering of remainders
//    and no loop over blocks, so the set-based SQL run computes the same thousandths with
//    one formula for 1, 2 and 3 zones — zones as columns u1, u2, u3 (0 where the meter has
//    no such zone), B cumulative, round() half up on non-negative numbers:
//      C1 = round(u1·B/T), C2 = round(u2·(B−C1)/(T−u1)) (0 when T−u1 = 0), C3 = B−C1−C2,
//    a zone's piece of a block being the difference of its C at consecutive B. It is
//    exact: rounding is monotone and, as u_z ≤ restT, moves a cumulative total by no more
//    than the block adds, so every piece is ≥ 0; C_z(last) = round(u_z) = u_z, so each
//    zone's pieces sum to its use; the last zone takes the rest, so the pieces of a block
//    sum to the block; and a single zone simply gets the blocks.
// 3. Each piece is one bill line: quantity × price × zone coefficient, rounded once to
//    the kopiyka, half away from zero (SQL: round(q * price * coefficient, 2)). A
//    single-zone meter has one line per block with no coefficient.
// The monthly fixed fee is not part of consumption: it is its own bill line, added by the
// caller (priceProrated in proration.ts prorates it with the tariff's days).

import { divRoundHalfAwayFromZero, parseScaledDecimal } from "../decimal.ts";
import { compareLocalDates, type LocalDate } from "../local-date.ts";
import { type Kopiykas, kop, kopFromBigInt, MoneyFormatError, multiplyToKop, sumKop } from "../money.ts";

export interface TariffBlock {
  /** Cumulative ceiling in thousandths per month; null = no limit (only the last block). */
  upTo: bigint | null;
  /** UAH per unit, up to 6 decimals. */
  priceUah: string;
}

export type ZoneName = "day" | "night" | "peak" | "half_peak";

export interface TariffZone {
  /** The meter kind this coefficient is for: two- or three-zone. */
  zones: 2 | 3;
  /** 1..zones. */
  zone: number;
  name: ZoneName;
  /** Multiplies the block price, e.g. night "0.5" on a two-zone meter. */
  coefficient: string;
}

export interface Tariff {
  effectiveFrom: LocalDate;
  /** Exclusive; null while in force. */
  effectiveTo: LocalDate | null;
  /** Per month. */
  fixedFeeKop: Kopiykas;
  blocks: TariffBlock[];
  zones?: TariffZone[];
  /** Thousandths per registered resident per month, for unmetered use (norms.ts). */
  normPerResident?: bigint | null;
  /** Units per m² per month, decimal text (heating). */
  normPerM2?: string | null;
}

export type MeterZones = 1 | 2 | 3;

export interface ZoneUsage {
  zone: number;
  /** Thousandths. */
  used: bigint;
}

export interface ChargeLine {
  /** "block" on a single-zone meter; "zone" for a zone's piece of a block. */
  kind: "block" | "zone";
  /** On a zone line: the kind of meter (two- or three-zone) the zone belongs to. */
  meterZones?: 2 | 3;
  zone?: number;
  /** 1-based block number. */
  block?: number;
  /** Thousandths. */
  quantity: bigint;
  priceUah: string;
  coefficient?: string;
  amountKop: Kopiykas;
}

export interface PricedConsumption {
  lines: ChargeLine[];
  /** Sum of the lines; the fixed fee is not included. */
  totalKop: Kopiykas;
}

export class TariffError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "TariffError";
  }
}

const FACTOR_SCALE = 6;

function parseFactor(text: string, what: string): bigint {
  const v = parseScaledDecimal(text.trim(), FACTOR_SCALE);
  if (v === null) throw new MoneyFormatError(text, `${what} must be a decimal with at most 6 decimals`);
  return v;
}

/** Checks a tariff as the database constrains it; throws TariffError or MoneyFormatError. */
export function validateTariff(tariff: Tariff): void {
  if (tariff.effectiveTo !== null && compareLocalDates(tariff.effectiveTo, tariff.effectiveFrom) <= 0) {
    throw new TariffError(
      `Tariff ends (${tariff.effectiveTo}) on or before it starts (${tariff.effectiveFrom})`,
    );
  }
  if (kop(tariff.fixedFeeKop) < 0) throw new TariffError("The fixed fee must not be negative");
  checkBlocks(tariff.blocks, true);
  const seen = new Set<string>();
  for (const z of tariff.zones ?? []) {
    if ((z.zones !== 2 && z.zones !== 3) || !Number.isInteger(z.zone) || z.zone < 1 || z.zone > z.zones) {
      throw new TariffError(`No zone ${z.zone} on a ${z.zones}-zone meter`);
    }
    const key = `${z.zones}/${z.zone}`;
    if (seen.has(key)) throw new TariffError(`Zone ${z.zone} of a ${z.zones}-zone meter is listed twice`);
    seen.add(key);
    if (parseFactor(z.coefficient, "coefficient") <= 0n) {
      throw new TariffError(`Zone coefficient must be positive, got ${z.coefficient}`);
    }
  }
  if (tariff.normPerResident != null && tariff.normPerResident < 0n) {
    throw new TariffError("The norm per resident must not be negative");
  }
  if (tariff.normPerM2 != null && parseFactor(tariff.normPerM2, "norm per m²") < 0n) {
    throw new TariffError("The norm per m² must not be negative");
  }
}

/**
 * Ceilings must not decrease and only the last may be null. A tariff as configured has
 * strictly increasing positive ceilings (`strict`); ceilings prorated to part of a month
 * may round to equal values, which simply leaves a block empty.
 */
function checkBlocks(blocks: readonly TariffBlock[], strict: boolean): void {
  if (blocks.length === 0) throw new TariffError("A tariff needs at least one block");
  let previous = 0n;
  blocks.forEach((b, i) => {
    if (parseFactor(b.priceUah, "price") < 0n) throw new TariffError(`Block ${i + 1} has a negative price`);
    if (b.upTo === null) {
      if (i !== blocks.length - 1) throw new TariffError(`Only the last block may have no ceiling`);
      return;
    }
    if (strict ? b.upTo <= previous : b.upTo < previous) {
      throw new TariffError(
        `Block ceilings must ${strict ? "increase and be positive" : "not decrease"}: block ${i + 1} has ${b.upTo}`,
      );
    }
    previous = b.upTo;
  });
}

/** The month's total split into blocks: min(total, upTo_i) − min(total, upTo_{i−1}). */
export function blockQuantities(total: bigint, blocks: readonly TariffBlock[]): bigint[] {
  if (total < 0n) throw new RangeError(`Consumption must not be negative, got ${total}`);
  checkBlocks(blocks, false);
  let below = 0n; // min(total, previous ceiling)
  const out = blocks.map((b) => {
    const upper = b.upTo === null || b.upTo > total ? total : b.upTo;
    const q = upper > below ? upper - below : 0n;
    if (upper > below) below = upper;
    return q;
  });
  if (below < total) {
    throw new TariffError(`The tariff's blocks end at ${below} thousandths; ${total} were used`);
  }
  return out;
}

/**
 * One bill line's amount: quantity (thousandths) × price (UAH/unit) × coefficient,
 * rounded once to the kopiyka, half away from zero.
 */
export function lineAmountKop(quantity: bigint, priceUah: string, coefficient?: string): Kopiykas {
  if (coefficient === undefined) return multiplyToKop(quantity, priceUah);
  // thousandths × micro-UAH × millionths = 10^-15 UAH; a kopiyka is 10^13 of those.
  const product = quantity * parseFactor(priceUah, "price") * parseFactor(coefficient, "coefficient");
  return kopFromBigInt(divRoundHalfAwayFromZero(product, 10n ** 13n));
}

/** Usage sorted by zone, checked to list each zone 1..meterZones exactly once, none negative. */
export function checkUsage(usage: readonly ZoneUsage[], meterZones: MeterZones): readonly ZoneUsage[] {
  if (meterZones !== 1 && meterZones !== 2 && meterZones !== 3) {
    throw new RangeError(`A meter has 1, 2 or 3 zones, got ${meterZones}`);
  }
  // Usage comes in zone order almost always: then it is checked as it is, not copied and sorted.
  let ordered = true;
  for (let i = 1; i < usage.length; i++) if (usage[i - 1]!.zone > usage[i]!.zone) ordered = false;
  const sorted = ordered ? usage : [...usage].sort((a, b) => a.zone - b.zone);
  if (sorted.length !== meterZones || sorted.some((u, i) => u.zone !== i + 1)) {
    const zones = usage.map((u) => u.zone).join(", ");
    throw new RangeError(`A ${meterZones}-zone meter needs usage for zones 1..${meterZones}, got [${zones}]`);
  }
  for (const u of sorted) {
    if (u.used < 0n) throw new RangeError(`Zone ${u.zone} usage must not be negative, got ${u.used}`);
  }
  return sorted;
}

/**
 * Shares the blocks among the zones by the closed form at the top of the file (point 2):
 * pieces[z][i] is zone z's part of block i, in thousandths. `uses` are the zones' uses in
 * zone order; `perBlock` must sum to their total.
 */
export function splitBlocksOverZones(perBlock: readonly bigint[], uses: readonly bigint[]): bigint[][] {
  if (perBlock.length === 0) throw new RangeError("There must be at least one block");
  if (uses.length === 0) throw new RangeError("There must be at least one zone");
  if (perBlock.some((q) => q < 0n)) throw new RangeError("Block quantities must not be negative");
  if (uses.some((x) => x < 0n)) throw new RangeError("Zone uses must not be negative");
  let restT = uses.reduce((a, b) => a + b, 0n);
  // restB[i]: the cumulative total after block i that the zones not yet processed share.
  let cumulative = 0n;
  const restB = perBlock.map((q) => {
    cumulative += q;
    return cumulative;
  });
  if (cumulative !== restT) {
    throw new RangeError(`The blocks sum to ${cumulative}, the zones' uses to ${restT}`);
  }
  const pieces: bigint[][] = [];
  uses.forEach((use, z) => {
    const last = z === uses.length - 1;
    // C_z(i); the last zone takes all that remains.
    const c = restB.map((b) => (last ? b : roundHalfUpQuotient(use * b, restT)));
    pieces.push(c.map((ci, i) => ci - (i === 0 ? 0n : c[i - 1]!)));
    c.forEach((ci, i) => {
      restB[i] = restB[i]! - ci;
    });
    restT -= use;
  });
  return pieces;
}

/** round(a / b), half up, for a ≥ 0 and b ≥ 0; 0 when b = 0 (then a is 0 too). */
function roundHalfUpQuotient(a: bigint, b: bigint): bigint {
  return b === 0n ? 0n : (2n * a + b) / (2n * b);
}

/** Prices a month's consumption by a validated tariff. See the method at the top of the file. */
export function priceConsumption(
  tariff: Tariff,
  usage: readonly ZoneUsage[],
  meterZones: MeterZones,
): PricedConsumption {
  validateTariff(tariff);
  return priceBlocks(tariff.blocks, tariff.zones ?? [], usage, meterZones);
}

/** One meter's use in a month, zone by zone, as a member of a household's pricing. */
export interface MeterUsage {
  meterZones: MeterZones;
  usage: readonly ZoneUsage[];
}

/** A household's use in one zone of one kind of meter: e.g. zone 2 of its two-zone meters, summed over them. */
export interface ZoneClassUsage {
  meterZones: MeterZones;
  zone: number;
  /** Thousandths. */
  used: bigint;
}

/**
 * The household's meters summed into zone classes, ordered by the kind of meter (1, 2, 3 zones), then zone: the
 * month a two-zone meter is replaced by another has two classes, day and night, as one meter would.
 */
export function zoneClasses(meters: readonly MeterUsage[]): ZoneClassUsage[] {
  if (meters.length === 0) throw new RangeError("A household needs at least one meter to price");
  // A slot per kind of meter and zone (three of each), in the classes' order: no keys to make, nothing to sort (a run
  // prices a million households).
  const slots: (ZoneClassUsage | undefined)[] = new Array(9);
  for (const m of meters) {
    for (const u of checkUsage(m.usage, m.meterZones)) {
      const i = (m.meterZones - 1) * 3 + (u.zone - 1);
      const c = slots[i];
      if (c === undefined) slots[i] = { meterZones: m.meterZones, zone: u.zone, used: u.used };
      else c.used += u.used;
    }
  }
  const classes: ZoneClassUsage[] = [];
  for (const c of slots) if (c !== undefined) classes.push(c);
  return classes;
}

/**
 * The pricing itself, for blocks that may have been prorated (non-decreasing ceilings).
 * Lines with zero quantity are left out; zone lines come zone by zone, block by block.
 */
export function priceBlocks(
  blocks: readonly TariffBlock[],
  zones: readonly TariffZone[],
  usage: readonly ZoneUsage[],
  meterZones: MeterZones,
): PricedConsumption {
  return priceHouseholdBlocks(blocks, zones, zoneClasses([{ meterZones, usage }]));
}

/**
 * A household's zone classes of one service priced together: one block allowance on their total, shared among the
 * classes in order (point 2 at the top of the file); a line per class and block, its coefficient by the class's
 * kind of meter.
 */
export function priceHouseholdBlocks(
  blocks: readonly TariffBlock[],
  zones: readonly TariffZone[],
  classes: readonly ZoneClassUsage[],
): PricedConsumption {
  const uses = classes.map((c) => c.used);
  const perBlock = blockQuantities(
    uses.reduce((a, b) => a + b, 0n),
    blocks,
  );
  const pieces = splitBlocksOverZones(perBlock, uses);
  const lines: ChargeLine[] = [];
  classes.forEach((c, k) => {
    const coefficient = c.meterZones === 1 ? undefined : zoneCoefficient(zones, c.meterZones, c.zone);
    pieces[k]!.forEach((quantity, b) => {
      if (quantity === 0n) return;
      const { priceUah } = blocks[b]!;
      const amountKop = lineAmountKop(quantity, priceUah, coefficient);
      lines.push(
        c.meterZones === 1
          ? { kind: "block", block: b + 1, quantity, priceUah, amountKop }
          : {
              kind: "zone",
              meterZones: c.meterZones,
              zone: c.zone,
              block: b + 1,
              quantity,
              priceUah,
              coefficient: coefficient!,
              amountKop,
            },
      );
    });
  });
  return { lines, totalKop: sumKop(lines.map((l) => l.amountKop)) };
}

function zoneCoefficient(zones: readonly TariffZone[], meterZones: 2 | 3, zone: number): string {
  const z = zones.find((c) => c.zones === meterZones && c.zone === zone);
  if (!z)
    throw new TariffError(`The tariff has no coefficient for zone ${zone} of a ${meterZones}-zone meter`);
  return z.coefficient;
}
