import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { kyivDateOf, kyivDateTime, kyivMidnight } from "./kyiv-time.ts";
import { addDays, fromEpochDay, type LocalDate, parseLocalDate, toEpochDay } from "./local-date.ts";
import { firstDay, nextPeriod, parsePeriod, periodOf, periodsBetween, prevPeriod } from "./period.ts";
import {
  assertWindowRule,
  deemedDate,
  nextWindowOccurrence,
  occurrenceForPeriod,
  placeSubmission,
  upcomingOccurrences,
  validateWindowRule,
  type WindowOccurrence,
  type WindowRule,
  WindowRuleError,
  windowDayOf,
  windowOccurrenceContaining,
  windowStatus,
  windowWraps,
} from "./submission-window.ts";

const d = parseLocalDate;
const p = parsePeriod;
/** An instant given as Kyiv wall time. */
const kyiv = (date: string, hhmm = "12:00") => kyivDateTime(d(date), hhmm);
/** The last millisecond of a Kyiv day. */
const endOf = (date: string) => new Date(kyivMidnight(addDays(d(date), 1)).getTime() - 1);
const startOf = (date: string) => kyivMidnight(d(date));
const ms = (x: Date) => x.getTime();

const ELECTRICITY_2019: WindowRule = {
  opensDay: -3,
  closesDay: 2,
  deemedDateRule: "first_of_month",
  latePolicy: "next_period",
};
const WATER: WindowRule = {
  opensDay: 10,
  closesDay: 25,
  deemedDateRule: "submission_day",
  latePolicy: "refuse",
};
const GAS: WindowRule = {
  opensDay: 1,
  closesDay: 5,
  deemedDateRule: "first_of_month",
  latePolicy: "next_period",
};
const MONTH_END: WindowRule = {
  opensDay: -5,
  closesDay: -1,
  deemedDateRule: "submission_day",
  latePolicy: "refuse",
};
const WRAP_28_3: WindowRule = {
  opensDay: 28,
  closesDay: 3,
  deemedDateRule: "first_of_month",
  latePolicy: "refuse",
};

function dates(o: WindowOccurrence) {
  return { period: o.period, opensOn: o.opensOn, closesOn: o.closesOn, deemedOn: o.deemedOn };
}

describe("validateWindowRule", () => {
  const rule = (opensDay: number, closesDay: number, extra: Partial<WindowRule> = {}): WindowRule => ({
    opensDay,
    closesDay,
    deemedDateRule: "submission_day",
    latePolicy: "refuse",
    ...extra,
  });
  const codes = (r: WindowRule) => validateWindowRule(r).map((x) => x.code);

  test("accepts the article's windows and other sensible ones", () => {
    for (const r of [
      ELECTRICITY_2019,
      WATER,
      GAS,
      MONTH_END,
      WRAP_28_3,
      rule(20, -1),
      rule(-10, -10),
      rule(31, 31),
      rule(30, 31),
      rule(2, 1),
      rule(-1, 27),
      rule(31, 27),
      rule(-10, 18),
    ]) {
      assert.deepEqual(validateWindowRule(r), [], JSON.stringify(r));
      assert.equal(assertWindowRule(r), r);
    }
  });
  test("day numbers: zero, out of range, non-integer", () => {
    assert.deepEqual(codes(rule(0, 5)), ["zero_day"]);
    assert.deepEqual(codes(rule(1, 32)), ["day_out_of_range"]);
    assert.deepEqual(codes(rule(-11, 2)), ["day_out_of_range"]);
    assert.deepEqual(codes(rule(1.5, 5)), ["not_integer"]);
    assert.deepEqual(codes(rule(Number.NaN, 5)), ["not_integer"]);
    assert.deepEqual(
      validateWindowRule(rule(1, 0)).map((x) => x.field),
      ["closesDay"],
    );
  });
  test("-x..-y must not be reversed", () => {
    assert.deepEqual(codes(rule(-1, -5)), ["reversed_from_end"]);
    assert.deepEqual(codes(rule(-2, -3)), ["reversed_from_end"]);
  });
  test("a same-month window must not be empty in short months", () => {
    assert.deepEqual(codes(rule(28, -5)), ["empty_in_short_month"]); // Feb: 28 > 24
    assert.deepEqual(codes(rule(25, -5)), ["empty_in_short_month"]); // Feb: 25 > 24
    assert.deepEqual(codes(rule(24, -5)), []);
  });
  test("a wrapping window must close before the next one opens", () => {
    assert.deepEqual(codes(rule(-10, 19)), ["overlapping_occurrences"]); // Feb: opens 19, previous closes 19
    assert.deepEqual(codes(rule(-1, 28)), ["overlapping_occurrences"]);
    assert.deepEqual(codes(rule(31, 28)), ["overlapping_occurrences"]);
    assert.deepEqual(codes(rule(29, 28)), ["overlapping_occurrences"]);
  });
  test("first_of_month needs a 1st inside the window", () => {
    assert.deepEqual(codes(rule(10, 25, { deemedDateRule: "first_of_month" })), [
      "deemed_first_outside_window",
    ]);
    assert.deepEqual(codes(rule(-5, -1, { deemedDateRule: "first_of_month" })), [
      "deemed_first_outside_window",
    ]);
    assert.deepEqual(codes(rule(1, 5, { deemedDateRule: "first_of_month" })), []);
  });
  test("enumerations, and every problem reported at once", () => {
    const bad = {
      opensDay: 0,
      closesDay: 40,
      deemedDateRule: "whenever",
      latePolicy: "ignore",
    } as unknown as WindowRule;
    assert.deepEqual(codes(bad).sort(), [
      "bad_deemed_date_rule",
      "bad_late_policy",
      "day_out_of_range",
      "zero_day",
    ]);
    assert.throws(
      () => assertWindowRule(bad),
      (e: unknown) =>
        e instanceof WindowRuleError && e.problems.length === 4 && /deemedDateRule/.test(e.message),
    );
  });
  test("every public function refuses an invalid rule", () => {
    const bad = rule(-1, -5);
    const t = kyiv("2019-07-30");
    assert.throws(() => windowStatus(bad, t), WindowRuleError);
    assert.throws(() => windowOccurrenceContaining(bad, t), WindowRuleError);
    assert.throws(() => nextWindowOccurrence(bad, t), WindowRuleError);
    assert.throws(() => upcomingOccurrences(bad, t, 1), WindowRuleError);
    assert.throws(() => occurrenceForPeriod(bad, p("2019-07")), WindowRuleError);
    assert.throws(() => placeSubmission(bad, t), WindowRuleError);
  });
});

describe("windowWraps / windowDayOf", () => {
  test("wrap detection", () => {
    assert.equal(windowWraps(ELECTRICITY_2019), true);
    assert.equal(windowWraps(WRAP_28_3), true);
    assert.equal(windowWraps(WATER), false);
    assert.equal(windowWraps(GAS), false);
    assert.equal(windowWraps(MONTH_END), false);
    assert.equal(windowWraps({ opensDay: 20, closesDay: -1 }), false);
  });
  test("day numbers in months of every length", () => {
    assert.equal(windowDayOf(31, 2019, 2), 28);
    assert.equal(windowDayOf(31, 2020, 2), 29);
    assert.equal(windowDayOf(31, 2019, 4), 30);
    assert.equal(windowDayOf(31, 2019, 7), 31);
    assert.equal(windowDayOf(10, 2019, 2), 10);
    assert.equal(windowDayOf(-1, 2020, 2), 29);
    assert.equal(windowDayOf(-3, 2019, 2), 26);
    assert.equal(windowDayOf(-3, 2020, 2), 27);
    assert.equal(windowDayOf(-3, 2019, 7), 29);
    assert.equal(windowDayOf(-3, 2019, 6), 28);
  });
});

describe("occurrences and their period", () => {
  test("electricity -3..2 in July/August 2019 closes July, deemed August 1", () => {
    const occ = occurrenceForPeriod(ELECTRICITY_2019, p("2019-07"));
    assert.deepEqual(dates(occ), {
      period: "2019-07",
      opensOn: "2019-07-29",
      closesOn: "2019-08-02",
      deemedOn: "2019-08-01",
    });
    assert.equal(occ.opensAt.toISOString(), "2019-07-28T21:00:00.000Z");
    assert.equal(occ.closesAt.toISOString(), "2019-08-02T21:00:00.000Z");
    assert.deepEqual(windowOccurrenceContaining(ELECTRICITY_2019, kyiv("2019-08-01")), occ);
  });
  test("wrap across the year end: December 2019 → January 2020", () => {
    const occ = windowOccurrenceContaining(ELECTRICITY_2019, kyiv("2020-01-02", "18:00"));
    assert.ok(occ);
    assert.deepEqual(dates(occ), {
      period: "2019-12",
      opensOn: "2019-12-29",
      closesOn: "2020-01-02",
      deemedOn: "2020-01-01",
    });
    assert.deepEqual(occurrenceForPeriod(ELECTRICITY_2019, p("2019-12")), occ);
    assert.deepEqual(windowOccurrenceContaining(ELECTRICITY_2019, kyiv("2019-12-29", "00:00")), occ);
  });
  test("month lengths: 30-day June, February 2019 (28) and 2020 (29)", () => {
    assert.deepEqual(dates(occurrenceForPeriod(ELECTRICITY_2019, p("2019-06"))), {
      period: "2019-06",
      opensOn: "2019-06-28",
      closesOn: "2019-07-02",
      deemedOn: "2019-07-01",
    });
    assert.equal(occurrenceForPeriod(ELECTRICITY_2019, p("2019-02")).opensOn, "2019-02-26");
    assert.equal(occurrenceForPeriod(ELECTRICITY_2019, p("2019-02")).closesOn, "2019-03-02");
    assert.equal(occurrenceForPeriod(ELECTRICITY_2019, p("2020-02")).opensOn, "2020-02-27");
    assert.equal(occurrenceForPeriod(ELECTRICITY_2019, p("2020-02")).closesOn, "2020-03-02");
    assert.equal(occurrenceForPeriod(MONTH_END, p("2019-02")).opensOn, "2019-02-24");
    assert.equal(occurrenceForPeriod(MONTH_END, p("2019-02")).closesOn, "2019-02-28");
    assert.equal(occurrenceForPeriod(MONTH_END, p("2020-02")).opensOn, "2020-02-25");
    assert.equal(occurrenceForPeriod(MONTH_END, p("2020-02")).closesOn, "2020-02-29");
    // the leap day itself is inside the 2020 window but 2019 has none
    assert.equal(windowOccurrenceContaining(ELECTRICITY_2019, kyiv("2020-02-29"))?.period, "2020-02");
    assert.equal(windowOccurrenceContaining(ELECTRICITY_2019, kyiv("2020-02-26")), null);
    assert.equal(windowOccurrenceContaining(ELECTRICITY_2019, kyiv("2019-02-26"))?.period, "2019-02");
  });
  test("positive wrap 28..3 in February opens on the 28th", () => {
    assert.deepEqual(dates(occurrenceForPeriod(WRAP_28_3, p("2019-02"))), {
      period: "2019-02",
      opensOn: "2019-02-28",
      closesOn: "2019-03-03",
      deemedOn: "2019-03-01",
    });
  });
  test("clamping: day 31 in 30-day months and February", () => {
    const r: WindowRule = {
      opensDay: 31,
      closesDay: 5,
      deemedDateRule: "submission_day",
      latePolicy: "refuse",
    };
    assert.deepEqual(dates(occurrenceForPeriod(r, p("2019-04"))), {
      period: "2019-04",
      opensOn: "2019-04-30",
      closesOn: "2019-05-05",
      deemedOn: null,
    });
    assert.equal(occurrenceForPeriod(r, p("2019-02")).opensOn, "2019-02-28");
    assert.equal(occurrenceForPeriod(r, p("2020-02")).opensOn, "2020-02-29");
    assert.equal(occurrenceForPeriod(r, p("2019-07")).opensOn, "2019-07-31");
    const flat: WindowRule = {
      opensDay: 30,
      closesDay: 31,
      deemedDateRule: "submission_day",
      latePolicy: "refuse",
    };
    assert.deepEqual(
      [occurrenceForPeriod(flat, p("2019-02")).opensOn, occurrenceForPeriod(flat, p("2019-02")).closesOn],
      ["2019-02-28", "2019-02-28"],
    );
    assert.deepEqual(
      [occurrenceForPeriod(flat, p("2019-06")).opensOn, occurrenceForPeriod(flat, p("2019-06")).closesOn],
      ["2019-06-30", "2019-06-30"],
    );
  });
  test("gas 1..5 in August closes July", () => {
    const occ = windowOccurrenceContaining(GAS, kyiv("2019-08-03"));
    assert.ok(occ);
    assert.deepEqual(dates(occ), {
      period: "2019-07",
      opensOn: "2019-08-01",
      closesOn: "2019-08-05",
      deemedOn: "2019-08-01",
    });
    assert.deepEqual(occurrenceForPeriod(GAS, p("2019-07")), occ);
    assert.equal(occurrenceForPeriod(GAS, p("2019-12")).opensOn, "2020-01-01");
  });
  test("water 10..25 in July closes July, deemed on the submission day", () => {
    const occ = windowOccurrenceContaining(WATER, kyiv("2019-07-20"));
    assert.ok(occ);
    assert.deepEqual(dates(occ), {
      period: "2019-07",
      opensOn: "2019-07-10",
      closesOn: "2019-07-25",
      deemedOn: null,
    });
  });
});

describe("Kyiv midnight edges", () => {
  const cases: Array<[string, WindowRule, string, string, string, string]> = [
    // name, rule, opensOn, closesOn, opensAt (UTC), closesAt (UTC)
    [
      "summer wrap",
      ELECTRICITY_2019,
      "2019-07-29",
      "2019-08-02",
      "2019-07-28T21:00:00.000Z",
      "2019-08-02T21:00:00.000Z",
    ],
    [
      "winter wrap",
      ELECTRICITY_2019,
      "2019-12-29",
      "2020-01-02",
      "2019-12-28T22:00:00.000Z",
      "2020-01-02T22:00:00.000Z",
    ],
    [
      "across spring DST",
      ELECTRICITY_2019,
      "2019-03-29",
      "2019-04-02",
      "2019-03-28T22:00:00.000Z",
      "2019-04-02T21:00:00.000Z",
    ],
    [
      "closing on spring DST day",
      MONTH_END,
      "2019-03-27",
      "2019-03-31",
      "2019-03-26T22:00:00.000Z",
      "2019-03-31T21:00:00.000Z",
    ],
    [
      "opening on autumn DST day",
      MONTH_END,
      "2019-10-27",
      "2019-10-31",
      "2019-10-26T21:00:00.000Z",
      "2019-10-31T22:00:00.000Z",
    ],
    [
      "summer water",
      WATER,
      "2019-07-10",
      "2019-07-25",
      "2019-07-09T21:00:00.000Z",
      "2019-07-25T21:00:00.000Z",
    ],
    ["winter gas", GAS, "2026-01-01", "2026-01-05", "2025-12-31T22:00:00.000Z", "2026-01-05T22:00:00.000Z"],
  ];
  for (const [name, rule, opensOn, closesOn, opensAt, closesAt] of cases) {
    test(`${name}: ${opensOn}..${closesOn}`, () => {
      const inside = windowOccurrenceContaining(rule, kyiv(opensOn));
      assert.ok(inside);
      assert.equal(inside.opensOn, opensOn);
      assert.equal(inside.closesOn, closesOn);
      assert.equal(inside.opensAt.toISOString(), opensAt);
      assert.equal(inside.closesAt.toISOString(), closesAt);
      // opening edge
      assert.equal(startOf(opensOn).toISOString(), opensAt);
      assert.deepEqual(windowOccurrenceContaining(rule, startOf(opensOn)), inside);
      assert.equal(windowOccurrenceContaining(rule, new Date(ms(startOf(opensOn)) - 1)), null);
      assert.equal(windowStatus(rule, new Date(ms(startOf(opensOn)) - 1)).next.opensOn, opensOn);
      // closing edge
      assert.deepEqual(windowOccurrenceContaining(rule, endOf(closesOn)), inside);
      assert.equal(windowStatus(rule, endOf(closesOn)).daysLeft, 1);
      assert.equal(windowOccurrenceContaining(rule, new Date(closesAt)), null);
    });
  }
  test("the brief's example: 20:59:59.999Z on Aug 2 is inside, 21:00Z is outside", () => {
    assert.equal(windowStatus(ELECTRICITY_2019, new Date("2019-08-02T20:59:59.999Z")).open, true);
    assert.equal(windowStatus(ELECTRICITY_2019, new Date("2019-08-02T21:00:00.000Z")).open, false);
    // July 28 23:59:59.999 Kyiv is before the July window opens
    assert.equal(windowStatus(ELECTRICITY_2019, new Date("2019-07-28T20:59:59.999Z")).open, false);
    assert.equal(windowStatus(ELECTRICITY_2019, new Date("2019-07-28T21:00:00.000Z")).open, true);
  });
});

describe("windowStatus", () => {
  test("open: days left counts today", () => {
    const s = windowStatus(ELECTRICITY_2019, kyiv("2019-07-29", "10:00"));
    assert.equal(s.open, true);
    assert.equal(s.current?.period, "2019-07");
    assert.equal(s.daysLeft, 5);
    assert.equal(s.next.period, "2019-08");
    assert.equal(s.next.opensOn, "2019-08-29");
    assert.equal(windowStatus(ELECTRICITY_2019, kyiv("2019-08-01")).daysLeft, 2);
    assert.equal(windowStatus(WATER, kyiv("2019-07-10", "00:00")).daysLeft, 16);
  });
  test("closed: no current, no days left, the next occurrence", () => {
    const s = windowStatus(ELECTRICITY_2019, kyiv("2019-08-03", "00:00"));
    assert.deepEqual(
      { open: s.open, current: s.current, daysLeft: s.daysLeft, next: s.next.period },
      { open: false, current: null, daysLeft: null, next: "2019-08" },
    );
    assert.equal(windowStatus(WATER, kyiv("2019-07-05")).next.opensOn, "2019-07-10");
    assert.equal(windowStatus(WATER, kyiv("2019-07-26")).next.opensOn, "2019-08-10");
  });
});

describe("nextWindowOccurrence", () => {
  test("strictly after the instant", () => {
    assert.equal(nextWindowOccurrence(ELECTRICITY_2019, kyiv("2019-12-15")).opensOn, "2019-12-29");
    assert.equal(nextWindowOccurrence(ELECTRICITY_2019, kyiv("2019-12-30")).opensOn, "2020-01-29");
    assert.equal(nextWindowOccurrence(ELECTRICITY_2019, kyiv("2019-12-30")).period, "2020-01");
    assert.equal(nextWindowOccurrence(WATER, kyiv("2019-07-10", "00:00")).opensOn, "2019-08-10");
  });
  test("gas across the year end, at Kyiv midnight in winter", () => {
    const before = new Date("2019-12-31T21:59:59.999Z"); // 23:59:59.999 Kyiv
    const occ = nextWindowOccurrence(GAS, before);
    assert.equal(occ.opensOn, "2020-01-01");
    assert.equal(occ.period, "2019-12");
    assert.equal(occ.opensAt.toISOString(), "2019-12-31T22:00:00.000Z");
    const next = nextWindowOccurrence(GAS, occ.opensAt);
    assert.equal(next.opensOn, "2020-02-01");
    assert.equal(next.period, "2020-01");
  });
});

describe("deemedDate", () => {
  test("first_of_month: the occurrence's 1st", () => {
    const occ = occurrenceForPeriod(ELECTRICITY_2019, p("2019-07"));
    assert.equal(deemedDate(ELECTRICITY_2019, occ, kyiv("2019-07-30")), "2019-08-01");
    assert.equal(deemedDate(ELECTRICITY_2019, occ, kyiv("2019-08-02", "23:59")), "2019-08-01");
  });
  test("submission_day: the Kyiv date, not the UTC date", () => {
    const occ = occurrenceForPeriod(WATER, p("2019-07"));
    assert.equal(deemedDate(WATER, occ, new Date("2019-07-20T19:30:00Z")), "2019-07-20");
    assert.equal(deemedDate(WATER, occ, new Date("2019-07-20T21:30:00Z")), "2019-07-21");
  });
  test("refuses a submission after the occurrence closed or a mismatched occurrence", () => {
    const occ = occurrenceForPeriod(WATER, p("2019-07"));
    assert.throws(() => deemedDate(WATER, occ, occ.closesAt), RangeError);
    assert.throws(() => deemedDate(GAS, occ, kyiv("2019-07-20")), RangeError);
  });
});

describe("upcomingOccurrences", () => {
  test("12-month preview from inside a window starts with the open one", () => {
    const list = upcomingOccurrences(ELECTRICITY_2019, kyiv("2019-07-30"), 12);
    assert.equal(list.length, 12);
    assert.deepEqual(
      list.map((o) => o.period),
      periodsBetween(p("2019-07"), p("2020-06")),
    );
    assert.ok(list.some((o) => o.opensOn === "2020-02-27"));
    for (let i = 1; i < list.length; i++) assert.ok(ms(list[i - 1]!.closesAt) <= ms(list[i]!.opensAt));
  });
  test("from outside a window starts with the next one", () => {
    assert.deepEqual(
      upcomingOccurrences(ELECTRICITY_2019, kyiv("2019-08-05"), 3).map((o) => o.period),
      ["2019-08", "2019-09", "2019-10"],
    );
    assert.deepEqual(
      upcomingOccurrences(GAS, kyiv("2019-07-15"), 2).map((o) => [o.period, o.opensOn]),
      [
        ["2019-07", "2019-08-01"],
        ["2019-08", "2019-09-01"],
      ],
    );
  });
  test("count validation", () => {
    assert.deepEqual(upcomingOccurrences(WATER, kyiv("2019-07-15"), 0), []);
    assert.throws(() => upcomingOccurrences(WATER, kyiv("2019-07-15"), -1), RangeError);
    assert.throws(() => upcomingOccurrences(WATER, kyiv("2019-07-15"), 1.5), RangeError);
  });
});

describe("placeSubmission", () => {
  test("inside the window", () => {
    const r = placeSubmission(WATER, kyiv("2019-07-20"));
    assert.ok(r.accepted);
    assert.equal(r.late, false);
    assert.equal(r.period, "2019-07");
    assert.equal(r.deemedOn, "2019-07-20");
    const e = placeSubmission(ELECTRICITY_2019, kyiv("2019-08-02", "23:59"));
    assert.ok(e.accepted);
    assert.deepEqual([e.late, e.period, e.deemedOn], [false, "2019-07", "2019-08-01"]);
  });
  test("late, refused", () => {
    const r = placeSubmission(WATER, kyiv("2019-07-26"));
    assert.equal(r.accepted, false);
    assert.ok(!r.accepted && r.reason === "outside_window" && r.next.period === "2019-08");
  });
  test("late, moved to the next period", () => {
    const e = placeSubmission(ELECTRICITY_2019, kyiv("2019-08-10"));
    assert.ok(e.accepted);
    assert.deepEqual([e.late, e.period, e.deemedOn], [true, "2019-08", "2019-09-01"]);
    const w = placeSubmission({ ...WATER, latePolicy: "next_period" }, kyiv("2019-07-26"));
    assert.ok(w.accepted);
    assert.deepEqual([w.late, w.period, w.deemedOn], [true, "2019-08", "2019-07-26"]);
  });
});

describe("properties", () => {
  const dayNumber = fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: -10, max: -1 }));
  const ruleArb = fc
    .record({
      opensDay: dayNumber,
      closesDay: dayNumber,
      deemedDateRule: fc.constantFrom("submission_day" as const, "first_of_month" as const),
      latePolicy: fc.constantFrom("refuse" as const, "next_period" as const),
    })
    .filter((r) => validateWindowRule(r).length === 0);
  const dayArb = fc
    .integer({ min: toEpochDay(d("2018-01-01")), max: toEpochDay(d("2032-12-31")) })
    .map(fromEpochDay);
  // Instants anywhere, plus instants hugging Kyiv midnights where the edges are.
  const instantArb = fc.oneof(
    fc.date({
      min: new Date("2018-01-01T00:00:00Z"),
      max: new Date("2032-12-31T00:00:00Z"),
      noInvalidDate: true,
    }),
    fc
      .tuple(dayArb, fc.constantFrom(-1, 0, 1))
      .map(([day, delta]: [LocalDate, number]) => new Date(ms(kyivMidnight(day)) + delta)),
  );

  test("open ⇒ current contains the instant; closed ⇒ nothing contains it; next opens after it", () => {
    fc.assert(
      fc.property(ruleArb, instantArb, (rule, instant) => {
        const t = ms(instant);
        const s = windowStatus(rule, instant);
        if (s.open) {
          assert.ok(s.current);
          assert.ok(ms(s.current.opensAt) <= t && t < ms(s.current.closesAt));
          assert.ok(s.daysLeft !== null && s.daysLeft >= 1 && s.daysLeft <= 31);
          assert.deepEqual(windowOccurrenceContaining(rule, instant), s.current);
        } else {
          assert.equal(s.current, null);
          assert.equal(s.daysLeft, null);
          const month = periodOf(kyivDateOf(instant));
          for (let k = -2; k <= 2; k++) {
            let q = month;
            for (let i = 0; i < Math.abs(k); i++) q = k < 0 ? prevPeriod(q) : nextPeriod(q);
            const occ = occurrenceForPeriod(rule, q);
            assert.ok(
              !(ms(occ.opensAt) <= t && t < ms(occ.closesAt)),
              `${q} contains ${instant.toISOString()}`,
            );
          }
        }
        assert.ok(ms(s.next.opensAt) > t);
        // …and it is the first such: the occurrence before it opened at or before the instant
        assert.ok(ms(occurrenceForPeriod(rule, prevPeriod(s.next.period)).opensAt) <= t);
        assert.equal(upcomingOccurrences(rule, instant, 2)[s.open ? 1 : 0]?.period, s.next.period);
      }),
      { numRuns: 500 },
    );
  });

  test("occurrences are named by period, tile time without overlap, and deem a 1st inside", () => {
    fc.assert(
      fc.property(ruleArb, dayArb, (rule, day) => {
        const period = periodOf(day);
        const occ = occurrenceForPeriod(rule, period);
        const following = occurrenceForPeriod(rule, nextPeriod(period));
        assert.equal(occ.period, period);
        assert.ok(occ.opensOn <= occ.closesOn);
        assert.ok(ms(occ.closesAt) <= ms(following.opensAt));
        assert.equal(occ.opensAt.toISOString(), kyivMidnight(occ.opensOn).toISOString());
        assert.equal(occ.closesAt.toISOString(), kyivMidnight(addDays(occ.closesOn, 1)).toISOString());
        if (rule.deemedDateRule === "first_of_month") {
          assert.ok(occ.deemedOn !== null);
          assert.ok(occ.opensOn <= occ.deemedOn && occ.deemedOn <= occ.closesOn);
          assert.equal(occ.deemedOn, firstDay(nextPeriod(period)));
        } else {
          assert.equal(occ.deemedOn, null);
          assert.equal(periodOf(occ.opensOn), period);
        }
      }),
      { numRuns: 500 },
    );
  });
});
