import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { LocalDateError } from "./local-date.ts";
import {
  addPeriods,
  comparePeriods,
  daysInPeriod,
  firstDay,
  lastDay,
  monthsBetween,
  nextPeriod,
  PeriodError,
  parsePeriod,
  period,
  periodOf,
  periodParts,
  periodsBetween,
  prevPeriod,
} from "./period.ts";

const p = parsePeriod;

describe("parsePeriod", () => {
  test("accepts YYYY-MM", () => {
    assert.equal(p("2019-07"), "2019-07");
    assert.equal(p("2019-12"), "2019-12");
    assert.equal(p("0001-01"), "0001-01");
  });
  test("rejects malformed periods", () => {
    for (const bad of [
      "2019-13",
      "2019-00",
      "19-07",
      "2019-7",
      "2019-07-01",
      "201907",
      "0000-01",
      " 2019-07",
      "",
    ]) {
      assert.throws(() => p(bad), PeriodError, bad);
    }
  });
  test("error is a RangeError carrying the input", () => {
    assert.throws(
      () => p("2019-13"),
      (e: unknown) => e instanceof RangeError && e instanceof PeriodError && e.input === "2019-13",
    );
  });
});

describe("period / periodParts", () => {
  test("build and split", () => {
    assert.equal(period(2019, 7), "2019-07");
    assert.deepEqual(periodParts(p("2019-07")), { year: 2019, month: 7 });
    assert.throws(() => period(2019, 13), PeriodError);
    assert.throws(() => period(2019, 0), PeriodError);
  });
});

describe("periodOf", () => {
  test("month of a date", () => {
    assert.equal(periodOf("2019-07-31"), "2019-07");
    assert.equal(periodOf("2019-08-01"), "2019-08");
    assert.equal(periodOf("2020-02-29"), "2020-02");
  });
  test("rejects invalid dates", () => {
    assert.throws(() => periodOf("2019-02-29"), LocalDateError);
    assert.throws(() => periodOf("2019-07"), LocalDateError);
  });
});

describe("next/prev/addPeriods", () => {
  test("year boundaries", () => {
    assert.equal(nextPeriod(p("2019-12")), "2020-01");
    assert.equal(prevPeriod(p("2020-01")), "2019-12");
    assert.equal(nextPeriod(p("2019-07")), "2019-08");
    assert.equal(addPeriods(p("2019-07"), 18), "2021-01");
    assert.equal(addPeriods(p("2019-07"), -19), "2017-12");
    assert.equal(addPeriods(p("2019-07"), 0), "2019-07");
  });
  test("range limits", () => {
    assert.throws(() => prevPeriod(p("0001-01")), PeriodError);
    assert.throws(() => nextPeriod(p("9999-12")), PeriodError);
    assert.throws(() => addPeriods(p("2019-01"), 1.5), RangeError);
  });
  test("property: addPeriods inverts and monthsBetween measures it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 3000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -5000, max: 5000 }),
        (y, m, n) => {
          const a = period(y, m);
          const b = addPeriods(a, n);
          assert.equal(addPeriods(b, -n), a);
          assert.equal(monthsBetween(a, b), n);
          assert.equal(comparePeriods(a, b), n === 0 ? 0 : n > 0 ? -1 : 1);
        },
      ),
    );
  });
});

describe("firstDay / lastDay / daysInPeriod", () => {
  test("month lengths including leap Februaries", () => {
    assert.equal(firstDay(p("2019-07")), "2019-07-01");
    assert.equal(lastDay(p("2019-07")), "2019-07-31");
    assert.equal(lastDay(p("2019-06")), "2019-06-30");
    assert.equal(lastDay(p("2019-02")), "2019-02-28");
    assert.equal(lastDay(p("2020-02")), "2020-02-29");
    assert.equal(lastDay(p("2100-02")), "2100-02-28");
    assert.equal(daysInPeriod(p("2019-02")), 28);
    assert.equal(daysInPeriod(p("2020-02")), 29);
    assert.equal(daysInPeriod(p("2000-02")), 29);
    assert.equal(daysInPeriod(p("2019-09")), 30);
    assert.equal(daysInPeriod(p("2019-12")), 31);
  });
});

describe("periodsBetween", () => {
  test("inclusive, across a year end", () => {
    assert.deepEqual(periodsBetween(p("2019-11"), p("2020-02")), [
      "2019-11",
      "2019-12",
      "2020-01",
      "2020-02",
    ]);
    assert.deepEqual(periodsBetween(p("2019-07"), p("2019-07")), ["2019-07"]);
    assert.deepEqual(periodsBetween(p("2019-08"), p("2019-07")), []);
    assert.equal(periodsBetween(p("2019-01"), p("2019-12")).length, 12);
  });
  test("rejects unvalidated strings", () => {
    assert.throws(() => periodsBetween("2019-13" as never, p("2020-01")), PeriodError);
  });
});

describe("comparePeriods", () => {
  test("orders", () => {
    assert.equal(comparePeriods(p("2019-12"), p("2020-01")), -1);
    assert.equal(comparePeriods(p("2020-01"), p("2019-12")), 1);
    assert.equal(comparePeriods(p("2020-01"), p("2020-01")), 0);
  });
});
