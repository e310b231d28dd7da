import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { divRoundHalfAwayFromZero } from "../decimal.ts";
import { type Kopiykas, kop } from "../money.ts";
import { daysInPeriod, parsePeriod } from "../period.ts";
import { CostInputError, calculateCost, normKindOf } from "./cost-calculator.ts";
import { monthPrices, normUseOf, priceZones } from "./month-prices.ts";
import { DEFAULT_HEATING_SEASON, normDays } from "./norms.ts";
import { splitByTariffs, TariffCoverageError } from "./proration.ts";
import type { Tariff } from "./tariff.ts";

const HEATING: Tariff = {
  effectiveFrom: "2019-01-01" as Tariff["effectiveFrom"],
  effectiveTo: null,
  fixedFeeKop: kop(2150),
  normPerM2: "0.01680",
  blocks: [{ upTo: null, priceUah: "1654.41" }],
};
const HOT_WATER: Tariff = {
  effectiveFrom: "2019-01-01" as Tariff["effectiveFrom"],
  effectiveTo: null,
  fixedFeeKop: kop(0),
  normPerResident: 2500n,
  blocks: [{ upTo: null, priceUah: "93.40" }],
};
const ELECTRICITY: Tariff = {
  effectiveFrom: "2017-03-01" as Tariff["effectiveFrom"],
  effectiveTo: null,
  fixedFeeKop: kop(0),
  blocks: [
    { upTo: 100_000n, priceUah: "0.90" },
    { upTo: null, priceUah: "1.68" },
  ],
};
const season = DEFAULT_HEATING_SEASON;

test("heating by area in a month all in season: area × norm, × the price, + the fee", () => {
  const r = calculateCost({
    period: parsePeriod("2019-11"),
    service: "heating",
    tariffs: [HEATING],
    season,
    basis: { kind: "norm", residents: 1, areaM2: "52.5" },
  });
  // 52.5 × 0.0168 = 0.882 Gcal; 0.882 × 1654.41 = 1459.18962 → 1459.19; + 21.50.
  assert.equal(r.quantity, 882n);
  assert.deepEqual(r.normSteps, [
    { normPerResident: null, normPerM2: "0.01680", normDays: 30, monthDays: 30 },
  ]);
  assert.deepEqual(r.priceSteps, [
    { quantity: 882n, priceUah: "1654.41", amountKop: 145919, days: 30, monthDays: 30 },
  ]);
  assert.equal(r.fixedFeeKop, 2150);
  assert.equal(r.totalKop, 148069);
});

test("October: the norm on the season's 17 days of 31 only (the run's figure for 50 m²)", () => {
  const r = calculateCost({
    period: parsePeriod("2019-10"),
    service: "heating",
    tariffs: [HEATING],
    season,
    basis: { kind: "norm", residents: 1, areaM2: "50.00" },
  });
  assert.equal(r.normSteps[0]?.normDays, 17);
  assert.equal(r.quantity, 461n);
  // test/billing/norms-and-season.test.ts: 762.68 + 21.50.
  assert.equal(r.totalKop, 78418);
});

test("heating out of season: nothing by the norm, the fixed fee all year", () => {
  const r = calculateCost({
    period: parsePeriod("2019-07"),
    service: "heating",
    tariffs: [HEATING],
    season,
    basis: { kind: "norm", residents: 1, areaM2: "70" },
  });
  assert.equal(r.quantity, 0n);
  assert.deepEqual(r.priceSteps, []);
  assert.equal(r.totalKop, 2150);
});

test("hot water by residents, and by a meter's expected use", () => {
  const byNorm = calculateCost({
    period: parsePeriod("2019-07"),
    service: "hot_water",
    tariffs: [HOT_WATER],
    season,
    basis: { kind: "norm", residents: 2, areaM2: "0" },
  });
  assert.equal(byNorm.quantity, 5000n);
  assert.equal(byNorm.totalKop, 46700);
  const byMeter = calculateCost({
    period: parsePeriod("2019-07"),
    service: "hot_water",
    tariffs: [HOT_WATER],
    season,
    basis: { kind: "meter", used: 3250n },
  });
  // 3.25 m³ × 93.40 = 303.55.
  assert.equal(byMeter.totalKop, 30355);
  assert.deepEqual(byMeter.normSteps, []);
});

test("a tiered tariff on a meter: a line per block", () => {
  const r = calculateCost({
    period: parsePeriod("2019-06"),
    service: "electricity",
    tariffs: [ELECTRICITY],
    season,
    basis: { kind: "meter", used: 250_000n },
  });
  assert.deepEqual(
    r.priceSteps.map((s) => [s.quantity, s.priceUah, s.amountKop]),
    [
      [100_000n, "0.90", 9000],
      [150_000n, "1.68", 25200],
    ],
  );
  assert.equal(r.totalKop, 34200);
});

test("no norm, no tariff, a negative use: each refused by name", () => {
  const base = { period: parsePeriod("2019-06"), service: "electricity", season };
  assert.throws(
    () =>
      calculateCost({
        ...base,
        tariffs: [ELECTRICITY],
        basis: { kind: "norm", residents: 2, areaM2: "50" },
      }),
    CostInputError,
  );
  assert.throws(
    () => calculateCost({ ...base, tariffs: [], basis: { kind: "meter", used: 1n } }),
    TariffCoverageError,
  );
  assert.throws(
    () => calculateCost({ ...base, tariffs: [ELECTRICITY], basis: { kind: "meter", used: -1n } }),
    RangeError,
  );
  assert.equal(normKindOf([ELECTRICITY]), null);
  assert.equal(normKindOf([HEATING]), "per_m2");
  assert.equal(normKindOf([HOT_WATER]), "per_resident");
});

// The run's in-process path prices an unmetered household by month-prices.ts (its own integer arithmetic for a
// month under one tariff, normUseOf for the norm): the calculator must give the same kopiyka for any household,
// month and mid-month tariff change.
test("property: the calculator charges what the billing run's household pricing charges", () => {
  const changed = (on: Tariff["effectiveFrom"], price: string, norm: string): Tariff[] => [
    { ...HEATING, effectiveTo: on },
    {
      ...HEATING,
      effectiveFrom: on,
      normPerM2: norm,
      fixedFeeKop: kop(3000),
      blocks: [{ upTo: null, priceUah: price }],
    },
  ];
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 100, max: 30_000 }), // area × 100
      fc.boolean(),
      fc.integer({ min: 2, max: 28 }),
      fc.constantFrom("1654.41", "1800.005", "2000"),
      fc.constantFrom("0.01680", "0.0175", "0.020123"),
      (month, areaHundredths, change, day, price, norm) => {
        const period = parsePeriod(`2019-${String(month).padStart(2, "0")}`);
        const on = `${period}-${String(day).padStart(2, "0")}` as Tariff["effectiveFrom"];
        const tariffs = change ? changed(on, price, norm) : [HEATING];
        const areaM2 = (areaHundredths / 100).toFixed(2);
        const mine = calculateCost({
          period,
          service: "heating",
          tariffs,
          season,
          basis: { kind: "norm", residents: 3, areaM2 },
        });
        const monthDays = daysInPeriod(period);
        const split = splitByTariffs(period, tariffs);
        const feeKop = Number(
          divRoundHalfAwayFromZero(
            split.reduce((a, p) => a + BigInt(p.tariff.fixedFeeKop) * BigInt(p.days), 0n),
            BigInt(monthDays),
          ),
        ) as Kopiykas;
        const prices = monthPrices(
          period,
          monthDays,
          feeKop,
          split.map((p) => ({
            tariff: p.tariff,
            days: p.days,
            normPerResidentTh: null,
            normPerM2: p.tariff.normPerM2 ?? null,
            normDays: normDays("heating", season, p.fromDay, p.toDay),
          })),
        );
        const quantity = normUseOf(prices, 3, areaHundredths)!;
        const [amount] = priceZones(prices, [{ meterId: null, meterZones: 1, zone: 1, quantity }]);
        assert.equal(mine.quantity, BigInt(quantity));
        assert.equal(mine.totalKop, amount! + feeKop);
      },
    ),
    { numRuns: 300 },
  );
});
