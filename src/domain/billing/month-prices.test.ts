import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { parseLocalDate } from "../local-date.ts";
import { kop } from "../money.ts";
import { daysInPeriod, parsePeriod } from "../period.ts";
import { type MonthPart, monthPrices, normUseOf, type PricedZone, priceZones } from "./month-prices.ts";
import { normUseInMonth } from "./norms.ts";
import { priceHouseholdProrated, splitByTariffs } from "./proration.ts";
import type { Tariff } from "./tariff.ts";

const OCTOBER = parsePeriod("2026-10");

/** Up to three cumulative blocks, the last unbounded; prices with up to six decimals. */
const tariff: fc.Arbitrary<Tariff> = fc
  .record({
    ceilings: fc.uniqueArray(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 2 }),
    prices: fc.array(fc.integer({ min: 0, max: 99_999_999 }), { minLength: 3, maxLength: 3 }),
    fee: fc.integer({ min: 0, max: 10_000 }),
  })
  .map(({ ceilings, prices, fee }) => {
    const ups = [...ceilings].sort((a, b) => a - b);
    return {
      effectiveFrom: parseLocalDate("2026-01-01"),
      effectiveTo: null,
      fixedFeeKop: kop(fee),
      blocks: [...ups.map((u) => BigInt(u)), null].map((upTo, i) => ({
        upTo,
        priceUah: (prices[i]! / 1_000_000).toFixed(6),
      })),
      zones: [
        { zones: 2, zone: 1, name: "day", coefficient: "1.0" },
        { zones: 2, zone: 2, name: "night", coefficient: "0.5" },
      ],
    };
  });

function pricesOf(t: Tariff, norm: Partial<MonthPart> = {}) {
  const parts: MonthPart[] = splitByTariffs(OCTOBER, [t]).map((p) => ({
    tariff: p.tariff,
    days: p.days,
    normPerResidentTh: null,
    normPerM2: null,
    normDays: p.days,
    ...norm,
  }));
  return monthPrices(OCTOBER, daysInPeriod(OCTOBER), t.fixedFeeKop, parts);
}

describe("month prices: the run's household pricing in the process", () => {
  test("one meter zone under one tariff: block by block as priceHouseholdProrated prices it", () => {
    fc.assert(
      fc.property(tariff, fc.oneof(fc.nat(20_000_000), fc.nat(2_000_000_000_000)), (t, quantity) => {
        const zones: PricedZone[] = [{ meterId: 1, meterZones: 1, zone: 1, quantity }];
        const expected = priceHouseholdProrated(
          OCTOBER,
          [t],
          [{ meterZones: 1, usage: [{ zone: 1, used: BigInt(quantity) }] }],
        );
        assert.deepEqual(priceZones(pricesOf(t), zones), expected.meterZoneKop.flat());
      }),
      { numRuns: 500 },
    );
  });

  test("several meters and zones: each meter zone's share, meters in order", () => {
    fc.assert(
      fc.property(tariff, fc.nat(2_000_000), fc.nat(2_000_000), fc.nat(2_000_000), (t, a, b, c) => {
        const zones: PricedZone[] = [
          { meterId: 3, meterZones: 1, zone: 1, quantity: a },
          { meterId: 7, meterZones: 2, zone: 1, quantity: b },
          { meterId: 7, meterZones: 2, zone: 2, quantity: c },
        ];
        const expected = priceHouseholdProrated(
          OCTOBER,
          [t],
          [
            { meterZones: 1, usage: [{ zone: 1, used: BigInt(a) }] },
            {
              meterZones: 2,
              usage: [
                { zone: 1, used: BigInt(b) },
                { zone: 2, used: BigInt(c) },
              ],
            },
          ],
        );
        assert.deepEqual(priceZones(pricesOf(t), zones), expected.meterZoneKop.flat());
      }),
      { numRuns: 200 },
    );
  });

  test("a norm by residents or by area, as normUseInMonth computes it", () => {
    fc.assert(
      fc.property(
        tariff,
        fc.nat(10_000_000),
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.integer({ min: 0, max: 31 }),
        fc.boolean(),
        (t, perResident, perM2, residents, area, normDays, byArea) => {
          const normPerM2 = (perM2 / 100_000).toFixed(5);
          const norm = byArea ? { normPerM2, normDays } : { normPerResidentTh: perResident, normDays };
          const areaM2 = (area / 100).toFixed(2);
          const expected = normUseInMonth(
            [
              {
                normPerResident: byArea ? null : BigInt(perResident),
                normPerM2: byArea ? normPerM2 : null,
                days: normDays,
              },
            ],
            31,
            { residents, areaM2 },
          );
          assert.equal(
            normUseOf(pricesOf(t, norm), residents, area),
            expected === null ? null : Number(expected),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test("no part with a norm: none", () => {
    const t = fc.sample(tariff, { numRuns: 1, seed: 1 })[0]!;
    assert.equal(normUseOf(pricesOf(t), 2, 5_000), null);
  });
});
