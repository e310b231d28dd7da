import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { kop } from "../money.ts";
import { addPeriods, daysInPeriod, type Period, parsePeriod } from "../period.ts";
import {
  type BilledBefore,
  type EstimatedBill,
  MissingPriceError,
  repriceMonths,
  type SpreadShare,
  spreadByDays,
} from "./household-recalculation.ts";
import { type MonthPrices, monthPrices } from "./month-prices.ts";
import { priceHouseholdProrated, splitByTariffs } from "./proration.ts";
import { recalculate } from "./recalculation.ts";
import { ELECTRICITY_2019 } from "./test-tariffs.ts";

const JULY = parsePeriod("2019-07");

function pricesIn(period: Period): ReadonlyMap<string, MonthPrices> {
  const parts = splitByTariffs(period, [ELECTRICITY_2019]).map((p) => ({
    tariff: p.tariff,
    days: p.days,
    normPerResidentTh: null,
    normPerM2: null,
    normDays: p.days,
  }));
  return new Map([["electricity", monthPrices(period, daysInPeriod(period), kop(0), parts)]]);
}

const share = (period: Period, meterId: number, zone: number, quantity: number, meterZones: 1 | 2 | 3 = 1) =>
  ({
    service: "electricity",
    period,
    meterId,
    meterZones,
    zone,
    quantity,
    chargedQuantity: 0,
    chargedKop: 0,
  }) satisfies SpreadShare;

describe("recalculation of a household in the process", () => {
  test("one meter zone alone: the same shares and charges as recalculate()", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.nat(3_000_000),
        fc.array(fc.record({ q: fc.nat(500_000), k: fc.nat(100_000) }), { minLength: 5, maxLength: 5 }),
        (n, used, charged) => {
          const months: EstimatedBill[] = Array.from({ length: n }, (_, i) => ({
            period: addPeriods(JULY, i - n),
            days: daysInPeriod(addPeriods(JULY, i - n)),
            quantity: charged[i]!.q,
            chargedKop: charged[i]!.k,
          }));
          const shares = spreadByDays(used, months, daysInPeriod(JULY));
          const reference = recalculate({
            estimatedMonths: months.map((m) => ({
              period: m.period,
              estimatedUse: BigInt(m.quantity),
              chargedKop: kop(m.chargedKop),
            })),
            currentPeriod: JULY,
            actualTotalUse: BigInt(used),
            priceFor: (p, use) =>
              priceHouseholdProrated(
                p,
                [ELECTRICITY_2019],
                [{ meterZones: 1, usage: [{ zone: 1, used: use }] }],
              ).totalKop,
          });
          assert.equal(shares[n], Number(reference.current.actualUse));
          const lines = repriceMonths(
            months.map((m, i) => ({
              ...share(m.period, 7, 1, shares[i]!),
              chargedQuantity: m.quantity,
              chargedKop: m.chargedKop,
            })),
            [],
            pricesIn,
          );
          assert.deepEqual(
            lines.map((l) => [l.period, l.quantity, l.amountKop - l.chargedKop]),
            reference.perMonth.map((m) => [m.period, Number(m.actualUse), m.differenceKop]),
          );
        },
      ),
    );
  });

  test("the household's other meter zones come along at what they were billed, and share the block again", () => {
    const june = parsePeriod("2019-06");
    // Meter 3 (two zones) was estimated in June; meter 9 was billed 80 kWh on a reading then.
    const before: BilledBefore[] = [
      {
        service: "electricity",
        period: june,
        meterId: 3,
        meterZones: 2,
        zone: 1,
        quantity: 60_000,
        chargedKop: 1,
      },
      {
        service: "electricity",
        period: june,
        meterId: 3,
        meterZones: 2,
        zone: 2,
        quantity: 40_000,
        chargedKop: 2,
      },
      {
        service: "electricity",
        period: june,
        meterId: 9,
        meterZones: 1,
        zone: 1,
        quantity: 80_000,
        chargedKop: 7200,
      },
      // Another service and another month stay out.
      { service: "gas", period: june, meterId: 11, meterZones: 1, zone: 1, quantity: 5_000, chargedKop: 100 },
      {
        service: "electricity",
        period: parsePeriod("2019-05"),
        meterId: 9,
        meterZones: 1,
        zone: 1,
        quantity: 1,
        chargedKop: 1,
      },
    ];
    const lines = repriceMonths(
      [share(june, 3, 1, 50_000, 2), share(june, 3, 2, 30_000, 2)],
      before,
      pricesIn,
    );
    const expected = priceHouseholdProrated(
      june,
      [ELECTRICITY_2019],
      [
        {
          meterZones: 2,
          usage: [
            { zone: 1, used: 50_000n },
            { zone: 2, used: 30_000n },
          ],
        },
        { meterZones: 1, usage: [{ zone: 1, used: 80_000n }] },
      ],
    ).meterZoneKop.flat();
    assert.deepEqual(
      lines.map((l) => [l.meterId, l.zone, l.quantity, l.chargedQuantity, l.amountKop]),
      [
        [3, 1, 50_000, 0, expected[0]],
        [3, 2, 30_000, 0, expected[1]],
        [9, 1, 80_000, 80_000, expected[2]],
      ],
    );
    // 160 kWh over one 100 kWh block: meter 9's own charge changes with the others' (7,200 before).
    assert.notEqual(expected[2], 7200);
  });

  test("a month with no price stops, by service and month", () => {
    const june = parsePeriod("2019-06");
    assert.throws(
      () => repriceMonths([share(june, 1, 1, 10)], [], () => new Map()),
      (e: unknown) => e instanceof MissingPriceError && e.service === "electricity" && e.period === june,
    );
  });
});
