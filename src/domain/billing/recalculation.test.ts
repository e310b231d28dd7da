import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { type Kopiykas, kop } from "../money.ts";
import { addPeriods, type Period, parsePeriod } from "../period.ts";
import { recalculate } from "./recalculation.ts";
import { priceConsumption } from "./tariff.ts";
import { ELECTRICITY_2019, u } from "./test-tariffs.ts";

const priceFor = (_period: Period, use: bigint): Kopiykas =>
  priceConsumption(ELECTRICITY_2019, [{ zone: 1, used: use }], 1).totalKop;
const JUNE = parsePeriod("2019-06");
const JULY = parsePeriod("2019-07");

describe("recalculate", () => {
  test("two months estimated at 150 kWh (174.00 each), 200 kWh in truth → −168.00 UAH", () => {
    // 150 kWh: 100 × 0.90 + 50 × 1.68 = 90.00 + 84.00 = 174.00; 100 kWh: 90.00.
    assert.equal(priceFor(JUNE, u(150)), 17400);
    const result = recalculate({
      estimatedMonths: [
        { period: JUNE, estimatedUse: u(150), chargedKop: kop(17400) },
        { period: JULY, estimatedUse: u(150), chargedKop: kop(17400) },
      ],
      actualTotalUse: u(200),
      priceFor,
    });
    assert.deepEqual(result, {
      perMonth: [
        { period: JUNE, actualUse: u(100), chargeKop: 9000, differenceKop: -8400 },
        { period: JULY, actualUse: u(100), chargeKop: 9000, differenceKop: -8400 },
      ],
      totalDifferenceKop: -16800,
    });
  });

  test("spread in proportion to the estimates; more use than estimated charges more", () => {
    // Estimates 50 and 150 kWh (45.00 and 174.00); 400 kWh in truth → 100 and 300 kWh:
    // 90.00 and 90.00 + 200 × 1.68 = 426.00 → +45.00 and +252.00.
    const result = recalculate({
      estimatedMonths: [
        { period: JUNE, estimatedUse: u(50), chargedKop: kop(4500) },
        { period: JULY, estimatedUse: u(150), chargedKop: kop(17400) },
      ],
      actualTotalUse: u(400),
      priceFor,
    });
    assert.deepEqual(
      result.perMonth.map((m) => [m.actualUse, m.chargeKop, m.differenceKop]),
      [
        [u(100), 9000, 4500],
        [u(300), 42600, 25200],
      ],
    );
    assert.equal(result.totalDifferenceKop, 29700);
  });

  test("zero estimates: spread by days (June 30, July 31)", () => {
    const result = recalculate({
      estimatedMonths: [
        { period: JUNE, estimatedUse: 0n, chargedKop: kop(0) },
        { period: JULY, estimatedUse: 0n, chargedKop: kop(0) },
      ],
      actualTotalUse: u(61),
      priceFor,
    });
    // 30 × 0.90 = 27.00; 31 × 0.90 = 27.90
    assert.deepEqual(
      result.perMonth.map((m) => [m.actualUse, m.chargeKop]),
      [
        [u(30), 2700],
        [u(31), 2790],
      ],
    );
    assert.equal(result.totalDifferenceKop, 5490);
  });

  test("thousandths that do not divide evenly are allocated exactly", () => {
    const months = [0, 1, 2].map((i) => ({
      period: addPeriods(JUNE, i),
      estimatedUse: u(1),
      chargedKop: kop(90),
    }));
    const result = recalculate({ estimatedMonths: months, actualTotalUse: 10n, priceFor });
    assert.deepEqual(
      result.perMonth.map((m) => m.actualUse),
      [4n, 3n, 3n],
    );
  });

  test("no use at all in truth: everything charged comes back", () => {
    const result = recalculate({
      estimatedMonths: [{ period: JUNE, estimatedUse: u(150), chargedKop: kop(17400) }],
      actualTotalUse: 0n,
      priceFor,
    });
    assert.deepEqual(result.perMonth[0], {
      period: JUNE,
      actualUse: 0n,
      chargeKop: 0,
      differenceKop: -17400,
    });
  });

  test("each month is priced by its own period", () => {
    const seen: string[] = [];
    recalculate({
      estimatedMonths: [
        { period: JUNE, estimatedUse: u(1), chargedKop: kop(0) },
        { period: JULY, estimatedUse: u(3), chargedKop: kop(0) },
      ],
      actualTotalUse: u(8),
      priceFor: (p, use) => {
        seen.push(`${p}:${use}`);
        return kop(0);
      },
    });
    assert.deepEqual(seen, ["2019-06:2000", "2019-07:6000"]);
  });

  test("refuses empty, repeated or negative input", () => {
    assert.throws(
      () => recalculate({ estimatedMonths: [], actualTotalUse: 0n, priceFor }),
      /no estimated months/,
    );
    const m = { period: JUNE, estimatedUse: u(1), chargedKop: kop(0) };
    assert.throws(() => recalculate({ estimatedMonths: [m, m], actualTotalUse: 0n, priceFor }), /twice/);
    assert.throws(() => recalculate({ estimatedMonths: [m], actualTotalUse: -1n, priceFor }), /negative/);
    assert.throws(
      () => recalculate({ estimatedMonths: [{ ...m, estimatedUse: -1n }], actualTotalUse: 0n, priceFor }),
      /negative/,
    );
  });

  const monthsArb = fc.array(fc.bigInt({ min: 0n, max: u(1000) }), { minLength: 1, maxLength: 6 });

  test("property: actual use equal to the estimates changes nothing", () => {
    fc.assert(
      fc.property(monthsArb, (estimates) => {
        const estimatedMonths = estimates.map((e, i) => ({
          period: addPeriods(JUNE, i),
          estimatedUse: e,
          chargedKop: priceFor(addPeriods(JUNE, i), e),
        }));
        const actualTotalUse = estimates.reduce((a, b) => a + b, 0n);
        const result = recalculate({ estimatedMonths, actualTotalUse, priceFor });
        assert.deepEqual(
          result.perMonth.map((m) => m.actualUse),
          estimates,
        );
        assert.ok(result.perMonth.every((m) => m.differenceKop === 0));
        assert.equal(result.totalDifferenceKop, 0);
      }),
    );
  });

  test("property: the months' actual use sums exactly to the true total; the total difference adds up", () => {
    fc.assert(
      fc.property(monthsArb, fc.bigInt({ min: 0n, max: u(5000) }), (estimates, actualTotalUse) => {
        const estimatedMonths = estimates.map((e, i) => ({
          period: addPeriods(JUNE, i),
          estimatedUse: e,
          chargedKop: priceFor(JUNE, e),
        }));
        const result = recalculate({ estimatedMonths, actualTotalUse, priceFor });
        assert.equal(
          result.perMonth.reduce((a, m) => a + m.actualUse, 0n),
          actualTotalUse,
        );
        const charged = estimatedMonths.reduce((a, m) => a + m.chargedKop, 0);
        const charges = result.perMonth.reduce((a, m) => a + m.chargeKop, 0);
        assert.equal(result.totalDifferenceKop, charges - charged);
      }),
    );
  });
});
