import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  formattedPartsOf,
  KYIV_TZ,
  KYIV_TZ_ICU,
  kyivDateOf,
  kyivDateTime,
  kyivMidnight,
  kyivOffsetMinutes,
  kyivPartsOf,
} from "./kyiv-time.ts";
import { addDays, daysInMonth, type LocalDate, localDate, parseLocalDate, weekday } from "./local-date.ts";

const d = parseLocalDate;
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

/** Last Sunday of a month, from the calendar alone (independent of ICU). */
function lastSunday(year: number, month: number): LocalDate {
  let date = localDate(year, month, daysInMonth(year, month));
  while (weekday(date) !== 7) date = addDays(date, -1);
  return date;
}

describe("zone id", () => {
  test("Europe/Kyiv, with the old ICU name as fallback", () => {
    assert.equal(KYIV_TZ, "Europe/Kyiv");
    assert.ok(KYIV_TZ_ICU === "Europe/Kyiv" || KYIV_TZ_ICU === "Europe/Kiev");
  });
});

describe("kyivPartsOf / kyivDateOf", () => {
  test("summer time midnight edge (UTC+3)", () => {
    assert.deepEqual(kyivPartsOf(at("2019-07-31T20:59:59.999Z")), {
      date: "2019-07-31",
      hour: 23,
      minute: 59,
      second: 59,
    });
    assert.equal(kyivDateOf(at("2019-07-31T20:59:59.999Z")), "2019-07-31");
    assert.equal(kyivDateOf(at("2019-07-31T21:00:00.000Z")), "2019-08-01");
    assert.deepEqual(kyivPartsOf(at("2019-07-31T21:00:00.000Z")), {
      date: "2019-08-01",
      hour: 0,
      minute: 0,
      second: 0,
    });
  });
  test("winter time midnight edge (UTC+2), across the year end", () => {
    assert.equal(kyivDateOf(at("2019-12-31T21:59:59.999Z")), "2019-12-31");
    assert.equal(kyivDateOf(at("2019-12-31T22:00:00.000Z")), "2020-01-01");
    assert.equal(kyivDateOf(at("2020-02-28T22:00:00.000Z")), "2020-02-29");
  });
  test("the arithmetic by the hour's offset agrees with the time-zone data, changes of the offset included", () => {
    const agree = (t: number) =>
      assert.deepEqual(kyivPartsOf(new Date(t)), formattedPartsOf(t), new Date(t).toISOString());
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1880, 0, 1), max: Date.UTC(2200, 0, 1) }), agree), {
      numRuns: 20_000,
    });
    // Around every change of summer time from 1981 to 2040, to the millisecond.
    for (let year = 1981; year <= 2040; year++) {
      for (const month of [2, 8, 9]) {
        for (let day = 1; day <= 31; day++) {
          const midday = Date.UTC(year, month, day, 12);
          if (kyivOffsetMinutes(new Date(midday - 86_400_000)) === kyivOffsetMinutes(new Date(midday)))
            continue;
          for (let t = midday - 86_400_000; t <= midday; t += 997_331) agree(t);
        }
      }
    }
  });
  test("invalid dates throw", () => {
    assert.throws(() => kyivPartsOf(new Date(Number.NaN)), RangeError);
    assert.throws(() => kyivDateOf(new Date("nope")), RangeError);
  });
});

describe("kyivOffsetMinutes", () => {
  test("winter +120, summer +180, switching at 01:00 UTC", () => {
    assert.equal(kyivOffsetMinutes(at("2019-01-15T12:00:00Z")), 120);
    assert.equal(kyivOffsetMinutes(at("2019-07-15T12:00:00Z")), 180);
    assert.equal(kyivOffsetMinutes(at("2019-03-31T00:59:59.999Z")), 120);
    assert.equal(kyivOffsetMinutes(at("2019-03-31T01:00:00.000Z")), 180);
    assert.equal(kyivOffsetMinutes(at("2019-10-27T00:59:59.999Z")), 180);
    assert.equal(kyivOffsetMinutes(at("2019-10-27T01:00:00.000Z")), 120);
    assert.equal(kyivOffsetMinutes(at("2026-03-29T00:59:59.999Z")), 120);
    assert.equal(kyivOffsetMinutes(at("2026-03-29T01:00:00.000Z")), 180);
    assert.equal(kyivOffsetMinutes(at("2026-10-25T00:59:59.999Z")), 180);
    assert.equal(kyivOffsetMinutes(at("2026-10-25T01:00:00.000Z")), 120);
  });
  test("property: matches the last-Sunday rule for 2000–2030", () => {
    fc.assert(
      fc.property(
        fc.date({ min: at("2000-01-01T00:00:00Z"), max: at("2030-12-31T00:00:00Z"), noInvalidDate: true }),
        (instant) => {
          const year = instant.getUTCFullYear();
          const springDay = lastSunday(year, 3);
          const autumnDay = lastSunday(year, 10);
          const spring = Date.parse(`${springDay}T01:00:00Z`);
          const autumn = Date.parse(`${autumnDay}T01:00:00Z`);
          const t = instant.getTime();
          assert.equal(kyivOffsetMinutes(instant), t >= spring && t < autumn ? 180 : 120);
        },
      ),
    );
  });
});

describe("kyivMidnight", () => {
  test("ordinary days", () => {
    assert.equal(kyivMidnight(d("2019-08-01")).toISOString(), "2019-07-31T21:00:00.000Z");
    assert.equal(kyivMidnight(d("2020-01-01")).toISOString(), "2019-12-31T22:00:00.000Z");
    assert.equal(kyivMidnight(d("2020-02-29")).toISOString(), "2020-02-28T22:00:00.000Z");
  });
  const dstDays: Array<[string, string, string, number]> = [
    ["2019-03-31", "2019-03-30T22:00:00.000Z", "2019-03-31T21:00:00.000Z", 23],
    ["2019-10-27", "2019-10-26T21:00:00.000Z", "2019-10-27T22:00:00.000Z", 25],
    ["2026-03-29", "2026-03-28T22:00:00.000Z", "2026-03-29T21:00:00.000Z", 23],
    ["2026-10-25", "2026-10-24T21:00:00.000Z", "2026-10-25T22:00:00.000Z", 25],
  ];
  for (const [day, start, end, hours] of dstDays) {
    test(`DST change day ${day} lasts ${hours} hours`, () => {
      const s = kyivMidnight(d(day));
      const e = kyivMidnight(addDays(d(day), 1));
      assert.equal(s.toISOString(), start);
      assert.equal(e.toISOString(), end);
      assert.equal((e.getTime() - s.getTime()) / HOUR, hours);
      assert.equal(kyivDateOf(s), day);
      assert.equal(kyivDateOf(new Date(s.getTime() - 1)), addDays(d(day), -1));
      assert.equal(kyivDateOf(new Date(e.getTime() - 1)), day);
    });
  }
  test("property: the Kyiv day of an instant starts at or before it and ends after it", () => {
    fc.assert(
      fc.property(
        fc.date({ min: at("1995-01-01T00:00:00Z"), max: at("2060-01-01T00:00:00Z"), noInvalidDate: true }),
        (instant) => {
          const date = kyivDateOf(instant);
          const start = kyivMidnight(date);
          const next = kyivMidnight(addDays(date, 1));
          assert.ok(start.getTime() <= instant.getTime());
          assert.ok(instant.getTime() < next.getTime());
          assert.equal(kyivDateOf(start), date);
          assert.equal(kyivDateOf(new Date(start.getTime() - 1)), addDays(date, -1));
          const hours = (next.getTime() - start.getTime()) / HOUR;
          assert.ok(hours === 23 || hours === 24 || hours === 25);
        },
      ),
    );
  });
});

describe("kyivDateTime", () => {
  test("ordinary times in summer and winter", () => {
    assert.equal(kyivDateTime(d("2019-07-29"), "07:00").toISOString(), "2019-07-29T04:00:00.000Z");
    assert.equal(kyivDateTime(d("2019-12-29"), "21:00").toISOString(), "2019-12-29T19:00:00.000Z");
    assert.equal(
      kyivDateTime(d("2019-08-01"), "00:00").toISOString(),
      kyivMidnight(d("2019-08-01")).toISOString(),
    );
    assert.equal(kyivDateTime(d("2019-07-31"), "23:59").toISOString(), "2019-07-31T20:59:00.000Z");
  });
  test("spring gap 03:00–03:59 resolves past the jump", () => {
    assert.equal(kyivDateTime(d("2019-03-31"), "02:59").toISOString(), "2019-03-31T00:59:00.000Z");
    assert.equal(kyivDateTime(d("2019-03-31"), "03:30").toISOString(), "2019-03-31T01:30:00.000Z");
    assert.equal(kyivDateTime(d("2019-03-31"), "04:00").toISOString(), "2019-03-31T01:00:00.000Z");
  });
  test("autumn repeat 03:00–03:59 resolves to the earlier instant", () => {
    assert.equal(kyivDateTime(d("2019-10-27"), "02:59").toISOString(), "2019-10-26T23:59:00.000Z");
    assert.equal(kyivDateTime(d("2019-10-27"), "03:30").toISOString(), "2019-10-27T00:30:00.000Z");
    assert.equal(kyivDateTime(d("2019-10-27"), "04:00").toISOString(), "2019-10-27T02:00:00.000Z");
    assert.equal(kyivDateTime(d("2026-10-25"), "03:00").toISOString(), "2026-10-25T00:00:00.000Z");
  });
  test("rejects malformed times", () => {
    for (const bad of ["24:00", "7:00", "07:60", "0700", "07:00:00", ""]) {
      assert.throws(() => kyivDateTime(d("2019-07-29"), bad), RangeError, bad);
    }
  });
  test("property: existing wall times read back unchanged", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2040 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (y, mo, day, h, mi) => {
          const date = localDate(y, mo, day);
          const hhmm = `${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}`;
          const p = kyivPartsOf(kyivDateTime(date, hhmm));
          const skipped = h === 3 && date === lastSunday(y, 3);
          if (!skipped) assert.deepEqual(p, { date, hour: h, minute: mi, second: 0 });
          else assert.deepEqual(p, { date, hour: 4, minute: mi, second: 0 });
        },
      ),
    );
  });
});
