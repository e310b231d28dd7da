import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { type Kopiykas, kop } from "../money.ts";
import { addPeriods, daysInPeriod, type Period, parsePeriod } from "../period.ts";
import { type EstimatedMonth, recalculate } from "./recalculation.ts";
import { priceConsumption, type Tariff } from "./tariff.ts";
import { ELECTRICITY_2019, u } from "./test-tariffs.ts";

const priceBy =
  (tariff: Tariff) =>
  (_period: Period, use: bigint): Kopiykas =>
    priceConsumption(tariff, [{ zone: 1, used: use }], 1).totalKop;
/** 0.90 UAH/kWh up to 100 kWh a month, 1.68 above. */
const tiered = priceBy(ELECTRICITY_2019);
/** One block: 1.20 UAH/kWh. */
const flat = priceBy({ ...ELECTRICITY_2019, blocks: [{ upTo: null, priceUah: "1.20" }] });

const JUNE = parsePeriod("2019-06"); // 30 days
const JULY = parsePeriod("2019-07"); // 31 days
const AUGUST = parsePeriod("2019-08"); // 31 days

const month = (period: Period, estimatedUse: bigint, chargedKop: number): EstimatedMonth => ({
  period,
  estimatedUse,
  chargedKop: kop(chargedKop),
});

describe("recalculate", () => {
  test("June (30 d) and July (31 d) estimated, August (31 d) current, one price: +7.57 UAH", () => {
    // 100 kWh over 30 + 31 + 31 = 92 days: 100 000 × 30 / 92 = 32 608.69…, × 31 / 92 =
    // 33 695.65… twice. Floors 32 608 + 33 695 + 33 695 = 99 998; the 2 left over go to
    // the largest remainders: June (3 000 000 mod 92 = 64), then July (3 100 000 mod 92 =
    // 60, tied with August, the earlier wins) → 32.609, 33.696, 33.695 kWh.
    // × 1.20: 39.1308 → 39.13, 40.4352 → 40.44, 40.434 → 40.43.
    // Estimated at 30 kWh a month = 36.00 each: +3.13 + 4.44 = +7.57.
    const result = recalculate({
      estimatedMonths: [month(JUNE, u(30), 3600), month(JULY, u(30), 3600)],
      currentPeriod: AUGUST,
      actualTotalUse: u(100),
      priceFor: flat,
    });
    assert.deepEqual(result, {
      perMonth: [
        { period: JUNE, actualUse: 32_609n, chargeKop: 3913, differenceKop: 313 },
        { period: JULY, actualUse: 33_696n, chargeKop: 4044, differenceKop: 444 },
      ],
      current: { period: AUGUST, actualUse: 33_695n, chargeKop: 4043 },
      totalDifferenceKop: 757,
    });
  });

  test("2019 tiers: each month is re-priced whole, so use above 100 kWh costs 1.68 → +176.40 UAH", () => {
    // Estimated 100 kWh each (90.00 each); 460 kWh in truth over 92 days → 460 × 30/92 =
    // 150 and 460 × 31/92 = 155 kWh, exactly.
    // 150 kWh: 100 × 0.90 + 50 × 1.68 = 90.00 + 84.00 = 174.00 → +84.00 (not 50 × 0.90).
    // 155 kWh: 90.00 + 55 × 1.68 = 90.00 + 92.40 = 182.40 → +92.40; total +176.40.
    const result = recalculate({
      estimatedMonths: [month(JUNE, u(100), 9000), month(JULY, u(100), 9000)],
      currentPeriod: AUGUST,
      actualTotalUse: u(460),
      priceFor: tiered,
    });
    assert.deepEqual(result, {
      perMonth: [
        { period: JUNE, actualUse: u(150), chargeKop: 17400, differenceKop: 8400 },
        { period: JULY, actualUse: u(155), chargeKop: 18240, differenceKop: 9240 },
      ],
      current: { period: AUGUST, actualUse: u(155), chargeKop: 18240 },
      totalDifferenceKop: 17640,
    });
  });

  test("estimates too high: the difference is negative → −461.10 UAH", () => {
    // Estimated 200 kWh each: 90.00 + 100 × 1.68 = 258.00. 92 kWh in truth → 30, 31, 31:
    // 27.00, 27.90, 27.90. June 27.00 − 258.00 = −231.00; July 27.90 − 258.00 = −230.10.
    const result = recalculate({
      estimatedMonths: [month(JUNE, u(200), 25800), month(JULY, u(200), 25800)],
      currentPeriod: AUGUST,
      actualTotalUse: u(92),
      priceFor: tiered,
    });
    assert.deepEqual(result, {
      perMonth: [
        { period: JUNE, actualUse: u(30), chargeKop: 2700, differenceKop: -23100 },
        { period: JULY, actualUse: u(31), chargeKop: 2790, differenceKop: -23010 },
      ],
      current: { period: AUGUST, actualUse: u(31), chargeKop: 2790 },
      totalDifferenceKop: -46110,
    });
  });

  test("the key is days, not months: January 31, leap February 29, March 31", () => {
    // 91 kWh over 91 days → 31, 29, 31 kWh; × 1.20 = 37.20, 34.80, 37.20.
    const result = recalculate({
      estimatedMonths: [
        month(parsePeriod("2020-01"), u(50), 6000),
        month(parsePeriod("2020-02"), u(50), 6000),
      ],
      currentPeriod: parsePeriod("2020-03"),
      actualTotalUse: u(91),
      priceFor: flat,
    });
    assert.deepEqual(
      result.perMonth.map((m) => [m.actualUse, m.chargeKop, m.differenceKop]),
      [
        [u(31), 3720, -2280],
        [u(29), 3480, -2520],
      ],
    );
    assert.deepEqual([result.current.actualUse, result.current.chargeKop], [u(31), 3720]);
    assert.equal(result.totalDifferenceKop, -4800);
  });

  test("the estimates do not weigh: 0 or 500 kWh estimated, the spread is the same", () => {
    const spread = (estimate: bigint) =>
      recalculate({
        estimatedMonths: [month(JUNE, estimate, 0), month(JULY, 0n, 0)],
        currentPeriod: AUGUST,
        actualTotalUse: u(92),
        priceFor: flat,
      });
    // 30, 31, 31 kWh either way.
    assert.deepEqual(
      spread(0n).perMonth.map((m) => m.actualUse),
      [u(30), u(31)],
    );
    assert.deepEqual(spread(u(500)), spread(0n));
  });

  test("order: estimated months ascending whatever the input order, the current month last", () => {
    // 0.001 kWh over 30 / 31 / 31 days: every floor is 0, remainders 30, 31, 31 → the one
    // thousandth goes to July, which ties with August and comes first.
    const seen: string[] = [];
    const result = recalculate({
      estimatedMonths: [month(JULY, u(1), 0), month(JUNE, u(1), 0)],
      currentPeriod: AUGUST,
      actualTotalUse: 1n,
      priceFor: (p, use) => {
        seen.push(`${p}:${use}`);
        return kop(0);
      },
    });
    assert.deepEqual(
      result.perMonth.map((m) => [m.period, m.actualUse]),
      [
        [JUNE, 0n],
        [JULY, 1n],
      ],
    );
    assert.equal(result.current.actualUse, 0n);
    // Each month is priced by its own period.
    assert.deepEqual(seen, ["2019-06:0", "2019-07:1", "2019-08:0"]);
    // April, June and September all have 30 days: 2 thousandths, remainders tied → April
    // and June get one each, the current month none.
    const tied = recalculate({
      estimatedMonths: [month(parsePeriod("2019-06"), 0n, 0), month(parsePeriod("2019-04"), 0n, 0)],
      currentPeriod: parsePeriod("2019-09"),
      actualTotalUse: 2n,
      priceFor: flat,
    });
    assert.deepEqual(
      [...tied.perMonth.map((m) => [m.period, m.actualUse]), [tied.current.period, tied.current.actualUse]],
      [
        ["2019-04", 1n],
        ["2019-06", 1n],
        ["2019-09", 0n],
      ],
    );
  });

  test("no use at all in truth: everything charged comes back, the current month costs nothing", () => {
    const result = recalculate({
      estimatedMonths: [month(JUNE, u(150), 17400)],
      currentPeriod: JULY,
      actualTotalUse: 0n,
      priceFor: tiered,
    });
    assert.deepEqual(result, {
      perMonth: [{ period: JUNE, actualUse: 0n, chargeKop: 0, differenceKop: -17400 }],
      current: { period: JULY, actualUse: 0n, chargeKop: 0 },
      totalDifferenceKop: -17400,
    });
  });

  test("refuses empty, repeated or negative input, and a current month not after the estimates", () => {
    const input = { currentPeriod: AUGUST, actualTotalUse: 0n, priceFor: tiered };
    assert.throws(() => recalculate({ ...input, estimatedMonths: [] }), /no estimated months/);
    const m = month(JUNE, u(1), 0);
    assert.throws(() => recalculate({ ...input, estimatedMonths: [m, m] }), /twice/);
    assert.throws(() => recalculate({ ...input, estimatedMonths: [m], actualTotalUse: -1n }), /negative/);
    assert.throws(
      () => recalculate({ ...input, estimatedMonths: [{ ...m, estimatedUse: -1n }] }),
      /negative/,
    );
    assert.throws(
      () => recalculate({ ...input, estimatedMonths: [m, month(AUGUST, u(1), 0)] }),
      (e: unknown) => e instanceof RangeError && /after every estimated month/.test(e.message),
    );
    assert.throws(
      () => recalculate({ ...input, estimatedMonths: [m], currentPeriod: parsePeriod("2019-05") }),
      RangeError,
    );
  });

  // 1–6 estimated months anywhere in two years, the current month 1–3 months after the last.
  const caseArb = fc.record({
    offsets: fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 6 }),
    gap: fc.integer({ min: 1, max: 3 }),
    charged: fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 6, maxLength: 6 }),
    actualTotalUse: fc.oneof(fc.bigInt({ min: 0n, max: 20n }), fc.bigInt({ min: 0n, max: u(5000) })),
  });

  test("property: the shares sum to the true total; the total difference is Σ new charges − Σ charged", () => {
    const start = parsePeriod("2019-01");
    fc.assert(
      fc.property(caseArb, ({ offsets, gap, charged, actualTotalUse }) => {
        const estimatedMonths = offsets.map((o, i) => month(addPeriods(start, o), u(100), charged[i]!));
        const currentPeriod = addPeriods(start, Math.max(...offsets) + gap);
        const result = recalculate({ estimatedMonths, currentPeriod, actualTotalUse, priceFor: tiered });
        const shares = [...result.perMonth.map((m) => m.actualUse), result.current.actualUse];
        assert.equal(
          shares.reduce((a, b) => a + b, 0n),
          actualTotalUse,
        );
        const newCharges = result.perMonth.reduce((a, m) => a + m.chargeKop, 0);
        const chargedTotal = estimatedMonths.reduce((a, m) => a + m.chargedKop, 0);
        assert.equal(result.totalDifferenceKop, newCharges - chargedTotal);
        assert.equal(result.current.chargeKop, tiered(currentPeriod, result.current.actualUse));
        // Ascending, and each share within a thousandth of its exact share by days.
        const sorted = [...offsets].sort((a, b) => a - b).map((o) => addPeriods(start, o));
        assert.deepEqual(
          result.perMonth.map((m) => m.period),
          sorted,
        );
        const days = [...sorted, currentPeriod].map((p) => BigInt(daysInPeriod(p)));
        const allDays = days.reduce((a, b) => a + b, 0n);
        shares.forEach((s, i) => {
          const diff = s * allDays - actualTotalUse * days[i]!;
          assert.ok(diff < allDays && -diff < allDays, `share ${i}: ${s}`);
        });
      }),
      { numRuns: 300 },
    );
  });
});
