import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  addKop,
  allocateKop,
  applyCoefficient,
  formatUah,
  type Kopiykas,
  kop,
  kopFromBigInt,
  MoneyFormatError,
  multiplyToKop,
  negKop,
  parseUah,
  subKop,
  sumKop,
  uahString,
  ZERO_KOP,
} from "./money.ts";

const MAX = Number.MAX_SAFE_INTEGER;

describe("kop", () => {
  test("accepts safe integers", () => {
    assert.equal(kop(0), 0);
    assert.equal(kop(123456), 123456);
    assert.equal(kop(-5), -5);
    assert.equal(kop(MAX), MAX);
    assert.equal(kop(-MAX), -MAX);
    assert.equal(ZERO_KOP, 0);
  });
  test("rejects fractions, non-finite and unsafe values", () => {
    for (const bad of [0.5, 12.3, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1, -MAX - 1, 2 ** 60]) {
      assert.throws(() => kop(bad), RangeError, String(bad));
    }
  });
  test("normalizes -0 to 0", () => {
    assert.ok(Object.is(kop(-0), 0));
  });
});

describe("kopFromBigInt", () => {
  test("range checked", () => {
    assert.equal(kopFromBigInt(12n), 12);
    assert.equal(kopFromBigInt(BigInt(MAX)), MAX);
    assert.throws(() => kopFromBigInt(BigInt(MAX) + 1n), RangeError);
    assert.throws(() => kopFromBigInt(-BigInt(MAX) - 1n), RangeError);
  });
});

describe("arithmetic", () => {
  test("addKop / subKop / negKop / sumKop", () => {
    assert.equal(addKop(), 0);
    assert.equal(addKop(kop(1), kop(2), kop(3)), 6);
    assert.equal(subKop(kop(100), kop(250)), -150);
    assert.equal(negKop(kop(5)), -5);
    assert.ok(Object.is(negKop(kop(0)), 0));
    function* gen(): Generator<Kopiykas> {
      yield kop(10);
      yield kop(-3);
      yield kop(20);
    }
    assert.equal(sumKop(gen()), 27);
    assert.equal(sumKop([]), 0);
  });
  test("overflow beyond the safe range throws instead of losing kopiykas", () => {
    assert.throws(() => addKop(kop(MAX), kop(1)), RangeError);
    assert.throws(() => subKop(kop(-MAX), kop(1)), RangeError);
    assert.throws(() => sumKop([kop(MAX), kop(MAX), kop(-MAX)]), RangeError);
  });
  test("rejects unbranded floats smuggled in", () => {
    assert.throws(() => addKop(kop(1), 0.5 as Kopiykas), RangeError);
    assert.throws(() => negKop(0.1 as Kopiykas), RangeError);
  });
});

describe("parseUah", () => {
  const cases: Array<[string, number]> = [
    ["12", 1200],
    ["12.3", 1230],
    ["12,30", 1230],
    ["12,3", 1230],
    ["0.05", 5],
    ["0", 0],
    ["-0", 0],
    ["-12.34", -1234],
    ["1 234,56", 123456],
    ["1 234.56", 123456],
    ["1\u00A0234,56", 123456],
    ["1\u202F234,56", 123456],
    ["1 234 567", 123456700],
    ["1234567,89", 123456789],
    ["  7,5  ", 750],
    ["-1 000", -100000],
  ];
  for (const [text, expected] of cases) {
    test(`${JSON.stringify(text)} → ${expected}`, () => {
      assert.equal(parseUah(text), expected);
    });
  }
  test("rejects malformed amounts", () => {
    for (const bad of [
      "",
      "-",
      "12.345",
      "12,",
      ",5",
      "1,234.56",
      "12 34",
      "1 2345",
      "1  234",
      "+12",
      "12 грн",
      "1e3",
      "--1",
      "12.3.4",
      "90071992547409.92",
    ]) {
      assert.throws(() => parseUah(bad), MoneyFormatError, bad);
    }
  });
  test("error carries the input", () => {
    assert.throws(
      () => parseUah("12.345"),
      (e: unknown) => e instanceof MoneyFormatError && e.input === "12.345",
    );
  });
});

describe("formatUah", () => {
  const N = "\u00A0";
  test("uk and ru", () => {
    assert.equal(formatUah(kop(123456), "uk"), `1${N}234,56${N}грн`);
    assert.equal(formatUah(kop(123456), "ru"), `1${N}234,56${N}грн`);
    assert.equal(formatUah(kop(0), "uk"), `0,00${N}грн`);
    assert.equal(formatUah(kop(5), "uk"), `0,05${N}грн`);
    assert.equal(formatUah(kop(100000000), "uk"), `1${N}000${N}000,00${N}грн`);
    assert.equal(formatUah(kop(-123456), "uk"), `-1${N}234,56${N}грн`);
    assert.equal(formatUah(kop(-5), "ru"), `-0,05${N}грн`);
  });
  test("en", () => {
    assert.equal(formatUah(kop(123456), "en"), `UAH${N}1,234.56`);
    assert.equal(formatUah(kop(99), "en"), `UAH${N}0.99`);
    assert.equal(formatUah(kop(-123456), "en"), `-UAH${N}1,234.56`);
  });
  test("property: uk text parses back once the currency is removed", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => {
        const text = formatUah(kop(n), "uk");
        assert.equal(parseUah(text.replace(`${N}грн`, "")), n);
      }),
    );
  });
});

describe("uahString", () => {
  test("plain dot decimal", () => {
    assert.equal(uahString(kop(123456)), "1234.56");
    assert.equal(uahString(kop(100)), "1.00");
    assert.equal(uahString(kop(0)), "0.00");
    assert.equal(uahString(kop(-5)), "-0.05");
    assert.equal(uahString(kop(MAX)), "90071992547409.91");
  });
  test("property: parseUah(uahString(x)) = x", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        assert.equal(parseUah(uahString(kop(n))), n);
      }),
    );
  });
});

describe("multiplyToKop", () => {
  test("2019 electricity tiers", () => {
    assert.equal(multiplyToKop(100_000n, "0.90"), 9000); // 100 kWh × 0.90
    assert.equal(multiplyToKop(150_000n, "1.68"), 25200); // 150 kWh × 1.68
    assert.equal(multiplyToKop(100_000n, "0,90"), 9000);
  });
  test("rounds half away from zero to the kopiyka", () => {
    assert.equal(multiplyToKop(12_345n, "17.364"), 21436); // 214.35858 UAH
    assert.equal(multiplyToKop(1n, "5"), 1); // 0.5 kop
    assert.equal(multiplyToKop(-1n, "5"), -1);
    assert.equal(multiplyToKop(1n, "4.999999"), 0); // 0.4999999 kop
    assert.equal(multiplyToKop(3n, "1.666667"), 1); // 0.5000001 kop
    assert.equal(multiplyToKop(0n, "1.68"), 0);
    assert.equal(multiplyToKop(1_000n, "-0.01"), -1);
  });
  test("float arithmetic would get these wrong", () => {
    // 1.005 UAH × 1 unit: 1.005 * 100 in floats is 100.49999999999999.
    assert.equal(multiplyToKop(1_000n, "1.005"), 101);
    assert.equal(multiplyToKop(3_000n, "0.1"), 30);
  });
  test("rejects bad prices and overflow", () => {
    for (const bad of ["", "abc", "1.1234567", "1 000", "1e3", "0x10"]) {
      assert.throws(() => multiplyToKop(1n, bad), MoneyFormatError, bad);
    }
    assert.throws(() => multiplyToKop(10n ** 20n, "1000"), RangeError);
  });
  test("property: whole units at a kopiyka price are exact", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -1_000_000_000n, max: 1_000_000_000n }),
        fc.integer({ min: 0, max: 10_000_00 }),
        (units, priceKop) => {
          const price = uahString(kop(priceKop));
          assert.equal(multiplyToKop(units * 1000n, price), kop(Number(units) * priceKop));
          assert.equal(multiplyToKop(-units * 1000n, price), kop(-Number(units) * priceKop));
        },
      ),
    );
  });
});

describe("applyCoefficient", () => {
  test("zone coefficients", () => {
    assert.equal(applyCoefficient(kop(1000), "0.5"), 500);
    assert.equal(applyCoefficient(kop(1001), "0.5"), 501);
    assert.equal(applyCoefficient(kop(-1001), "0.5"), -501);
    assert.equal(applyCoefficient(kop(1000), "1.5"), 1500);
    assert.equal(applyCoefficient(kop(333), "0.4"), 133);
    assert.equal(applyCoefficient(kop(1234), "1"), 1234);
    assert.equal(applyCoefficient(kop(1), "0.499999"), 0);
    assert.equal(applyCoefficient(kop(1), "0,5"), 1);
  });
  test("rejects bad coefficients", () => {
    for (const bad of ["", "half", "0.1234567", "1/2"]) {
      assert.throws(() => applyCoefficient(kop(1), bad), MoneyFormatError, bad);
    }
  });
});

describe("allocateKop", () => {
  test("largest remainder, ties to the earlier index", () => {
    assert.deepEqual(allocateKop(kop(100), [1, 1, 1]), [34, 33, 33]);
    assert.deepEqual(allocateKop(kop(101), [1, 1, 1]), [34, 34, 33]);
    assert.deepEqual(allocateKop(kop(-100), [1, 1, 1]), [-34, -33, -33]);
    assert.deepEqual(allocateKop(kop(1000), [10, 21]), [323, 677]);
    assert.deepEqual(allocateKop(kop(1000), [10n, 21n]), [323, 677]);
    // shares 10/7, 15/7, 10/7: floors 1, 2, 1, remainders 3, 1, 3 → the tie goes to index 0
    assert.deepEqual(allocateKop(kop(5), [2, 3, 2]), [2, 2, 1]);
    // shares 5/3, 10/3: remainders 2, 1 → index 0
    assert.deepEqual(allocateKop(kop(5), [1, 2]), [2, 3]);
  });
  test("prorates a monthly charge over the days of a 30-day month", () => {
    const parts = allocateKop(
      kop(10000),
      Array.from({ length: 30 }, () => 1),
    );
    assert.equal(parts.length, 30);
    assert.equal(
      parts.reduce((a, b) => a + b, 0),
      10000,
    );
    assert.deepEqual(
      [...new Set(parts)].sort((a, b) => a - b),
      [333, 334],
    );
  });
  test("zero weights and zero totals", () => {
    assert.deepEqual(allocateKop(kop(7), [0, 5, 0]), [0, 7, 0]);
    assert.deepEqual(allocateKop(kop(0), [0, 0]), [0, 0]);
    assert.deepEqual(allocateKop(kop(0), [1, 2]), [0, 0]);
    assert.ok(allocateKop(kop(0), [1]).every((x) => Object.is(x, 0)));
  });
  test("rejects impossible splits", () => {
    assert.throws(() => allocateKop(kop(5), []), RangeError);
    assert.throws(() => allocateKop(kop(5), [0, 0]), RangeError);
    assert.throws(() => allocateKop(kop(5), [1, -1]), RangeError);
    assert.throws(() => allocateKop(kop(5), [0.5, 1]), RangeError);
    assert.throws(() => allocateKop(kop(5), [-1n, 2n]), RangeError);
  });
  test("property: parts sum to the total and each is floor or ceil of its share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocateKop(kop(total), weights);
          assert.equal(parts.length, weights.length);
          assert.equal(
            parts.reduce((a, b) => a + b, 0),
            total,
          );
          const W = BigInt(weights.reduce((a, b) => a + b, 0));
          parts.forEach((part, i) => {
            const exactTimesW = BigInt(total) * BigInt(weights[i] ?? 0);
            // |part·W − total·w| < W  ⇔  part is within one kopiyka of the exact share
            const diff = BigInt(part) * W - exactTimesW;
            assert.ok((diff < 0n ? -diff : diff) < W);
            if (weights[i] === 0) assert.equal(part, 0);
          });
        },
      ),
    );
  });
});
