import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import type { HistoryReading } from "../average-consumption.ts";
import { addDays, type LocalDate, parseLocalDate } from "../local-date.ts";
import { addPeriods, daysInPeriod, firstDay, type Period, parsePeriod } from "../period.ts";
import { UTILITY_SERVICES } from "../plausibility.ts";
import type { MeterDial } from "../reading-value.ts";
import {
  ESTIMATION_RULES,
  type EstimationInput,
  type EstimationRule,
  estimateMonth,
  estimationRuleDay,
  estimationRuleFor,
  NO_HISTORY_CITATION,
} from "./estimation-rules.ts";
import { u } from "./test-tariffs.ts";

const d = parseLocalDate;
const FIVE: MeterDial = { digits: 5, decimals: 0 };
const WATER_DIAL: MeterDial = { digits: 5, decimals: 3 };
const JULY = parsePeriod("2019-07");
const r = (date: string, value: bigint): HistoryReading => ({ deemedOn: d(date), value, kind: "regular" });

// 100 kWh over May (31 days), 90 kWh over June (30 days): 190/61 kWh a day.
const HISTORY = [r("2019-05-01", 0n), r("2019-06-01", u(100)), r("2019-07-01", u(190))];

const input = (patch: Partial<EstimationInput>): EstimationInput => ({
  service: "electricity",
  period: JULY,
  history: HISTORY,
  meter: FIVE,
  monthsWithoutReading: 0,
  norm: null,
  ...patch,
});

describe("ESTIMATION_RULES", () => {
  test("one rule per service, each dated and citing its source", () => {
    for (const service of UTILITY_SERVICES) {
      const rule = estimationRuleFor(service, d("2026-01-01"));
      assert.equal(rule.historyMonths, 12);
      assert.ok(rule.citation.length > 40);
    }
    const byService = Object.fromEntries(ESTIMATION_RULES.map((x) => [x.service, x]));
    assert.equal(byService.electricity?.rule, "average_daily");
    assert.match(byService.electricity!.citation, /No\. 311 of 14\.03\.2018/);
    assert.equal(byService.gas?.rule, "planned_monthly_volume");
    assert.match(byService.gas!.citation, /No\. 2498.*item 5\.5/);
    for (const s of ["cold_water", "hot_water", "sewerage"] as const) {
      assert.equal(byService[s]?.rule, "average_then_norm");
      assert.equal(byService[s]?.averageForMonths, 3);
      assert.match(byService[s]!.citation, /No\. 690.*art\. 11/);
      assert.equal(byService[s]?.illustrative, false);
    }
    assert.equal(byService.heating?.rule, "average_then_norm");
    assert.equal(byService.heating?.illustrative, true);
    assert.match(byService.heating!.citation, /^Illustrative/);
  });

  test("the rule in force on a day: the latest that has started", () => {
    assert.throws(() => estimationRuleFor("electricity", d("2018-04-18")), /No estimation rule/);
    assert.equal(estimationRuleFor("electricity", d("2018-04-19")).effectiveFrom, "2018-04-19");
    const later: EstimationRule = {
      ...ESTIMATION_RULES[0]!,
      effectiveFrom: d("2030-01-01"),
      citation: "new",
    };
    const rules = [...ESTIMATION_RULES, later];
    assert.equal(
      estimationRuleFor("electricity", d("2029-12-31"), rules).citation,
      ESTIMATION_RULES[0]!.citation,
    );
    assert.equal(estimationRuleFor("electricity", d("2030-01-01"), rules).citation, "new");
  });
});

describe("estimateMonth", () => {
  test("electricity: 190/61 kWh a day × 31 days of July = 96.557 kWh", () => {
    // 190 000 × 31 / 61 = 96 557.377… thousandths → 96 557
    assert.deepEqual(estimateMonth(input({})), {
      used: 96_557n,
      method: "average_daily",
      basis: { fromDay: d("2018-07-01"), toDay: d("2019-07-01"), perDay: { num: 190_000n, den: 61n } },
      citation: ESTIMATION_RULES[0]!.citation,
    });
  });

  test("only the last 12 months count: a reading before the window is left out", () => {
    // 2018-06-30 → 2018-07-01 would add 1000 kWh in a day; it starts outside the window.
    const history = [r("2018-06-30", 0n), r("2018-07-01", u(1000)), r("2019-07-01", u(1000 + 3650))];
    const est = estimateMonth(input({ history }));
    assert.deepEqual(est.basis.perDay, { num: 10_000n, den: 1n });
    assert.equal(est.used, u(310));
  });

  test("gas: the planned monthly volume is the 12-month average × the month's days", () => {
    // The window 2018-02-01..2019-02-01 holds none of HISTORY's readings: no history.
    const est = estimateMonth(input({ service: "gas", period: parsePeriod("2019-02") }));
    assert.deepEqual([est.method, est.citation], ["none", NO_HISTORY_CITATION]);
    const withHistory = estimateMonth(
      input({
        service: "gas",
        period: parsePeriod("2019-08"),
        history: [r("2019-01-01", 0n), r("2019-06-01", u(302))],
      }),
    );
    // 302 m³ over 151 days = 2 m³/day × 31 = 62 m³
    assert.equal(withHistory.used, u(62));
    assert.equal(withHistory.method, "planned_monthly_volume");
    assert.match(withHistory.citation, /2498/);
  });

  test("water: the average for 3 months in a row, then the norm", () => {
    const waterHistory = [r("2020-05-01", 0n), r("2020-06-01", 3_100n), r("2020-07-01", 6_100n)];
    const july2020 = parsePeriod("2020-07");
    const water = (monthsWithoutReading: number, period = july2020) =>
      estimateMonth(
        input({
          service: "cold_water",
          period,
          meter: WATER_DIAL,
          history: waterHistory,
          monthsWithoutReading,
          norm: 10_800n,
        }),
      );
    // 6.1 m³ over 61 days = 0.1 m³ a day.
    assert.deepEqual(
      [0, 1, 2].map((m) => {
        const e = water(m, addPeriods(july2020, m));
        return [e.method, e.used];
      }),
      [
        ["average_daily", 3_100n],
        ["average_daily", 3_100n],
        ["average_daily", 3_000n],
      ],
    );
    const fourth = water(3, parsePeriod("2020-10"));
    assert.deepEqual(fourth, {
      used: 10_800n,
      method: "norm",
      basis: { fromDay: d("2020-10-01"), toDay: d("2020-10-31") },
      citation: fourth.citation,
    });
    assert.match(fourth.citation, /690/);
    assert.equal(water(7).method, "norm");
  });

  test("water before the rule's date has no rule; past 3 months with no norm: nothing estimated", () => {
    assert.throws(() => estimateMonth(input({ service: "cold_water", meter: WATER_DIAL })), /cold_water/);
    const est = estimateMonth(
      input({
        service: "hot_water",
        period: parsePeriod("2020-07"),
        meter: WATER_DIAL,
        monthsWithoutReading: 3,
      }),
    );
    assert.deepEqual([est.used, est.method], [0n, "none"]);
  });

  test("electricity keeps the average however long it goes without a reading", () => {
    assert.equal(estimateMonth(input({ monthsWithoutReading: 24 })).method, "average_daily");
  });

  test("no usable history: the norm, or none without one", () => {
    const norm = estimateMonth(input({ history: [], norm: u(150) }));
    assert.deepEqual(norm, {
      used: u(150),
      method: "norm",
      basis: { fromDay: d("2019-07-01"), toDay: d("2019-07-31") },
      citation: NO_HISTORY_CITATION,
    });
    // A single reading is no pair; a replacement in between is no usable pair either.
    const single = estimateMonth(input({ history: [r("2019-06-01", u(5))] }));
    assert.deepEqual([single.used, single.method, single.citation], [0n, "none", NO_HISTORY_CITATION]);
    const replaced = estimateMonth(
      input({
        history: [r("2019-05-01", u(500)), { deemedOn: d("2019-06-01"), value: 0n, kind: "initial" }],
      }),
    );
    assert.equal(replaced.method, "none");
  });

  test("a zero average estimates zero, by average", () => {
    const est = estimateMonth(
      input({ history: [r("2019-05-01", u(7)), r("2019-07-01", u(7))], norm: u(99) }),
    );
    assert.deepEqual([est.used, est.method], [0n, "average_daily"]);
  });

  test("the rule comes from asOf; bad inputs are refused", () => {
    assert.throws(() => estimateMonth(input({ asOf: d("2017-01-01") })), /No estimation rule/);
    assert.throws(() => estimateMonth(input({ period: parsePeriod("2017-01") })), /No estimation rule/);
    assert.equal(
      estimateMonth(input({ period: parsePeriod("2017-01"), asOf: d("2019-01-01") })).method,
      "none",
    );
    assert.throws(() => estimateMonth(input({ monthsWithoutReading: -1 })), /monthsWithoutReading/);
    assert.throws(() => estimateMonth(input({ monthsWithoutReading: 1.5 })), /monthsWithoutReading/);
    assert.throws(() => estimateMonth(input({ norm: -1n })), /norm/);
  });

  test("property: a steady daily use k is estimated as k × the days of the month", () => {
    const periodArb = fc
      .tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => parsePeriod(`${y}-${String(m).padStart(2, "0")}`));
    fc.assert(
      fc.property(
        periodArb,
        fc.bigInt({ min: 0n, max: 50_000n }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }),
        (period: Period, perDay, gaps) => {
          // Readings going back from the period's 1st, `gaps` days apart, all within a year.
          let day: LocalDate = firstDay(period);
          let value = 30_000_000n;
          const history: HistoryReading[] = [{ deemedOn: day, value, kind: "regular" }];
          for (const g of gaps) {
            day = addDays(day, -g);
            value -= perDay * BigInt(g);
            history.push({ deemedOn: day, value, kind: "regular" });
          }
          const est = estimateMonth(
            input({ period, history: history.reverse(), meter: { digits: 8, decimals: 3 } }),
          );
          assert.equal(est.method, "average_daily");
          assert.equal(est.used, perDay * BigInt(daysInPeriod(period)));
        },
      ),
    );
  });
});

describe("estimationRuleDay", () => {
  test("a month before the service's earliest act takes that act's first day; later months their own", () => {
    assert.equal(estimationRuleDay("cold_water", parseLocalDate("2019-06-01")), "2019-07-05");
    assert.equal(estimationRuleDay("cold_water", parseLocalDate("2019-08-01")), "2019-08-01");
    assert.equal(estimationRuleDay("electricity", parseLocalDate("2019-06-01")), "2019-06-01");
  });
});
