import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { formatReceipt, isReceipt, normalizeReceipt } from "./receipt.ts";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

describe("formatReceipt", () => {
  test("40 bits, big-endian, 5 bits per character", () => {
    assert.equal(formatReceipt(new Uint8Array([0, 0, 0, 0, 0])), "0000-0000");
    assert.equal(formatReceipt(new Uint8Array([255, 255, 255, 255, 255])), "ZZZZ-ZZZZ");
    assert.equal(formatReceipt(new Uint8Array([0, 0, 0, 0, 1])), "0000-0001");
    assert.equal(formatReceipt(new Uint8Array([0, 0, 0, 0, 31])), "0000-000Z");
    assert.equal(formatReceipt(new Uint8Array([0, 0, 0, 0, 32])), "0000-0010");
    assert.equal(formatReceipt(new Uint8Array([0x80, 0, 0, 0, 0])), "G000-0000");
    // 0x0123456789 in 5-bit groups: 0 4 17 20 10 25 28 9
    assert.equal(formatReceipt(new Uint8Array([0x01, 0x23, 0x45, 0x67, 0x89])), "04HM-ASW9");
  });

  test("uses only the first 5 bytes", () => {
    assert.equal(
      formatReceipt(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])),
      formatReceipt(new Uint8Array([1, 2, 3, 4, 5])),
    );
  });

  test("refuses too little randomness", () => {
    assert.throws(() => formatReceipt(new Uint8Array(4)), RangeError);
    assert.throws(() => formatReceipt(new Uint8Array(0)), RangeError);
  });

  test("property: distinct 40-bit inputs give distinct receipts (a bijection)", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 5, maxLength: 5 }),
        fc.uint8Array({ minLength: 5, maxLength: 5 }),
        (a, b) => {
          assert.equal(
            formatReceipt(a) === formatReceipt(b),
            a.every((x, i) => x === b[i]),
          );
        },
      ),
    );
  });

  test("property: canonical form from the Crockford alphabet", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 12 }), (bytes) => {
        const r = formatReceipt(bytes);
        assert.match(r, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        for (const ch of r.replace("-", "")) assert.ok(CROCKFORD.includes(ch), ch);
        assert.ok(isReceipt(r));
      }),
    );
  });
});

describe("normalizeReceipt", () => {
  test("case, spaces and dashes", () => {
    assert.equal(normalizeReceipt("ab12-cd34"), "AB12-CD34");
    assert.equal(normalizeReceipt("AB12CD34"), "AB12-CD34");
    assert.equal(normalizeReceipt(" ab 12 cd 34 "), "AB12-CD34");
    assert.equal(normalizeReceipt("AB-12-CD-34"), "AB12-CD34");
    assert.equal(normalizeReceipt("AB12\u2013CD34"), "AB12-CD34"); // en dash from autocorrect
    assert.equal(normalizeReceipt("AB12\u00A0CD34"), "AB12-CD34");
  });

  test("Crockford's aliases: I and L are 1, O is 0", () => {
    assert.equal(normalizeReceipt("ilo0-IL1O"), "1100-1110");
  });

  test("Cyrillic look-alikes from a Ukrainian keyboard", () => {
    // А В Е К М Н Р С Т Х in Cyrillic, о and і too.
    assert.equal(normalizeReceipt("АВЕК-МНРС"), "ABEK-MHPC");
    assert.equal(normalizeReceipt("тх0о-і123"), "TX00-1123");
  });

  test("full-width characters", () => {
    assert.equal(normalizeReceipt("ＡＢ１２－ＣＤ３４"), "AB12-CD34");
  });

  test("null for anything else", () => {
    for (const bad of [
      "",
      "AB12-CD3",
      "AB12-CD345",
      "AB12-CDU4", // U is not in the alphabet
      "AB12-CD3Ж",
      "AB12.CD34",
      "AB12/CD34",
      "AB12_CD34",
      "AB12-CD34!",
      "Є B12-CD34",
    ]) {
      assert.equal(normalizeReceipt(bad), null, bad);
    }
  });

  test("property: round trip through what people type", () => {
    const noise = fc.constantFrom("", " ", "-", "\u00A0", " - ");
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 5, maxLength: 5 }),
        fc.array(fc.tuple(fc.boolean(), noise), { minLength: 9, maxLength: 9 }),
        (bytes, choices) => {
          const r = formatReceipt(bytes);
          const chars = [...r.replace("-", "")];
          let typed: string = choices[8]![1];
          chars.forEach((ch, i) => {
            const [lower, sep] = choices[i]!;
            typed += (lower ? ch.toLowerCase() : ch) + sep;
          });
          // Crockford's aliases may stand in for 1 and 0.
          typed = typed
            .replace(/1/g, (one, at: number) => (at % 2 ? "l" : one))
            .replace(/0/g, (z, at: number) => (at % 3 ? "O" : z));
          assert.equal(normalizeReceipt(typed), r, typed);
          assert.equal(normalizeReceipt(r), r);
        },
      ),
    );
  });

  test("property: the result is null or canonical, and normalizing again changes nothing", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789ABHJKLIOUZabilouАВЕОоіЖ -–."), maxLength: 12 }),
        (s) => {
          const n = normalizeReceipt(s);
          if (n === null) return;
          assert.ok(isReceipt(n));
          assert.equal(normalizeReceipt(n), n);
        },
      ),
    );
  });
});

describe("isReceipt", () => {
  test("only the canonical form", () => {
    assert.equal(isReceipt("AB12-CD34"), true);
    assert.equal(isReceipt("0000-ZZZZ"), true);
    for (const bad of [
      "ab12-cd34",
      "AB12CD34",
      "AB12-CD3I",
      "AB12-CDL4",
      "AB12-CDO4",
      "AB12-CDU4",
      " AB12-CD34",
      12345678,
      null,
    ]) {
      assert.equal(isReceipt(bad), false, String(bad));
    }
  });
});
