import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  formatQuantity,
  parseQuantity,
  QuantityFormatError,
  quantityFromNumeric,
  quantityToNumeric,
} from "./quantity.ts";

const N = "\u00A0";

describe("parseQuantity", () => {
  test("exact thousandths", () => {
    assert.equal(parseQuantity("12345", 0), 12_345_000n);
    assert.equal(parseQuantity("12345.6", 3), 12_345_600n);
    assert.equal(parseQuantity("12345,678", 3), 12_345_678n);
    assert.equal(parseQuantity("0.001", 3), 1n);
    assert.equal(parseQuantity(" 42 ", 1), 42_000n);
    assert.equal(parseQuantity("-1.5", 1), -1_500n);
    assert.equal(parseQuantity("00123", 0), 123_000n);
    // beyond 2^53: still exact
    assert.equal(parseQuantity("9007199254740993.001", 3), 9_007_199_254_740_993_001n);
  });
  test("too many decimals is an error, not a rounding", () => {
    assert.throws(() => parseQuantity("12.5", 0), QuantityFormatError);
    assert.throws(() => parseQuantity("12.55", 1), QuantityFormatError);
    assert.throws(() => parseQuantity("1.0001", 3), QuantityFormatError);
  });
  test("rejects malformed text", () => {
    for (const bad of ["", "abc", "1 000", "1,000.5", "1e3", ".5", "5.", "+5", "--5"]) {
      assert.throws(() => parseQuantity(bad, 3), QuantityFormatError, bad);
    }
    assert.throws(
      () => parseQuantity("x", 3),
      (e: unknown) => e instanceof QuantityFormatError && e.input === "x",
    );
  });
  test("rejects a bad maxDecimals", () => {
    assert.throws(() => parseQuantity("1", 4), RangeError);
    assert.throws(() => parseQuantity("1", -1), RangeError);
  });
});

describe("formatQuantity", () => {
  test("locales and decimals", () => {
    assert.equal(formatQuantity(12_345_600n, 3, "uk"), `12${N}345,600`);
    assert.equal(formatQuantity(12_345_600n, 3, "ru"), `12${N}345,600`);
    assert.equal(formatQuantity(12_345_600n, 3, "en"), "12,345.600");
    assert.equal(formatQuantity(12_345_600n, 1, "en"), "12,345.6");
    assert.equal(formatQuantity(12_345_000n, 0, "uk"), `12${N}345`);
    assert.equal(formatQuantity(999n, 0, "en"), "1");
    assert.equal(formatQuantity(-1_500n, 0, "en"), "-2");
    assert.equal(formatQuantity(1_499n, 0, "en"), "1");
    assert.equal(formatQuantity(0n, 2, "uk"), "0,00");
  });
  test("rejects a bad decimals count", () => {
    assert.throws(() => formatQuantity(1n, 4, "uk"), RangeError);
  });
});

describe("numeric conversion", () => {
  test("from numeric text", () => {
    assert.equal(quantityFromNumeric("12345.600"), 12_345_600n);
    assert.equal(quantityFromNumeric("12345.6"), 12_345_600n);
    assert.equal(quantityFromNumeric("12345"), 12_345_000n);
    assert.equal(quantityFromNumeric("-0.500"), -500n);
    assert.equal(quantityFromNumeric("1.5000000"), 1_500n);
    assert.equal(quantityFromNumeric("0.000"), 0n);
  });
  test("refuses to drop precision or accept non-numeric text", () => {
    assert.throws(() => quantityFromNumeric("1.0005"), QuantityFormatError);
    for (const bad of ["", "1,5", "NaN", "1e3", " 1", "Infinity"]) {
      assert.throws(() => quantityFromNumeric(bad), QuantityFormatError, bad);
    }
  });
  test("to numeric text", () => {
    assert.equal(quantityToNumeric(12_345_600n), "12345.600");
    assert.equal(quantityToNumeric(0n), "0.000");
    assert.equal(quantityToNumeric(-500n), "-0.500");
    assert.equal(quantityToNumeric(7n), "0.007");
  });
  test("property: numeric round trip", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), (q) => {
        assert.equal(quantityFromNumeric(quantityToNumeric(q)), q);
        assert.equal(parseQuantity(quantityToNumeric(q), 3), q);
      }),
    );
  });
});
