import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { averageDailyUse, expectedUse, type HistoryReading } from "./average-consumption.ts";
import { addDays, type LocalDate, parseLocalDate } from "./local-date.ts";
import type { MeterDial } from "./reading-value.ts";

const FIVE: MeterDial = { digits: 5, decimals: 0 };
const d = (s: string): LocalDate => parseLocalDate(s);
const u = (n: number): bigint => BigInt(n) * 1000n;
const r = (date: string, units: number, kind: HistoryReading["kind"] = "regular"): HistoryReading => ({
  deemedOn: d(date),
  value: u(units),
  kind,
});
const YEAR = { from: d("2025-01-01"), to: d("2025-12-31") };

describe("averageDailyUse", () => {
  test("total use over total days, in lowest terms", () => {
    const avg = averageDailyUse(
      [r("2025-01-01", 1000), r("2025-02-01", 1310), r("2025-03-01", 1590)],
      FIVE,
      YEAR,
    );
    // 590 kWh over 59 days = 10 kWh/day.
    assert.deepEqual(avg, { perDay: { num: 10_000n, den: 1n }, days: 59, readings: 3 });
  });

  test("an exact fraction, not a rounded number", () => {
    const avg = averageDailyUse([r("2025-01-01", 0), r("2025-01-04", 1)], FIVE, YEAR);
    assert.deepEqual(avg, { perDay: { num: 1000n, den: 3n }, days: 3, readings: 2 });
    const none = averageDailyUse([r("2025-01-01", 5), r("2025-01-11", 5)], FIVE, YEAR);
    assert.deepEqual(none, { perDay: { num: 0n, den: 1n }, days: 10, readings: 2 });
  });

  test("sorts by deemed date", () => {
    const avg = averageDailyUse(
      [r("2025-03-01", 1590), r("2025-01-01", 1000), r("2025-02-01", 1310)],
      FIVE,
      YEAR,
    );
    assert.deepEqual(avg?.perDay, { num: 10_000n, den: 1n });
  });

  test("only readings inside [from, to], both ends included", () => {
    const history = [r("2024-12-01", 0), r("2025-01-01", 1000), r("2025-01-31", 1300), r("2026-01-01", 9000)];
    assert.deepEqual(averageDailyUse(history, FIVE, { from: d("2025-01-01"), to: d("2025-01-31") }), {
      perDay: { num: 10_000n, den: 1n },
      days: 30,
      readings: 2,
    });
  });

  test("across a roll-over", () => {
    const avg = averageDailyUse([r("2025-01-01", 99_900), r("2025-01-11", 100)], FIVE, YEAR);
    assert.deepEqual(avg, { perDay: { num: 20_000n, den: 1n }, days: 10, readings: 2 });
  });

  test("skips decreases with their days", () => {
    const history = [
      r("2025-01-01", 1000),
      r("2025-01-11", 1100),
      r("2025-01-21", 1050),
      r("2025-01-31", 1250),
    ];
    // Counted: 1000→1100 (10 days) and 1050→1250 (10 days); 1100→1050 is skipped.
    assert.deepEqual(averageDailyUse(history, FIVE, YEAR), {
      perDay: { num: 15_000n, den: 1n },
      days: 20,
      readings: 4,
    });
  });

  test("a meter replacement is not consumption", () => {
    const history = [
      r("2025-01-01", 5000),
      r("2025-02-01", 5310), // 310 in 31 days
      r("2025-02-10", 5400, "final"), // 90 in 9 days
      r("2025-02-10", 0, "initial"),
      r("2025-03-02", 200), // 200 in 20 days
    ];
    assert.deepEqual(averageDailyUse(history, FIVE, YEAR), {
      perDay: { num: 10_000n, den: 1n },
      days: 60,
      readings: 5,
    });
    // Without the final reading the gap between meters is still skipped, at the initial one.
    const noFinal = history.filter((x) => x.kind !== "final");
    assert.deepEqual(averageDailyUse(noFinal, FIVE, YEAR), {
      perDay: { num: 10_000n, den: 1n },
      days: 51,
      readings: 4,
    });
  });

  test("a new meter that starts above the old one's last value", () => {
    const history = [
      r("2025-01-01", 5000),
      r("2025-01-31", 5300, "final"), // 300 in 30 days
      r("2025-01-31", 12_000, "initial"),
      r("2025-03-02", 12_600), // 600 in 30 days
    ];
    assert.deepEqual(averageDailyUse(history, FIVE, YEAR), {
      perDay: { num: 15_000n, den: 1n },
      days: 60,
      readings: 4,
    });
  });

  test("null without two readings or without a day", () => {
    assert.equal(averageDailyUse([], FIVE, YEAR), null);
    assert.equal(averageDailyUse([r("2025-01-01", 1)], FIVE, YEAR), null);
    assert.equal(averageDailyUse([r("2024-01-01", 1), r("2025-01-01", 2)], FIVE, YEAR), null);
    assert.equal(averageDailyUse([r("2025-01-01", 1), r("2025-01-01", 2)], FIVE, YEAR), null);
    assert.equal(averageDailyUse([r("2025-01-01", 9), r("2025-02-01", 2)], FIVE, YEAR), null);
    assert.equal(
      averageDailyUse([r("2025-01-01", 9, "final"), r("2025-02-01", 20, "initial")], FIVE, YEAR),
      null,
    );
    assert.equal(averageDailyUse([r("2025-01-01", 9), r("2025-02-01", 20, "initial")], FIVE, YEAR), null);
    assert.equal(averageDailyUse([r("2025-01-01", 9, "final"), r("2025-02-01", 20)], FIVE, YEAR), null);
  });

  test("refuses a reversed range and values off the dial", () => {
    assert.throws(
      () => averageDailyUse([], FIVE, { from: d("2025-02-01"), to: d("2025-01-01") }),
      RangeError,
    );
    assert.throws(
      () => averageDailyUse([r("2025-01-01", 1), r("2025-01-02", 100_000)], FIVE, YEAR),
      RangeError,
    );
  });

  test("property: a steady use is found exactly, whatever the reading dates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }), // kWh per day
        fc.array(fc.integer({ min: 1, max: 45 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 99_999 }),
        (perDay, gaps, start) => {
          const history: HistoryReading[] = [];
          let date = d("2024-01-01");
          let value = start;
          history.push({ deemedOn: date, value: u(value), kind: "regular" });
          for (const gap of gaps) {
            date = addDays(date, gap);
            value = (value + perDay * gap) % 100_000; // may roll over
            history.push({ deemedOn: date, value: u(value), kind: "regular" });
          }
          const avg = averageDailyUse(history, FIVE, { from: d("2024-01-01"), to: d("2026-12-31") });
          assert.ok(avg !== null);
          assert.equal(
            avg.days,
            gaps.reduce((a, b) => a + b, 0),
          );
          assert.equal(avg.readings, gaps.length + 1);
          assert.equal(avg.perDay.num, avg.perDay.den * u(perDay));
          assert.equal(expectedUse(avg, 30), u(perDay * 30));
        },
      ),
    );
  });
});

describe("expectedUse", () => {
  test("rounds half up to the thousandth", () => {
    assert.equal(expectedUse({ perDay: { num: 1000n, den: 3n } }, 1), 333n);
    assert.equal(expectedUse({ perDay: { num: 1000n, den: 3n } }, 2), 667n);
    assert.equal(expectedUse({ perDay: { num: 1000n, den: 3n } }, 3), 1000n);
    assert.equal(expectedUse({ perDay: { num: 1n, den: 2n } }, 1), 1n);
    assert.equal(expectedUse({ perDay: { num: 1n, den: 4n } }, 1), 0n);
    assert.equal(expectedUse({ perDay: { num: 7n, den: 1n } }, 0), 0n);
  });

  test("takes an averageDailyUse result", () => {
    const avg = averageDailyUse([r("2025-01-01", 0), r("2025-01-04", 1)], FIVE, YEAR);
    assert.ok(avg);
    assert.equal(expectedUse(avg, 31), 10_333n);
  });

  test("refuses bad input", () => {
    assert.throws(() => expectedUse({ perDay: { num: 1n, den: 1n } }, -1), RangeError);
    assert.throws(() => expectedUse({ perDay: { num: 1n, den: 1n } }, 1.5), RangeError);
    assert.throws(() => expectedUse({ perDay: { num: 1n, den: 0n } }, 1), RangeError);
    assert.throws(() => expectedUse({ perDay: { num: -1n, den: 1n } }, 1), RangeError);
  });

  test("property: within half a thousandth of the exact value", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.integer({ min: 0, max: 3660 }),
        (num, den, days) => {
          const e = expectedUse({ perDay: { num, den } }, days);
          const exact2 = 2n * num * BigInt(days); // 2 × exact × den
          // |e − exact| ≤ 1/2, ties up: 2·e·den − 2·exact·den ∈ (−den, den]
          const diff = 2n * e * den - exact2;
          assert.ok(diff > -den && diff <= den, `${num}/${den} × ${days} → ${e}`);
        },
      ),
    );
  });
});
