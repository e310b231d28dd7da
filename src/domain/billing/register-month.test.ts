import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseLocalDate, toEpochDay } from "../local-date.ts";
import {
  estimateFromAverage,
  monthAfter,
  type RegisterReading,
  type RegisterState,
  registerMonth,
  useBetween,
} from "./register-month.ts";

const day = (text: string) => toEpochDay(parseLocalDate(text));
const CAPACITY = 100_000 * 1000; // a five-digit dial, in thousandths

function reading(
  id: number,
  value: number,
  deemed: string,
  kind: RegisterReading["kind"] = "regular",
): RegisterReading {
  return { id, value, kind, deemedOn: day(deemed), period: day(`${deemed.slice(0, 7)}-01`) };
}

/** Billed on a reading of 30 September: its basis, its latest reading, two pairs of the summer. */
const STATE: RegisterState = {
  coveredOn: day("2026-09-30"),
  basisValue: 1_200_000,
  basisPeriod: day("2026-09-01"),
  last: reading(9, 1_200_000, "2026-09-30"),
  prev: { value: 1_200_000, kind: "regular", deemedOn: day("2026-09-30"), period: day("2026-09-01") },
  pairs: [
    { from: day("2026-07-31"), to: day("2026-08-31"), used: 90_000 },
    { from: day("2026-08-31"), to: day("2026-09-30"), used: 100_000 },
  ],
  estimatedMonths: 0,
};

const WINDOW = {
  capacity: CAPACITY,
  first: day("2026-10-01"),
  next: day("2026-11-01"),
  estimateFrom: day("2026-04-01"),
  planFrom: day("2026-05-01"),
  historyFrom: day("2025-10-01"),
  pairsFrom: day("2025-11-01"),
};

describe("a register's month from its state", () => {
  test("a reading this month: used from the basis, a new pair, the averages over the window", () => {
    const m = registerMonth({ ...WINDOW, state: STATE, readings: [reading(10, 1_310_000, "2026-10-31")] });
    assert.deepEqual(m.closing, { id: 10, value: 1_310_000 });
    assert.equal(m.fromValue, 1_200_000);
    assert.equal(m.used, 110_000);
    assert.equal(m.firstReading, false);
    // The estimate's window ends on the month's first day; the planned payment's on the next month's.
    assert.deepEqual([m.estUsed, m.estDays], [190_000, 61]);
    assert.deepEqual([m.planUsed, m.planDays], [300_000, 92]);
    assert.equal(m.pairs.length, 3);
    assert.equal(m.coveredOn, day("2026-10-31"));
    assert.equal(m.last?.id, 10);
    assert.equal(m.clean, true);
  });

  test("where the use is measured from: the month after the billed basis, else after the previous reading", () => {
    const billed = registerMonth({ ...WINDOW, state: STATE, readings: [] });
    assert.equal(billed.basisDate, day("2026-10-01"));
    // Never billed on a reading (a first month by estimate): from the previous reading's month on.
    const unbilled = { ...STATE, basisValue: null, basisPeriod: null, estimatedMonths: null };
    const regular = registerMonth({
      ...WINDOW,
      state: unbilled,
      readings: [reading(10, 1_300_000, "2026-10-30")],
    });
    assert.equal(regular.fromValue, 1_200_000);
    assert.equal(regular.basisDate, day("2026-10-01"));
    // An initial reading (a meter installed on 12 September): from its own day.
    const installed = {
      ...unbilled,
      prev: {
        value: 5_000,
        kind: "initial" as const,
        deemedOn: day("2026-09-12"),
        period: day("2026-09-01"),
      },
    };
    assert.equal(registerMonth({ ...WINDOW, state: installed, readings: [] }).basisDate, day("2026-09-12"));
    // Nothing to measure from: no basis.
    const none = registerMonth({ ...WINDOW, state: { ...unbilled, prev: null, last: null }, readings: [] });
    assert.deepEqual([none.fromValue, none.basisDate], [null, null]);
    assert.equal(monthAfter(day("2026-12-01")), day("2027-01-01"));
    assert.equal(monthAfter(day("2024-02-01")), day("2024-03-01"));
  });

  test("no reading: nothing used, the state's own averages and what it covers", () => {
    const m = registerMonth({ ...WINDOW, state: STATE, readings: [] });
    assert.equal(m.closing, null);
    assert.equal(m.used, null);
    assert.equal(estimateFromAverage(m.estUsed, m.estDays, 31), Math.floor((2 * 190_000 * 31 + 61) / 122));
    assert.equal(m.coveredOn, STATE.coveredOn);
    assert.equal(m.last, STATE.last);
  });

  test("a dial that rolled over past zero counts what it turned; one going back is no use", () => {
    const near = { ...STATE, basisValue: 99_950_000, last: reading(9, 99_950_000, "2026-09-30"), pairs: [] };
    const m = registerMonth({ ...WINDOW, state: near, readings: [reading(10, 40_000, "2026-10-30")] });
    assert.equal(m.used, 90_000);
    assert.equal(useBetween(99_950_000, 40_000, CAPACITY), 90_000);
    assert.equal(useBetween(50_000_000, 40_000, CAPACITY), null);
  });

  test("the latest regular or final reading of the month closes it; an initial one starts no pair", () => {
    const m = registerMonth({
      ...WINDOW,
      state: STATE,
      readings: [reading(10, 1_250_000, "2026-10-15"), reading(11, 1_300_000, "2026-10-28", "final")],
    });
    assert.deepEqual(m.closing, { id: 11, value: 1_300_000 });
    assert.equal(m.prev?.value, 1_250_000, "a final reading is never the previous one");
    const fresh = registerMonth({
      ...WINDOW,
      state: { ...STATE, last: reading(9, 1_200_000, "2026-09-30", "final") },
      readings: [reading(12, 0, "2026-10-02", "initial"), reading(13, 5_000, "2026-10-30")],
    });
    assert.deepEqual(
      fresh.pairs.slice(2).map((p) => p.used),
      [5_000],
      "no pair across the final and the initial reading",
    );
  });

  test("a later month's reading deemed among the covered ones: no new state", () => {
    const m = registerMonth({
      ...WINDOW,
      state: STATE,
      readings: [
        { ...reading(20, 1_400_000, "2026-10-20"), period: day("2026-11-01") },
        reading(21, 1_310_000, "2026-10-31"),
      ],
    });
    assert.equal(m.closing?.id, 21);
    assert.equal(m.clean, false);
  });

  test("with no billed basis, a previous reading before the history window measures only a closing reading", () => {
    const old = {
      ...STATE,
      basisValue: null,
      basisPeriod: null,
      prev: {
        value: 7_000,
        kind: "regular" as const,
        deemedOn: day("2025-08-30"),
        period: day("2025-08-01"),
      },
    };
    assert.equal(registerMonth({ ...WINDOW, state: old, readings: [] }).fromValue, null);
    assert.equal(
      registerMonth({ ...WINDOW, state: old, readings: [reading(30, 9_000, "2026-10-30")] }).used,
      2_000,
    );
  });
});
