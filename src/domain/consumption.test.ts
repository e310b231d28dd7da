import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { consumptionBetween, DEFAULT_ROLLOVER, type RolloverPolicy } from "./consumption.ts";
import { dialCapacity, type MeterDial } from "./reading-value.ts";

const FIVE: MeterDial = { digits: 5, decimals: 0 };
const WATER: MeterDial = { digits: 5, decimals: 3 };
const u = (n: number): bigint => BigInt(n) * 1000n;

describe("consumptionBetween", () => {
  test("normal use, including none", () => {
    assert.deepEqual(consumptionBetween(u(12_345), u(12_500), FIVE), { kind: "normal", used: u(155) });
    assert.deepEqual(consumptionBetween(u(100), u(100), FIVE), { kind: "normal", used: 0n });
    assert.deepEqual(consumptionBetween(1_234n, 5_678n, WATER), { kind: "normal", used: 4_444n });
  });

  test("roll-over from near the top to near zero", () => {
    assert.deepEqual(consumptionBetween(u(99_950), u(30), FIVE), { kind: "rollover", used: u(80) });
    assert.deepEqual(consumptionBetween(u(99_999), 0n, FIVE), { kind: "rollover", used: u(1) });
    assert.deepEqual(consumptionBetween(99_999_999n, 0n, WATER), { kind: "rollover", used: 1n });
  });

  test("the 90 % / 10 % boundaries are inclusive", () => {
    assert.deepEqual(consumptionBetween(u(90_000), u(10_000), FIVE), { kind: "rollover", used: u(20_000) });
    assert.deepEqual(consumptionBetween(u(89_999), u(5), FIVE), { kind: "decrease", by: u(89_994) });
    assert.deepEqual(consumptionBetween(u(95_000), u(10_001), FIVE), { kind: "decrease", by: u(84_999) });
    // One thousandth below 90 % is not near the top.
    assert.deepEqual(consumptionBetween(89_999_999n, 0n, WATER), { kind: "decrease", by: 89_999_999n });
  });

  test("other decreases are refused, with the amount", () => {
    assert.deepEqual(consumptionBetween(u(12_345), u(12_340), FIVE), { kind: "decrease", by: u(5) });
    assert.deepEqual(consumptionBetween(u(50_000), u(1), FIVE), { kind: "decrease", by: u(49_999) });
  });

  test("the capacity follows the digits", () => {
    assert.deepEqual(consumptionBetween(u(999_990), u(10), { digits: 6, decimals: 0 }), {
      kind: "rollover",
      used: u(20),
    });
    // On a 6-digit dial 99 990 is not near the top.
    assert.equal(consumptionBetween(u(99_990), u(10), { digits: 6, decimals: 0 }).kind, "decrease");
  });

  test("a configurable policy", () => {
    const strict: RolloverPolicy = {
      previousAtLeast: { num: 99n, den: 100n },
      currentAtMost: { num: 1n, den: 100n },
    };
    assert.equal(consumptionBetween(u(98_000), u(500), FIVE, strict).kind, "decrease");
    assert.equal(consumptionBetween(u(99_000), u(1_000), FIVE, strict).kind, "rollover");
    assert.equal(consumptionBetween(u(98_000), u(500), FIVE, DEFAULT_ROLLOVER).kind, "rollover");
    const never: RolloverPolicy = {
      previousAtLeast: { num: 1n, den: 1n },
      currentAtMost: { num: 0n, den: 1n },
    };
    assert.equal(consumptionBetween(u(99_999), 0n, FIVE, never).kind, "decrease");
  });

  test("rejects values off the dial and bad policies", () => {
    assert.throws(() => consumptionBetween(-1n, 0n, FIVE), RangeError);
    assert.throws(() => consumptionBetween(0n, u(100_000), FIVE), RangeError);
    assert.throws(() => consumptionBetween(0n, 0n, { digits: 0, decimals: 0 }), RangeError);
    const bad = (p: RolloverPolicy) => assert.throws(() => consumptionBetween(0n, 1n, FIVE, p), RangeError);
    bad({ previousAtLeast: { num: 9n, den: 0n }, currentAtMost: { num: 1n, den: 10n } });
    bad({ previousAtLeast: { num: 11n, den: 10n }, currentAtMost: { num: 1n, den: 10n } });
    bad({ previousAtLeast: { num: 9n, den: 10n }, currentAtMost: { num: -1n, den: 10n } });
  });

  const dialArb = fc.record({
    digits: fc.integer({ min: 1, max: 9 }),
    decimals: fc.integer({ min: 0, max: 3 }),
  });
  const pairArb = dialArb.chain((meter) => {
    const v = fc.bigInt({ min: 0n, max: dialCapacity(meter) - 1n });
    return fc.tuple(fc.constant(meter), v, v);
  });

  test("property: use is never negative, and previous + use reaches current on the dial", () => {
    fc.assert(
      fc.property(pairArb, ([meter, previous, current]) => {
        const c = consumptionBetween(previous, current, meter);
        if (c.kind === "decrease") {
          assert.ok(c.by > 0n);
          assert.equal(previous - c.by, current);
          return;
        }
        assert.ok(c.used >= 0n);
        assert.ok(c.used < dialCapacity(meter));
        assert.equal((previous + c.used) % dialCapacity(meter), current);
        assert.equal(c.kind === "rollover", current < previous);
      }),
    );
  });

  test("property: every wrap of at most 10 % of the dial from its top 10 % is a roll-over", () => {
    fc.assert(
      fc.property(
        dialArb.chain((meter) => {
          const cap = dialCapacity(meter);
          return fc.tuple(
            fc.constant(meter),
            fc.bigInt({ min: (cap * 9n) / 10n, max: cap - 1n }),
            fc.bigInt({ min: 1n, max: cap / 10n }),
          );
        }),
        ([meter, previous, used]) => {
          const cap = dialCapacity(meter);
          const current = (previous + used) % cap;
          fc.pre(current < previous);
          assert.deepEqual(consumptionBetween(previous, current, meter), { kind: "rollover", used });
        },
      ),
    );
  });
});
