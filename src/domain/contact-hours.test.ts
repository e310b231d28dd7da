import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type DatedHours,
  hoursOn,
  isValidDayHours,
  type LineSchedule,
  lineStatusAt,
  type WeeklyHours,
} from "./contact-hours.ts";
import { parseLocalDate } from "./local-date.ts";

const d = parseLocalDate;
const at = (iso: string) => new Date(iso);

// DEU's contact centre: Monday–Friday 08:00–20:00, Saturday 09:00–18:00, Sunday closed.
const weekly: WeeklyHours[] = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "08:00", closes: "20:00" })),
  { weekday: 6, opens: "09:00", closes: "18:00" },
];
const plain: LineSchedule = { weekly, exceptions: [] };

describe("hoursOn", () => {
  test("a weekday's hours, and null for a weekday not listed", () => {
    assert.deepEqual(hoursOn(plain, d("2026-12-01")), { opens: "08:00", closes: "20:00" }); // Tuesday
    assert.deepEqual(hoursOn(plain, d("2026-12-05")), { opens: "09:00", closes: "18:00" }); // Saturday
    assert.equal(hoursOn(plain, d("2026-12-06")), null); // Sunday
  });

  test("a dated exception overrides its weekday: closed, or other hours", () => {
    const exceptions: DatedHours[] = [
      { date: d("2026-12-25"), hours: null },
      { date: d("2026-12-06"), hours: { opens: "10:00", closes: "14:00" } },
    ];
    const s: LineSchedule = { weekly, exceptions };
    assert.equal(hoursOn(s, d("2026-12-25")), null); // a Friday, closed for Christmas
    assert.deepEqual(hoursOn(s, d("2026-12-06")), { opens: "10:00", closes: "14:00" }); // a Sunday open
    assert.deepEqual(hoursOn(s, d("2026-12-24")), { opens: "08:00", closes: "20:00" });
  });
});

describe("lineStatusAt", () => {
  test("open during the day's hours (winter, UTC+2), with the closing instant", () => {
    // Tuesday 1 December 2026, 12:00 Kyiv = 10:00 UTC.
    assert.deepEqual(lineStatusAt(plain, at("2026-12-01T10:00:00Z")), {
      open: true,
      closesAt: at("2026-12-01T18:00:00Z"),
      nextOpensAt: null,
    });
  });

  test("the opening minute is open, the closing minute is not", () => {
    assert.equal(lineStatusAt(plain, at("2026-12-01T06:00:00Z")).open, true); // 08:00 Kyiv
    assert.equal(lineStatusAt(plain, at("2026-12-01T05:59:59Z")).open, false);
    const closing = lineStatusAt(plain, at("2026-12-01T18:00:00Z")); // 20:00 Kyiv
    assert.equal(closing.open, false);
    assert.deepEqual(closing.nextOpensAt, at("2026-12-02T06:00:00Z"));
  });

  test("before opening, it opens later the same day", () => {
    assert.deepEqual(lineStatusAt(plain, at("2026-12-01T04:00:00Z")), {
      open: false,
      closesAt: null,
      nextOpensAt: at("2026-12-01T06:00:00Z"),
    });
  });

  test("after Saturday's close it next opens on Monday, skipping the closed Sunday", () => {
    const s = lineStatusAt(plain, at("2026-12-05T17:00:00Z")); // Saturday 19:00 Kyiv
    assert.equal(s.open, false);
    assert.deepEqual(s.nextOpensAt, at("2026-12-07T06:00:00Z"));
  });

  test("a holiday closes a working day, and the next opening skips it", () => {
    const s: LineSchedule = { weekly, exceptions: [{ date: d("2026-12-25"), hours: null }] };
    const christmas = lineStatusAt(s, at("2026-12-25T10:00:00Z"));
    assert.equal(christmas.open, false);
    assert.deepEqual(christmas.nextOpensAt, at("2026-12-26T07:00:00Z")); // Saturday 09:00 Kyiv
    const eve = lineStatusAt(s, at("2026-12-24T19:00:00Z")); // Thursday 21:00 Kyiv
    assert.deepEqual(eve.nextOpensAt, at("2026-12-26T07:00:00Z"));
  });

  test("summer time (UTC+3): the same wall-clock hours are an hour earlier in UTC", () => {
    const s = lineStatusAt(plain, at("2026-07-01T05:00:00Z")); // Wednesday 08:00 Kyiv
    assert.deepEqual(s, { open: true, closesAt: at("2026-07-01T17:00:00Z"), nextOpensAt: null });
  });

  test("across the spring change: Saturday's close to Monday's opening in summer time", () => {
    // Clocks go forward on Sunday 29 March 2026; Monday opens at 08:00 EEST = 05:00 UTC.
    const s = lineStatusAt(plain, at("2026-03-28T17:00:00Z"));
    assert.deepEqual(s.nextOpensAt, at("2026-03-30T05:00:00Z"));
  });

  test("a line with no hours at all never opens", () => {
    assert.deepEqual(lineStatusAt({ weekly: [], exceptions: [] }, at("2026-12-01T10:00:00Z")), {
      open: false,
      closesAt: null,
      nextOpensAt: null,
    });
  });

  test("a line closed only by exceptions opens on its next ordinary day", () => {
    const exceptions = ["2026-12-31", "2027-01-01", "2027-01-02"].map((x) => ({ date: d(x), hours: null }));
    const s = lineStatusAt({ weekly, exceptions }, at("2026-12-31T10:00:00Z"));
    assert.deepEqual(s.nextOpensAt, at("2027-01-04T06:00:00Z")); // Monday
  });
});

describe("isValidDayHours", () => {
  test("two times of day, the closing one later", () => {
    assert.equal(isValidDayHours({ opens: "07:00", closes: "21:00" }), true);
    assert.equal(isValidDayHours({ opens: "21:00", closes: "07:00" }), false);
    assert.equal(isValidDayHours({ opens: "08:00", closes: "08:00" }), false);
    assert.equal(isValidDayHours({ opens: "8:00", closes: "20:00" }), false);
    assert.equal(isValidDayHours({ opens: "08:00", closes: "24:00" }), false);
  });
});
