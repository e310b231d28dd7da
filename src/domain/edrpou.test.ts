import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { edrpouCheckDigit, isValidEdrpou } from "./edrpou.ts";

// Published codes, each checked by hand against the algorithm in edrpou.ts:
const PUBLISHED = [
  "00032129", // Oschadbank: weights 1..7 → 42 mod 11 = 9
  "00032106", // National Bank of Ukraine
  "14360570", // PrivatBank: 121 mod 11 = 0
  "21133352", // Universal Bank (monobank): 87 mod 11 = 10 → weights 3..9: 123 mod 11 = 2
  "31316718", // Nova Poshta: 30M..60M, weights 7,1,2,3,4,5,6 → 96 mod 11 = 8
];

describe("isValidEdrpou", () => {
  test("published codes are valid", () => {
    for (const code of PUBLISHED) assert.equal(isValidEdrpou(code), true, code);
  });
  test("second pass (+2 weights) in every range, and 10 twice → 0", () => {
    assert.equal(isValidEdrpou("10000062"), true); // low range, second pass gives 2
    assert.equal(isValidEdrpou("10000640"), true); // low range, 10 both times → 0
    assert.equal(isValidEdrpou("31000093"), true); // middle range, second pass gives 3
    assert.equal(isValidEdrpou("31001890"), true); // middle range, 10 both times → 0
    assert.equal(isValidEdrpou("61000051"), true); // high range uses weights 1..7 again
    assert.equal(isValidEdrpou("61000400"), true);
  });
  test("weight sets switch at 30000000 and 60000000", () => {
    // 2999999x uses 1..7: 2+18+27+36+45+54+63 = 245 mod 11 = 3
    assert.equal(isValidEdrpou("29999993"), true);
    // 3000000x uses 7,1,2,...: 21 mod 11 = 10 → 9,3,4,...: 27 mod 11 = 5
    assert.equal(isValidEdrpou("30000005"), true);
    // 6000000x above 60000000 uses 1..7: 6 mod 11 = 6
    assert.equal(isValidEdrpou("60000006"), true);
    assert.equal(isValidEdrpou("60000000"), false);
  });
  test("altered digits are caught", () => {
    assert.equal(isValidEdrpou("00032128"), false);
    assert.equal(isValidEdrpou("14360571"), false);
    assert.equal(isValidEdrpou("14360507"), false); // transposed
    assert.equal(isValidEdrpou("41360570"), false); // transposed
    assert.equal(isValidEdrpou("21133353"), false);
    assert.equal(isValidEdrpou("31316717"), false);
  });
  test("property: a wrong check digit is always caught", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1, max: 9 }), (n, delta) => {
        const code = String(n).padStart(8, "0");
        const other = code.slice(0, 7) + ((Number(code[7]) + delta) % 10);
        assert.ok(!(isValidEdrpou(code) && isValidEdrpou(other)));
      }),
    );
  });
  test("the algorithm does not catch every single-digit error", () => {
    // 21133352 gets its check digit from the second pass (2); 28133352 gets 2 from the
    // first pass. Both are valid: a check digit narrows typos down, it does not prove a code.
    assert.equal(isValidEdrpou("28133352"), true);
  });
  test("format", () => {
    for (const bad of ["", "0003212", "000321290", "0003212a", " 00032129", "0003 2129", "-0032129"]) {
      assert.equal(isValidEdrpou(bad), false, bad);
    }
  });
});

describe("edrpouCheckDigit", () => {
  test("completes published codes", () => {
    for (const code of PUBLISHED) assert.equal(edrpouCheckDigit(code.slice(0, 7)), Number(code[7]), code);
    assert.equal(edrpouCheckDigit("1000064"), 0);
    assert.equal(edrpouCheckDigit("6000000"), 6);
    assert.equal(edrpouCheckDigit("3000000"), 5);
  });
  test("property: appending the check digit gives a valid code", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (n) => {
        const first7 = String(n).padStart(7, "0");
        assert.equal(isValidEdrpou(first7 + edrpouCheckDigit(first7)), true);
      }),
    );
  });
  test("rejects anything but 7 digits", () => {
    for (const bad of ["", "123456", "12345678", "123456a"]) {
      assert.throws(() => edrpouCheckDigit(bad), RangeError, bad);
    }
  });
});
