import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { parseLocalDate } from "../local-date.ts";
import { DEFAULT_HEATING_SEASON, inHeatingSeason, normDays, normUse, normUseInMonth } from "./norms.ts";

describe("normUse", () => {
  test("heating: 0.0168 Gcal/m² × 55.5 m² = 0.9324 Gcal → 0.932", () => {
    assert.equal(normUse({ normPerM2: "0.0168", residents: 2, areaM2: "55.5" }), 932n);
    assert.equal(normUse({ normPerM2: "0.0168", residents: 2, areaM2: "55,5" }), 932n);
  });

  test("water: 3.6 m³ × 3 residents = 10.8 m³", () => {
    assert.equal(normUse({ normPerResident: 3600n, residents: 3, areaM2: "0" }), 10_800n);
  });

  test("rounds half up to the thousandth", () => {
    // 0.0168 × 55.55 = 0.93324 → 0.933; 0.00001 × 50 = 0.0005 → 0.001; 0.00001 × 49.9 → 0.000
    assert.equal(normUse({ normPerM2: "0.0168", residents: 0, areaM2: "55.55" }), 933n);
    assert.equal(normUse({ normPerM2: "0.00001", residents: 0, areaM2: "50" }), 1n);
    assert.equal(normUse({ normPerM2: "0.00001", residents: 0, areaM2: "49.9" }), 0n);
  });

  test("no residents or no area: zero; no norm at all: null", () => {
    assert.equal(normUse({ normPerResident: 3600n, residents: 0, areaM2: "40" }), 0n);
    assert.equal(normUse({ normPerM2: "0.0168", residents: 3, areaM2: "0" }), 0n);
    assert.equal(normUse({ residents: 3, areaM2: "40" }), null);
    assert.equal(normUse({ normPerResident: null, normPerM2: null, residents: 3, areaM2: "40" }), null);
  });

  test("refuses both kinds at once, negative or malformed inputs", () => {
    assert.throws(
      () => normUse({ normPerResident: 1n, normPerM2: "0.1", residents: 1, areaM2: "1" }),
      /not both/,
    );
    assert.throws(() => normUse({ normPerResident: -1n, residents: 1, areaM2: "1" }), /negative/);
    assert.throws(() => normUse({ normPerResident: 1n, residents: -1, areaM2: "1" }), /residents/);
    assert.throws(() => normUse({ normPerResident: 1n, residents: 1.5, areaM2: "1" }), /residents/);
    assert.throws(() => normUse({ normPerM2: "0.1", residents: 1, areaM2: "-5" }), /area/);
    assert.throws(() => normUse({ normPerM2: "0.1", residents: 1, areaM2: "55 m2" }), /area/);
    assert.throws(() => normUse({ normPerM2: "0.0000001", residents: 1, areaM2: "1" }), /norm per m²/);
  });

  test("property: per-resident use is linear in residents", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.nat(20), fc.nat(20), (norm, a, b) => {
        const use = (n: number) => normUse({ normPerResident: norm, residents: n, areaM2: "0" })!;
        assert.equal(use(a) + use(b), use(a + b));
      }),
    );
  });

  test("property: per-m² use never falls as the area grows", () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(100_000), fc.nat(10_000), (normMicro, areaCenti, extra) => {
        const norm = `0.${String(normMicro % 1_000_000).padStart(6, "0")}`;
        const area = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
        const use = (c: number) => normUse({ normPerM2: norm, residents: 0, areaM2: area(c) })!;
        assert.ok(use(areaCenti + extra) >= use(areaCenti));
      }),
    );
  });
});

describe("heating season", () => {
  const d = (s: string) => parseLocalDate(s);
  test("by default 15 October to 15 April, both included, across the new year", () => {
    const on = (day: string) => inHeatingSeason(DEFAULT_HEATING_SEASON, d(day));
    assert.deepEqual(
      ["2019-10-14", "2019-10-15", "2019-12-31", "2020-01-01", "2020-04-15", "2020-04-16", "2020-07-01"].map(
        on,
      ),
      [false, true, true, true, true, false, false],
    );
  });

  test("a provider's own season, within one year or across it", () => {
    assert.equal(inHeatingSeason({ starts: "10-28", ends: "03-31" }, d("2026-10-27")), false);
    assert.equal(inHeatingSeason({ starts: "10-28", ends: "03-31" }, d("2026-10-28")), true);
    assert.equal(inHeatingSeason({ starts: "01-10", ends: "02-20" }, d("2026-02-20")), true);
    assert.equal(inHeatingSeason({ starts: "01-10", ends: "02-20" }, d("2026-12-20")), false);
    assert.throws(() => inHeatingSeason({ starts: "13-01", ends: "02-20" }, d("2026-01-20")), /MM-DD/);
  });

  test("normDays: heating's days in season, every day for other services", () => {
    const s = DEFAULT_HEATING_SEASON;
    assert.equal(normDays("heating", s, d("2019-10-01"), d("2019-10-31")), 17);
    assert.equal(normDays("heating", s, d("2019-04-01"), d("2019-04-30")), 15);
    assert.equal(normDays("heating", s, d("2019-06-01"), d("2019-06-30")), 0);
    assert.equal(normDays("heating", s, d("2019-11-01"), d("2019-11-30")), 30);
    assert.equal(normDays("cold_water", s, d("2019-06-01"), d("2019-06-30")), 30);
  });
});

describe("normUseInMonth", () => {
  const premise = { residents: 2, areaM2: "50.00" };
  test("a whole month under one norm is normUse", () => {
    assert.equal(normUseInMonth([{ normPerResident: 3600n, days: 30 }], 30, premise), 7200n);
    assert.equal(normUseInMonth([{ normPerM2: "0.0168", days: 31 }], 31, premise), 840n);
  });

  test("a norm that changes mid-month is prorated by days, rounded once", () => {
    // 3.6 m³ for 15 days and 4.0 m³ for 16 days, 2 residents: (7.2 × 15 + 8.0 × 16) / 31 = 7.6129… → 7.613.
    const parts = [
      { normPerResident: 3600n, days: 15 },
      { normPerResident: 4000n, days: 16 },
    ];
    assert.equal(normUseInMonth(parts, 31, premise), 7613n);
  });

  test("heating from 15 October: 17 of 31 days of 0.84 Gcal = 0.460645… → 0.461", () => {
    assert.equal(normUseInMonth([{ normPerM2: "0.0168", days: 17 }], 31, premise), 461n);
    assert.equal(normUseInMonth([{ normPerM2: "0.0168", days: 0 }], 31, premise), 0n);
  });

  test("no part with a norm: null; days out of range refused", () => {
    assert.equal(normUseInMonth([{ days: 31 }], 31, premise), null);
    assert.throws(() => normUseInMonth([{ normPerResident: 1n, days: 32 }], 31, premise), /days/);
  });

  test("property: summing over parts that share one norm equals the norm for their days together", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 30 }), fc.nat(9), (norm, split, residents) => {
        const p = { residents, areaM2: "0" };
        const one = normUseInMonth([{ normPerResident: BigInt(norm), days: 31 }], 31, p);
        const two = normUseInMonth(
          [
            { normPerResident: BigInt(norm), days: split },
            { normPerResident: BigInt(norm), days: 31 - split },
          ],
          31,
          p,
        );
        assert.equal(two, one);
      }),
    );
  });
});
