import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { addDays, parseLocalDate } from "../local-date.ts";
import { kop } from "../money.ts";
import { daysInPeriod, firstDay, parsePeriod } from "../period.ts";
import {
  priceHouseholdProrated,
  priceProrated,
  prorateCeiling,
  splitByTariffs,
  TariffCoverageError,
} from "./proration.ts";
import { type MeterZones, priceConsumption, type Tariff, type ZoneUsage } from "./tariff.ts";
import { u } from "./test-tariffs.ts";

const d = parseLocalDate;
const JULY = parsePeriod("2019-07");

const ZONES: Tariff["zones"] = [
  { zones: 2, zone: 1, name: "day", coefficient: "1.0" },
  { zones: 2, zone: 2, name: "night", coefficient: "0.5" },
  { zones: 3, zone: 1, name: "peak", coefficient: "1.5" },
  { zones: 3, zone: 2, name: "half_peak", coefficient: "1.0" },
  { zones: 3, zone: 3, name: "night", coefficient: "0.4" },
];

// In force until July 16, 2019 (exclusive): 0.90 / 1.68 UAH per kWh, ceiling 100 kWh.
const OLD: Tariff = {
  effectiveFrom: d("2019-01-01"),
  effectiveTo: d("2019-07-16"),
  fixedFeeKop: kop(0),
  blocks: [
    { upTo: u(100), priceUah: "0.90" },
    { upTo: null, priceUah: "1.68" },
  ],
  zones: ZONES,
};
// Illustrative new prices from July 16: 1.00 / 1.80.
const NEW: Tariff = {
  effectiveFrom: d("2019-07-16"),
  effectiveTo: null,
  fixedFeeKop: kop(0),
  blocks: [
    { upTo: u(100), priceUah: "1.00" },
    { upTo: null, priceUah: "1.80" },
  ],
  zones: ZONES,
};

describe("splitByTariffs", () => {
  test("July 2019 with a change on the 16th: 15 days, then 16", () => {
    assert.deepEqual(splitByTariffs(JULY, [NEW, OLD]), [
      { tariff: OLD, days: 15, fromDay: d("2019-07-01"), toDay: d("2019-07-15") },
      { tariff: NEW, days: 16, fromDay: d("2019-07-16"), toDay: d("2019-07-31") },
    ]);
  });

  test("one tariff for the whole month; tariffs outside the month are ignored", () => {
    const earlier: Tariff = { ...OLD, effectiveFrom: d("2018-01-01"), effectiveTo: d("2019-01-01") };
    assert.deepEqual(splitByTariffs(parsePeriod("2019-02"), [earlier, OLD]), [
      { tariff: OLD, days: 28, fromDay: d("2019-02-01"), toDay: d("2019-02-28") },
    ]);
  });

  test("a change on the 1st is no split; a tariff ending on the last day leaves one day uncovered", () => {
    const fromAug = { ...NEW, effectiveFrom: d("2019-08-01") };
    const untilAug = { ...OLD, effectiveTo: d("2019-08-01") };
    assert.equal(splitByTariffs(JULY, [untilAug, fromAug]).length, 1);
    const untilLast = { ...OLD, effectiveTo: d("2019-07-31") };
    assert.throws(
      () => splitByTariffs(JULY, [untilLast, fromAug]),
      (e: unknown) =>
        e instanceof TariffCoverageError && e.day === "2019-07-31" && /No tariff/.test(e.message),
    );
  });

  test("a day without a tariff, or with two, is refused with the day named", () => {
    assert.throws(() => splitByTariffs(JULY, [OLD]), /No tariff is in force on 2019-07-16/);
    assert.throws(() => splitByTariffs(JULY, []), /No tariff is in force on 2019-07-01/);
    const overlapping = { ...NEW, effectiveFrom: d("2019-07-10") };
    assert.throws(
      () => splitByTariffs(JULY, [OLD, overlapping]),
      (e: unknown) => e instanceof TariffCoverageError && e.day === "2019-07-10" && /overlap/.test(e.message),
    );
  });
});

describe("priceProrated", () => {
  test("July 2019, change on the 16th, 310 kWh on a single-zone meter → 460.97 UAH", () => {
    // Use: 310 × 15/31 = 150 kWh, 310 × 16/31 = 160 kWh.
    // Ceilings: 100 × 15/31 = 48.387 kWh, 100 × 16/31 = 51.613 kWh.
    // Old: 48.387 × 0.90 = 43.5483 → 43.55; 101.613 × 1.68 = 170.70984 → 170.71.
    // New: 51.613 × 1.00 = 51.613 → 51.61; 108.387 × 1.80 = 195.0966 → 195.10.
    const charge = priceProrated(JULY, [OLD, NEW], [{ zone: 1, used: u(310) }], 1);
    assert.deepEqual(
      charge.parts.map((p) => [p.days, p.usage[0]!.used, p.blocks[0]!.upTo, p.lines.map((l) => l.amountKop)]),
      [
        [15, u(150), 48_387n, [4355, 17071]],
        [16, u(160), 51_613n, [5161, 19510]],
      ],
    );
    assert.deepEqual(
      [charge.consumptionKop, charge.fixedFeeKop, charge.totalKop],
      [kop(46097), kop(0), kop(46097)],
    );
  });

  test("July 2019, two-zone day 186 / night 124 kWh → 368.78 UAH", () => {
    // Old part: day 90, night 60 kWh; block 1 (48.387) splits 29.0322 / 19.3548 → 29.032 / 19.355
    //   day 29.032 × 0.90 = 26.13, 60.968 × 1.68 = 102.43; night 19.355 × 0.90 × 0.5 = 8.71,
    //   40.645 × 1.68 × 0.5 = 34.14 → 171.41.
    // New part: day 96, night 64 kWh; block 1 (51.613) splits 30.9678 / 20.6452 → 30.968 / 20.645
    //   day 30.968 × 1.00 = 30.97, 65.032 × 1.80 = 117.06; night 20.645 × 0.5 = 10.32,
    //   43.355 × 1.80 × 0.5 = 39.02 → 197.37.
    const usage: ZoneUsage[] = [
      { zone: 1, used: u(186) },
      { zone: 2, used: u(124) },
    ];
    const charge = priceProrated(JULY, [OLD, NEW], usage, 2);
    assert.deepEqual(
      charge.parts.map((p) => p.lines.map((l) => [l.zone, l.block, l.quantity, l.amountKop])),
      [
        [
          [1, 1, 29_032n, 2613],
          [1, 2, 60_968n, 10243],
          [2, 1, 19_355n, 871],
          [2, 2, 40_645n, 3414],
        ],
        [
          [1, 1, 30_968n, 3097],
          [1, 2, 65_032n, 11706],
          [2, 1, 20_645n, 1032],
          [2, 2, 43_355n, 3902],
        ],
      ],
    );
    assert.deepEqual(
      charge.parts.map((p) => p.consumptionKop),
      [17141, 19737],
    );
    assert.equal(charge.totalKop, 36878);
  });

  test("use that does not divide by the days is allocated exactly", () => {
    // 100 kWh × 15/31 = 48.387096… and × 16/31 = 51.612903… → 48.387 + 51.613.
    const charge = priceProrated(JULY, [OLD, NEW], [{ zone: 1, used: u(100) }], 1);
    assert.deepEqual(
      charge.parts.map((p) => p.usage[0]!.used),
      [48_387n, 51_613n],
    );
    // Both parts stay within their prorated first block: 48.387 × 0.90 = 43.55, 51.613 × 1.00 = 51.61.
    assert.equal(charge.consumptionKop, 4355 + 5161);
  });

  test("the same fixed fee on both sides sums to exactly the monthly fee", () => {
    // 30.00 × 15/31 = 14.516…, × 16/31 = 15.483… → 14.52 + 15.48 = 30.00.
    const charge = priceProrated(
      JULY,
      [
        { ...OLD, fixedFeeKop: kop(3000) },
        { ...NEW, fixedFeeKop: kop(3000) },
      ],
      [{ zone: 1, used: 0n }],
      1,
    );
    assert.deepEqual(
      charge.parts.map((p) => p.fixedFeeKop),
      [1452, 1548],
    );
    assert.deepEqual([charge.fixedFeeKop, charge.consumptionKop, charge.totalKop], [3000, 0, 3000]);
  });

  test("different fees: the month's fee is rounded once, then split", () => {
    // 30.00 × 15/31 + 31.00 × 16/31 = 946/31 = 30.516… → 30.52 = 14.52 + 16.00.
    const charge = priceProrated(
      JULY,
      [
        { ...OLD, fixedFeeKop: kop(3000) },
        { ...NEW, fixedFeeKop: kop(3100) },
      ],
      [{ zone: 1, used: 0n }],
      1,
    );
    assert.deepEqual(
      charge.parts.map((p) => p.fixedFeeKop),
      [1452, 1600],
    );
    assert.equal(charge.fixedFeeKop, 3052);
  });

  test("a ceiling of 100 kWh over 10 of 30 days is 33.333 kWh; halves round up", () => {
    assert.equal(prorateCeiling(u(100), 10, 30), 33_333n);
    assert.equal(prorateCeiling(u(100), 20, 30), 66_667n);
    assert.equal(prorateCeiling(1n, 15, 30), 1n); // 0.5 thousandth → 1
    assert.equal(prorateCeiling(u(100), 30, 30), u(100));
  });

  test("a gap in the tariffs is refused before anything is priced", () => {
    assert.throws(() => priceProrated(JULY, [OLD], [{ zone: 1, used: u(1) }], 1), TariffCoverageError);
  });

  test("property: one tariff for the whole month prices exactly as without proration", () => {
    const period = fc
      .tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => parsePeriod(`${y}-${String(m).padStart(2, "0")}`));
    fc.assert(
      fc.property(
        period,
        fc.constantFrom<MeterZones>(1, 2, 3),
        fc.array(fc.bigInt({ min: 0n, max: u(2000) }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 100_000 }),
        (p, zones, used, fee) => {
          const tariff: Tariff = {
            ...OLD,
            effectiveFrom: d("1999-01-01"),
            effectiveTo: null,
            fixedFeeKop: kop(fee),
          };
          const usage = used.slice(0, zones).map((x, i) => ({ zone: i + 1, used: x }));
          const prorated = priceProrated(p, [tariff], usage, zones);
          const plain = priceConsumption(tariff, usage, zones);
          assert.equal(prorated.parts.length, 1);
          assert.deepEqual(prorated.parts[0]!.lines, plain.lines);
          assert.equal(prorated.consumptionKop, plain.totalKop);
          assert.equal(prorated.fixedFeeKop, fee);
          assert.equal(prorated.totalKop, plain.totalKop + fee);
        },
      ),
    );
  });

  test("property: any change day — days, use and an unchanged fee all add up exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom<MeterZones>(1, 2, 3),
        fc.array(fc.bigInt({ min: 0n, max: u(2000) }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 100_000 }),
        (offset, zones, used, fee) => {
          const change = addDays(firstDay(JULY), offset);
          const before: Tariff = { ...OLD, effectiveTo: change, fixedFeeKop: kop(fee) };
          const after: Tariff = { ...NEW, effectiveFrom: change, fixedFeeKop: kop(fee) };
          const usage = used.slice(0, zones).map((x, i) => ({ zone: i + 1, used: x }));
          const charge = priceProrated(JULY, [before, after], usage, zones);
          assert.equal(
            charge.parts.reduce((a, p) => a + p.days, 0),
            daysInPeriod(JULY),
          );
          assert.deepEqual(
            charge.parts.map((p) => p.days),
            [offset, 31 - offset],
          );
          usage.forEach((x, z) => {
            assert.equal(
              charge.parts.reduce((a, p) => a + p.usage[z]!.used, 0n),
              x.used,
            );
          });
          assert.equal(
            charge.parts.reduce((a, p) => a + p.fixedFeeKop, 0),
            fee,
          );
          assert.equal(charge.fixedFeeKop, fee);
        },
      ),
    );
  });
});

describe("priceHouseholdProrated: one block allowance per household and service", () => {
  const MAY = parsePeriod("2026-05");
  const TARIFF_2019: Tariff = { ...OLD, effectiveFrom: d("2019-01-01"), effectiveTo: null, zones: ZONES };

  test("a meter replaced in May: 20 + 11 kWh on the old, 99 + 53 on the new — 183 kWh under one limit, 189.31", () => {
    const charge = priceHouseholdProrated(
      MAY,
      [TARIFF_2019],
      [
        {
          meterZones: 2,
          usage: [
            { zone: 1, used: u(20) },
            { zone: 2, used: u(11) },
          ],
        },
        {
          meterZones: 2,
          usage: [
            { zone: 1, used: u(99) },
            { zone: 2, used: u(53) },
          ],
        },
      ],
    );
    // Day 119, night 64 as one two-zone meter: block 1 (100) gives the day round(119·100/183) = 65.027, the night
    // 34.973; block 2 (83) 53.973 / 29.027. 58.52 + 90.67 + 15.74 + 24.38 = 189.31.
    assert.equal(charge.consumptionKop, 18931);
    assert.deepEqual(
      charge.parts[0]!.lines.map((l) => [l.zone, l.block, l.quantity, l.amountKop]),
      [
        [1, 1, 65_027n, 5852],
        [1, 2, 53_973n, 9067],
        [2, 1, 34_973n, 1574],
        [2, 2, 29_027n, 2438],
      ],
    );
    // Each zone's amount shared between the meters by their use: day 149.19 as 20:99, night 40.12 as 11:53.
    assert.deepEqual(charge.meterZoneKop, [
      [2507, 690],
      [12412, 3322],
    ]);
    // Meter by meter, each with its own 100 kWh, it was 169.39.
    const separately =
      priceProrated(
        MAY,
        [TARIFF_2019],
        [
          { zone: 1, used: u(20) },
          { zone: 2, used: u(11) },
        ],
        2,
      ).totalKop +
      priceProrated(
        MAY,
        [TARIFF_2019],
        [
          { zone: 1, used: u(99) },
          { zone: 2, used: u(53) },
        ],
        2,
      ).totalKop;
    assert.equal(separately, 16939);
  });

  test("a single-zone meter replaced by a two-zone one: classes in order, the block shared over all three", () => {
    const charge = priceHouseholdProrated(
      MAY,
      [TARIFF_2019],
      [
        { meterZones: 1, usage: [{ zone: 1, used: u(50) }] },
        {
          meterZones: 2,
          usage: [
            { zone: 1, used: u(60) },
            { zone: 2, used: u(40) },
          ],
        },
      ],
    );
    // 150 kWh; block 1 (100): single round(50·100/150) = 33.333, day round(60·66.667/100) = 40.000, night 26.667.
    assert.deepEqual(
      charge.parts[0]!.lines.map((l) => [l.kind, l.zone ?? null, l.block, l.quantity]),
      [
        ["block", null, 1, 33_333n],
        ["block", null, 2, 16_667n],
        ["zone", 1, 1, 40_000n],
        ["zone", 1, 2, 20_000n],
        ["zone", 2, 1, 26_667n],
        ["zone", 2, 2, 13_333n],
      ],
    );
    assert.equal(
      charge.meterZoneKop.flat().reduce((a, b) => a + b, 0),
      charge.consumptionKop,
    );
  });

  test("property: meters of one kind price as one meter with their use summed; shares add up", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<MeterZones>(1, 2, 3),
        fc.array(fc.array(fc.bigInt({ min: 0n, max: u(900) }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.integer({ min: 1, max: 30 }),
        (zones, meters, offset) => {
          const change = addDays(firstDay(JULY), offset);
          const tariffs = [
            { ...OLD, zones: ZONES, effectiveTo: change },
            { ...NEW, zones: ZONES, effectiveFrom: change },
          ];
          const usage = meters.map((used) => used.slice(0, zones).map((x, i) => ({ zone: i + 1, used: x })));
          const household = priceHouseholdProrated(
            JULY,
            tariffs,
            usage.map((x) => ({ meterZones: zones, usage: x })),
          );
          const summed = usage[0]!.map((z) => ({
            zone: z.zone,
            used: usage.reduce((a, m) => a + m[z.zone - 1]!.used, 0n),
          }));
          const one = priceProrated(JULY, tariffs, summed, zones);
          assert.equal(household.totalKop, one.totalKop);
          assert.deepEqual(
            household.parts.map((p) => p.lines),
            one.parts.map((p) => p.lines),
          );
          assert.equal(
            household.meterZoneKop.flat().reduce((a, b) => a + b, 0),
            household.consumptionKop,
          );
        },
      ),
    );
  });
});
