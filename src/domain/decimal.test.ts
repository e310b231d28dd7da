import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  divRoundHalfAwayFromZero,
  formatScaledDecimal,
  groupDigits,
  parseScaledDecimal,
  rescale,
} from "./decimal.ts";

describe("parseScaledDecimal", () => {
  test("scales exactly", () => {
    assert.equal(parseScaledDecimal("0.90", 6), 900_000n);
    assert.equal(parseScaledDecimal("1.68", 6), 1_680_000n);
    assert.equal(parseScaledDecimal("17.364", 6), 17_364_000n);
    assert.equal(parseScaledDecimal("12", 2), 1200n);
    assert.equal(parseScaledDecimal("12,3", 2), 1230n);
    assert.equal(parseScaledDecimal("-0.001", 3), -1n);
    assert.equal(parseScaledDecimal("007", 0), 7n);
    assert.equal(parseScaledDecimal("99999999999999999999.99", 2), 9_999_999_999_999_999_999_999n);
  });
  test("respects maxDecimals", () => {
    assert.equal(parseScaledDecimal("1.5", 3, 0), null);
    assert.equal(parseScaledDecimal("1.55", 3, 1), null);
    assert.equal(parseScaledDecimal("1.5", 3, 1), 1500n);
    assert.equal(parseScaledDecimal("1.1234567", 6), null);
  });
  test("rejects malformed text", () => {
    for (const bad of ["", "-", "1.", ".5", "+1", "1e3", "1 000", "1.2.3", " 1", "1,000.5", "NaN", "--1"]) {
      assert.equal(parseScaledDecimal(bad, 3), null, bad);
    }
  });
  test("rejects bad scale arguments", () => {
    assert.throws(() => parseScaledDecimal("1", -1), RangeError);
    assert.throws(() => parseScaledDecimal("1", 2, 3), RangeError);
  });
});

describe("divRoundHalfAwayFromZero", () => {
  test("half cases go away from zero", () => {
    assert.equal(divRoundHalfAwayFromZero(5n, 10n), 1n);
    assert.equal(divRoundHalfAwayFromZero(-5n, 10n), -1n);
    assert.equal(divRoundHalfAwayFromZero(5n, -10n), -1n);
    assert.equal(divRoundHalfAwayFromZero(-5n, -10n), 1n);
    assert.equal(divRoundHalfAwayFromZero(15n, 10n), 2n);
    assert.equal(divRoundHalfAwayFromZero(25n, 10n), 3n);
  });
  test("non-half cases go to nearest", () => {
    assert.equal(divRoundHalfAwayFromZero(4n, 10n), 0n);
    assert.equal(divRoundHalfAwayFromZero(-4n, 10n), 0n);
    assert.equal(divRoundHalfAwayFromZero(6n, 10n), 1n);
    assert.equal(divRoundHalfAwayFromZero(-6n, 10n), -1n);
    assert.equal(divRoundHalfAwayFromZero(1n, 3n), 0n);
    assert.equal(divRoundHalfAwayFromZero(2n, 3n), 1n);
    assert.equal(divRoundHalfAwayFromZero(0n, 7n), 0n);
  });
  test("division by zero throws", () => {
    assert.throws(() => divRoundHalfAwayFromZero(1n, 0n), RangeError);
  });
  test("property: |n - q·d| ≤ |d|/2 and symmetric in sign", () => {
    fc.assert(
      fc.property(
        fc.bigInt(),
        fc.bigInt().filter((d) => d !== 0n),
        (n, d) => {
          const q = divRoundHalfAwayFromZero(n, d);
          const err = n - q * d;
          const absErr = err < 0n ? -err : err;
          const absD = d < 0n ? -d : d;
          assert.ok(2n * absErr <= absD);
          assert.equal(divRoundHalfAwayFromZero(-n, d), -q);
        },
      ),
    );
  });
});

describe("rescale", () => {
  test("up and down", () => {
    assert.equal(rescale(123n, 1, 3), 12300n);
    assert.equal(rescale(12345n, 3, 1), 123n);
    assert.equal(rescale(12350n, 3, 1), 124n);
    assert.equal(rescale(-12350n, 3, 1), -124n);
    assert.equal(rescale(7n, 2, 2), 7n);
  });
});

describe("groupDigits", () => {
  test("groups of three from the right", () => {
    assert.equal(groupDigits("1", ","), "1");
    assert.equal(groupDigits("123", ","), "123");
    assert.equal(groupDigits("1234", ","), "1,234");
    assert.equal(groupDigits("1234567", " "), "1 234 567");
    assert.equal(groupDigits("123456", ","), "123,456");
  });
  test("only digits", () => {
    assert.throws(() => groupDigits("-12", ","), RangeError);
    assert.throws(() => groupDigits("", ","), RangeError);
  });
});

describe("formatScaledDecimal", () => {
  test("pads and signs", () => {
    const f = { decimalSeparator: "." };
    assert.equal(formatScaledDecimal(123456n, 2, f), "1234.56");
    assert.equal(formatScaledDecimal(5n, 2, f), "0.05");
    assert.equal(formatScaledDecimal(-5n, 3, f), "-0.005");
    assert.equal(formatScaledDecimal(0n, 3, f), "0.000");
    assert.equal(formatScaledDecimal(42n, 0, f), "42");
    assert.equal(
      formatScaledDecimal(-123456789n, 2, { decimalSeparator: ",", groupSeparator: " ", minus: "−" }),
      "−1 234 567,89",
    );
  });
  test("property: parse(format(x)) = x", () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.integer({ min: 0, max: 6 }), (x, scale) => {
        assert.equal(parseScaledDecimal(formatScaledDecimal(x, scale, { decimalSeparator: "." }), scale), x);
      }),
    );
  });
});
