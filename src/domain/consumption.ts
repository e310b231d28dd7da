// Consumption between two readings of one meter zone, in thousandths.
// A mechanical dial rolls over to zero after 10^digits units, so a smaller new value is
// either a roll-over (old value near the top, new one near zero) or a decrease, which
// is refused: it is almost always a typo or a swapped meter, never negative use.

import { dialCapacity, type MeterDial } from "./reading-value.ts";

/** An exact non-negative ratio num/den; den > 0. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

/** Which decreases count as a roll-over, as shares of the dial's capacity (10^digits units). */
export interface RolloverPolicy {
  /** The previous value must be at least this share of the capacity ("near the top"). */
  previousAtLeast: Fraction;
  /** The current value must be at most this share of the capacity ("near zero"). */
  currentAtMost: Fraction;
}

// 90 % / 10 %: a roll-over then means at most 20 % of the dial used since the last
// reading (e.g. 20,000 kWh on a 5-digit meter), far beyond a month of household use.
export const DEFAULT_ROLLOVER: RolloverPolicy = {
  previousAtLeast: { num: 9n, den: 10n },
  currentAtMost: { num: 1n, den: 10n },
};

export type Consumption =
  | { kind: "normal"; used: bigint }
  | { kind: "rollover"; used: bigint }
  | { kind: "decrease"; by: bigint };

/** Throws RangeError unless 0 <= num/den <= 1 with den > 0. */
function assertShare(f: Fraction, what: string): void {
  if (f.den <= 0n || f.num < 0n || f.num > f.den) {
    throw new RangeError(`${what} must be a fraction in 0..1, got ${f.num}/${f.den}`);
  }
}

export function consumptionBetween(
  previous: bigint,
  current: bigint,
  meter: MeterDial,
  rollover: RolloverPolicy = DEFAULT_ROLLOVER,
): Consumption {
  const capacity = dialCapacity(meter);
  assertShare(rollover.previousAtLeast, "previousAtLeast");
  assertShare(rollover.currentAtMost, "currentAtMost");
  for (const [name, v] of [
    ["previous", previous],
    ["current", current],
  ] as const) {
    if (v < 0n || v >= capacity) {
      throw new RangeError(
        `${name} reading ${v} is outside the dial's range 0..${capacity - 1n} thousandths`,
      );
    }
  }
  if (current >= previous) return { kind: "normal", used: current - previous };
  // Cross-multiplied so that the shares are compared exactly, without division.
  const nearTop = previous * rollover.previousAtLeast.den >= capacity * rollover.previousAtLeast.num;
  const nearZero = current * rollover.currentAtMost.den <= capacity * rollover.currentAtMost.num;
  if (nearTop && nearZero) return { kind: "rollover", used: capacity - previous + current };
  return { kind: "decrease", by: previous - current };
}
