import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  addDays,
  compareLocalDates,
  daysInMonth,
  diffDays,
  fromEpochDay,
  isLeapYear,
  LocalDateError,
  localDate,
  localDateParts,
  parseLocalDate,
  toEpochDay,
  weekday,
} from "./local-date.ts";

const d = parseLocalDate;

describe("isLeapYear", () => {
  test("Gregorian rule", () => {
    assert.equal(isLeapYear(2019), false);
    assert.equal(isLeapYear(2020), true);
    assert.equal(isLeapYear(1900), false);
    assert.equal(isLeapYear(2000), true);
    assert.equal(isLeapYear(2100), false);
    assert.equal(isLeapYear(2024), true);
  });
});

describe("daysInMonth", () => {
  test("lengths incl. February", () => {
    assert.deepEqual(
      Array.from({ length: 12 }, (_, i) => daysInMonth(2019, i + 1)),
      [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
    );
    assert.equal(daysInMonth(2020, 2), 29);
    assert.equal(daysInMonth(1900, 2), 28);
    assert.equal(daysInMonth(2000, 2), 29);
  });
  test("rejects bad months", () => {
    assert.throws(() => daysInMonth(2019, 0), RangeError);
    assert.throws(() => daysInMonth(2019, 13), RangeError);
    assert.throws(() => daysInMonth(2019, 1.5), RangeError);
  });
});

describe("parseLocalDate", () => {
  test("accepts real dates", () => {
    assert.equal(d("2019-07-29"), "2019-07-29");
    assert.equal(d("2020-02-29"), "2020-02-29");
    assert.equal(d("2000-02-29"), "2000-02-29");
    assert.equal(d("0001-01-01"), "0001-01-01");
    assert.equal(d("9999-12-31"), "9999-12-31");
  });
  test("rejects impossible or malformed dates", () => {
    for (const bad of [
      "2019-02-29",
      "1900-02-29",
      "2019-04-31",
      "2019-13-01",
      "2019-00-10",
      "2019-01-00",
      "2019-1-01",
      "19-01-01",
      "2019/01/01",
      "2019-01-01T00:00",
      " 2019-01-01",
      "0000-01-01",
      "",
    ]) {
      assert.throws(() => d(bad), LocalDateError, bad);
    }
  });
  test("error carries the input", () => {
    try {
      d("2019-02-30");
      assert.fail("should throw");
    } catch (e) {
      assert.ok(e instanceof LocalDateError);
      assert.equal(e.input, "2019-02-30");
      assert.ok(e instanceof RangeError);
    }
  });
});

describe("localDate / localDateParts", () => {
  test("round trip", () => {
    assert.equal(localDate(2019, 7, 1), "2019-07-01");
    assert.deepEqual(localDateParts(d("2019-07-01")), { year: 2019, month: 7, day: 1 });
  });
  test("validates", () => {
    assert.throws(() => localDate(2019, 2, 29), LocalDateError);
    assert.throws(() => localDate(0, 1, 1), LocalDateError);
    assert.throws(() => localDate(10000, 1, 1), LocalDateError);
    assert.throws(() => localDate(2019, 13, 1), LocalDateError);
  });
});

describe("epoch days", () => {
  test("known anchors", () => {
    assert.equal(toEpochDay(d("1970-01-01")), 0);
    assert.equal(toEpochDay(d("1969-12-31")), -1);
    assert.equal(toEpochDay(d("2000-03-01")), 11017);
    assert.equal(fromEpochDay(0), "1970-01-01");
    assert.equal(fromEpochDay(18108), "2019-07-31");
  });
  test("agrees with Date.UTC across the whole supported range", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString();
        // Date prints years beyond 9999 / before 0 differently; range above is 0001..9999.
        assert.equal(fromEpochDay(n), iso.slice(0, 10));
        assert.equal(toEpochDay(fromEpochDay(n)), n);
      }),
    );
  });
  test("rejects out-of-range results", () => {
    assert.throws(() => fromEpochDay(2932897), LocalDateError);
    assert.throws(() => fromEpochDay(0.5), RangeError);
  });
});

describe("addDays / diffDays", () => {
  test("month, year and leap boundaries", () => {
    assert.equal(addDays(d("2019-07-31"), 1), "2019-08-01");
    assert.equal(addDays(d("2019-12-31"), 1), "2020-01-01");
    assert.equal(addDays(d("2020-02-28"), 1), "2020-02-29");
    assert.equal(addDays(d("2019-02-28"), 1), "2019-03-01");
    assert.equal(addDays(d("2019-03-01"), -1), "2019-02-28");
    assert.equal(addDays(d("2019-07-29"), 0), "2019-07-29");
    assert.equal(addDays(d("2019-01-01"), 365), "2020-01-01");
    assert.equal(addDays(d("2020-01-01"), 366), "2021-01-01");
  });
  test("diffDays is signed to-minus-from", () => {
    assert.equal(diffDays(d("2019-07-29"), d("2019-08-02")), 4);
    assert.equal(diffDays(d("2019-08-02"), d("2019-07-29")), -4);
    assert.equal(diffDays(d("2020-02-01"), d("2020-03-01")), 29);
    assert.equal(diffDays(d("2019-02-01"), d("2019-03-01")), 28);
  });
  test("addDays rejects fractional counts", () => {
    assert.throws(() => addDays(d("2019-07-29"), 0.5), RangeError);
  });
  test("property: diffDays(a, addDays(a, n)) = n", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        (a, n) => {
          const date = fromEpochDay(a);
          const later = addDays(date, n);
          assert.equal(diffDays(date, later), n);
          assert.equal(compareLocalDates(date, later), n === 0 ? 0 : n > 0 ? -1 : 1);
        },
      ),
    );
  });
});

describe("compareLocalDates", () => {
  test("orders chronologically", () => {
    assert.equal(compareLocalDates(d("2019-07-31"), d("2019-08-01")), -1);
    assert.equal(compareLocalDates(d("2019-08-01"), d("2019-07-31")), 1);
    assert.equal(compareLocalDates(d("2019-08-01"), d("2019-08-01")), 0);
    assert.equal(compareLocalDates(d("2019-12-31"), d("2020-01-01")), -1);
  });
});

describe("weekday", () => {
  test("ISO numbering", () => {
    assert.equal(weekday(d("1970-01-01")), 4); // Thursday
    assert.equal(weekday(d("2019-07-29")), 1); // Monday
    assert.equal(weekday(d("2019-03-31")), 7); // Sunday (DST change)
    assert.equal(weekday(d("2026-10-25")), 7);
    assert.equal(weekday(d("1969-12-28")), 7);
    assert.equal(weekday(d("2020-02-29")), 6);
  });
  test("agrees with Date.getUTCDay", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (n) => {
        const js = new Date(n * 86_400_000).getUTCDay();
        assert.equal(weekday(fromEpochDay(n)), js === 0 ? 7 : js);
      }),
    );
  });
});
