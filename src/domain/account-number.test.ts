import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  isValidAccountNumber,
  normalizeAccountNumber,
  paddedAccountKey,
  zeroPaddedWidth,
} from "./account-number.ts";

const n = normalizeAccountNumber;

describe("normalizeAccountNumber", () => {
  test("separators and spaces do not matter", () => {
    assert.equal(n("12-345/67"), "1234567");
    assert.equal(n("1234567"), "1234567");
    assert.equal(n(" 12 345 67 "), "1234567");
    assert.equal(n("12.345.67"), "1234567");
    assert.equal(n("12\u00A0345\u202F67"), "1234567");
    assert.equal(n("№ 1234567"), "1234567");
    assert.equal(n("o'1234"), "O1234");
    assert.equal(n("oʼ1234"), "O1234");
    assert.equal(n("o’1234"), "O1234");
  });
  test("case does not matter", () => {
    assert.equal(n("ab123"), n("AB123"));
    assert.equal(n("ab123"), "AB123");
    assert.equal(n("жк-15"), "ЖK15");
  });
  test("Cyrillic look-alikes equal Latin letters", () => {
    assert.equal(n("АВ123"), "AB123"); // Cyrillic А, В
    assert.equal(n("АВ123"), n("AB123"));
    assert.equal(n("авекмнорстхі"), "ABEKMHOPCTXI");
    assert.equal(n("АВЕКМНОРСТХІ"), "ABEKMHOPCTXI");
    // Every kept character is Latin now: no Cyrillic code point remains
    assert.doesNotMatch(n("АВЕКМНОРСТХІ"), /\p{Script=Cyrillic}/u);
  });
  test("letters without a Latin twin stay Cyrillic", () => {
    assert.equal(n("У1"), "У1");
    assert.notEqual(n("У1"), n("Y1"));
    assert.equal(n("ї-5"), "Ї5");
    assert.equal(n("є/5"), "Є5");
    assert.equal(n("ґ5"), "Ґ5");
    assert.equal(n("й5"), "Й5");
    assert.equal(n("и\u03065"), "Й5"); // decomposed й composes, keeping its breve
  });
  test("compatibility forms fold (NFKC)", () => {
    assert.equal(n("１２３ＡＢ"), "123AB"); // full-width
    assert.equal(n("①2"), "12");
  });
  test("nothing usable gives an empty string", () => {
    assert.equal(n(""), "");
    assert.equal(n("  - / . "), "");
    assert.equal(n("№"), "");
  });
  test("property: idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => {
        assert.equal(n(n(s)), n(s));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."АВЕКМНОРСТХІУЇЄаві0123456789-/. №'ʼ"), maxLength: 20 }),
        (s) => {
          assert.equal(n(n(s)), n(s));
          assert.match(n(s), /^[A-Z0-9ЖУЇЄ]*$/u);
        },
      ),
    );
  });
  test("property: separators inserted anywhere do not change the key", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789ABCКМНрс"), minLength: 1, maxLength: 15 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(" ", "-", "/", ".", "\u00A0"))),
        (s, inserts) => {
          let t = s;
          for (const [at, sep] of inserts) {
            const i = at % (t.length + 1);
            t = t.slice(0, i) + sep + t.slice(i);
          }
          assert.equal(n(t), n(s));
        },
      ),
    );
  });
});

describe("isValidAccountNumber", () => {
  test("accepts printed forms", () => {
    for (const ok of [
      "1234567",
      "12-345/67",
      " 12 345 67 ",
      "АВ-123.4",
      "ab/12",
      "7",
      "12\u00A0345",
      "1".repeat(40),
    ]) {
      assert.equal(isValidAccountNumber(ok), true, ok);
    }
  });
  test("rejects", () => {
    for (const bad of [
      "",
      "   ",
      "ABC", // no digit
      "--/", // no digit
      "1".repeat(41),
      "12#34",
      "12_34",
      "12,34",
      "№123",
      "o'123",
      "12\t34",
      "12\n34",
      "12+34",
      "１２３", // full-width digits are not 0-9
    ]) {
      assert.equal(isValidAccountNumber(bad), false, JSON.stringify(bad));
    }
  });
  test("length counts characters after trimming", () => {
    assert.equal(isValidAccountNumber(`  ${"1".repeat(40)}  `), true);
    assert.equal(isValidAccountNumber("Ж".repeat(39) + "1"), true);
  });
  test("property: a valid number always has a non-empty key", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789АВЖУabc -/."), maxLength: 40 }), (s) => {
        if (isValidAccountNumber(s)) assert.match(n(s), /[0-9]/);
      }),
    );
  });
});

describe("zero-padded account numbers", () => {
  test("a provider's width is known only when every number is digits of one length", () => {
    assert.equal(zeroPaddedWidth({ count: 3, minLength: 10, maxLength: 10, allDigits: true }), 10);
    assert.equal(zeroPaddedWidth({ count: 3, minLength: 9, maxLength: 10, allDigits: true }), null);
    assert.equal(zeroPaddedWidth({ count: 3, minLength: 10, maxLength: 10, allDigits: false }), null);
    assert.equal(zeroPaddedWidth({ count: 0, minLength: 0, maxLength: 0, allDigits: true }), null);
  });

  test("a number written without its leading zeros (or with too many) finds the padded one", () => {
    assert.equal(paddedAccountKey("451", 10), "0000000451");
    assert.equal(paddedAccountKey("0451", 10), "0000000451");
    assert.equal(paddedAccountKey("000000000451", 10), "0000000451");
    assert.equal(paddedAccountKey("0000000451", 10), "0000000451");
    assert.equal(
      paddedAccountKey("12345678901", 10),
      "12345678901",
      "more digits than the width: as written",
    );
    assert.equal(paddedAccountKey("AB451", 10), "AB451");
    assert.equal(paddedAccountKey("451", null), "451", "a provider without fixed-width digits");
  });
});
