import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { inHeatingSeason, normPerM2InMonth, normUse } from "./norms.ts";

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

describe("inHeatingSeason", () => {
  test("October to April are heated, May to September are not", () => {
    assert.deepEqual(
      ["2019-01", "2019-04", "2019-05", "2019-09", "2019-10", "2019-12"].map(inHeatingSeason),
      [true, true, false, false, true, true],
    );
  });
});

describe("normPerM2InMonth", () => {
  test("heating's norm is zero from May to September; other norms and months are as set", () => {
    assert.equal(normPerM2InMonth("heating", "2019-06", "0.01680"), "0");
    assert.equal(normPerM2InMonth("heating", "2019-11", "0.01680"), "0.01680");
    assert.equal(normPerM2InMonth("hot_water", "2019-06", "0.5"), "0.5");
    assert.equal(normPerM2InMonth("heating", "2019-06", null), null);
  });
});
