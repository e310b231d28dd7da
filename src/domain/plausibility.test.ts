import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  checkPlausibility,
  DEFAULT_PLAUSIBILITY,
  type PlausibilityInput,
  type PlausibilityPolicy,
  UTILITY_SERVICES,
  type UtilityService,
} from "./plausibility.ts";

const u = (n: number): bigint => BigInt(n) * 1000n;
const check = (i: Partial<PlausibilityInput> & { used: bigint }) =>
  checkPlausibility({ service: "electricity", days: 30, averageDaily: null, ...i });

describe("checkPlausibility: service ceilings", () => {
  test("electricity: 3000 kWh per 30 days, scaled by days, limit itself allowed", () => {
    assert.deepEqual(check({ used: u(3000) }), { plausible: true });
    assert.deepEqual(check({ used: u(3000) + 1n }), { plausible: false, reason: "above_service_limit" });
    assert.deepEqual(check({ used: u(100), days: 1 }), { plausible: true });
    assert.deepEqual(check({ used: u(100) + 1n, days: 1 }), {
      plausible: false,
      reason: "above_service_limit",
    });
    assert.deepEqual(check({ used: u(6000), days: 60 }), { plausible: true });
    assert.deepEqual(check({ used: u(3100), days: 31 }), { plausible: true });
  });

  test("every service's documented ceiling", () => {
    const ceilings: Record<UtilityService, bigint> = {
      electricity: u(3000),
      cold_water: u(30),
      hot_water: u(20),
      gas: u(1500),
      heating: u(10),
      sewerage: u(50),
    };
    for (const service of UTILITY_SERVICES) {
      const c = ceilings[service];
      assert.deepEqual(check({ service, used: c }), { plausible: true }, service);
      assert.deepEqual(
        check({ service, used: c + 1n }),
        { plausible: false, reason: "above_service_limit" },
        service,
      );
    }
  });

  test("the ceiling wins over the own average", () => {
    assert.deepEqual(check({ used: u(5000), averageDaily: u(1) }), {
      plausible: false,
      reason: "above_service_limit",
    });
  });
});

describe("checkPlausibility: own average", () => {
  test("more than 3× the average over the same days", () => {
    // 6 kWh/day over 30 days → 180 expected, 540 is exactly 3×: allowed.
    assert.deepEqual(check({ used: u(540), averageDaily: u(6) }), { plausible: true });
    assert.deepEqual(check({ used: u(540) + 1n, averageDaily: u(6) }), {
      plausible: false,
      reason: "above_own_average",
      factor: 3,
    });
    assert.deepEqual(check({ used: u(900), averageDaily: u(6) }), {
      plausible: false,
      reason: "above_own_average",
      factor: 5,
    });
  });

  test("the factor is truncated to one decimal", () => {
    // 7.99 × 100 = 799 over 10 days at 10/day.
    const r = check({ used: 799_000n, days: 10, averageDaily: u(10) });
    assert.deepEqual(r, { plausible: false, reason: "above_own_average", factor: 7.9 });
  });

  test("small amounts stay under the floor", () => {
    // The brief's example: 3 kWh in a day against 0.5 kWh/day.
    assert.deepEqual(check({ used: u(3), days: 1, averageDaily: 500n }), { plausible: true });
    assert.deepEqual(check({ used: u(50), days: 1, averageDaily: 500n }), { plausible: true });
    assert.deepEqual(check({ used: u(50) + 1n, days: 1, averageDaily: 500n }), {
      plausible: false,
      reason: "above_own_average",
      factor: 100,
    });
    assert.deepEqual(check({ service: "cold_water", used: u(3), days: 30, averageDaily: 10n }), {
      plausible: true,
    });
    assert.equal(check({ service: "cold_water", used: u(4), days: 30, averageDaily: 10n }).plausible, false);
    assert.equal(check({ service: "heating", used: 501n, days: 30, averageDaily: 1n }).plausible, false);
  });

  test("needs a known, positive average", () => {
    assert.deepEqual(check({ used: u(2000), averageDaily: null }), { plausible: true });
    assert.deepEqual(check({ used: u(2000), averageDaily: 0n }), { plausible: true });
  });

  test("a configurable policy", () => {
    const lenient: PlausibilityPolicy = {
      ...DEFAULT_PLAUSIBILITY,
      id: "test",
      ownAverageFactor: { num: 5n, den: 2n }, // 2.5×
      services: { ...DEFAULT_PLAUSIBILITY.services, electricity: { floor: 0n, ceiling: u(100) } },
    };
    assert.equal(
      checkPlausibility({ service: "electricity", used: u(75), days: 30, averageDaily: u(1) }, lenient)
        .plausible,
      true,
    );
    assert.deepEqual(
      checkPlausibility({ service: "electricity", used: u(76), days: 30, averageDaily: u(1) }, lenient),
      { plausible: false, reason: "above_own_average", factor: 2.5 },
    );
    assert.deepEqual(
      checkPlausibility({ service: "electricity", used: u(101), days: 30, averageDaily: null }, lenient),
      { plausible: false, reason: "above_service_limit" },
    );
  });
});

describe("checkPlausibility: inputs", () => {
  test("refuses impossible inputs", () => {
    assert.throws(() => check({ used: 1n, days: 0 }), RangeError);
    assert.throws(() => check({ used: 1n, days: 1.5 }), RangeError);
    assert.throws(() => check({ used: -1n }), RangeError);
    assert.throws(() => check({ used: 1n, averageDaily: -1n }), RangeError);
    assert.throws(() => check({ used: 1n, service: "internet" as UtilityService }), RangeError);
    const zeroFactor = { ...DEFAULT_PLAUSIBILITY, ownAverageFactor: { num: 0n, den: 1n } };
    assert.throws(
      () => checkPlausibility({ service: "gas", used: 1n, days: 1, averageDaily: null }, zeroFactor),
      RangeError,
    );
  });

  test("the default policy is dated and named", () => {
    assert.equal(DEFAULT_PLAUSIBILITY.effectiveFrom, "2026-11-25");
    assert.match(DEFAULT_PLAUSIBILITY.id, /2026-11-25/);
    assert.deepEqual(Object.keys(DEFAULT_PLAUSIBILITY.services).sort(), [...UTILITY_SERVICES].sort());
  });
});

describe("checkPlausibility: properties", () => {
  const inputArb = fc.record({
    service: fc.constantFrom(...UTILITY_SERVICES),
    used: fc.bigInt({ min: 0n, max: 10n ** 9n }),
    days: fc.integer({ min: 1, max: 400 }),
    averageDaily: fc.option(fc.bigInt({ min: 0n, max: 10n ** 6n })),
  });

  test("property: agrees with a direct reading of the rules", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = checkPlausibility(input);
        const limits = DEFAULT_PLAUSIBILITY.services[input.service];
        // Rational reference: compare as exact fractions of days.
        const overCeiling = input.used * 30n > limits.ceiling * BigInt(input.days);
        const avg = input.averageDaily;
        const overOwn =
          avg !== null && avg > 0n && input.used > limits.floor && input.used > 3n * avg * BigInt(input.days);
        const expected = overCeiling ? "above_service_limit" : overOwn ? "above_own_average" : null;
        assert.equal(r.plausible ? null : r.reason, expected);
        if (!r.plausible && r.reason === "above_own_average")
          assert.ok(r.factor !== undefined && r.factor >= 3);
      }),
    );
  });

  test("property: using less never makes a plausible reading implausible", () => {
    fc.assert(
      fc.property(inputArb, fc.bigInt({ min: 0n, max: 10n ** 9n }), (input, less) => {
        fc.pre(less <= input.used);
        if (checkPlausibility(input).plausible) {
          assert.equal(checkPlausibility({ ...input, used: input.used - less }).plausible, true);
        }
      }),
    );
  });
});
