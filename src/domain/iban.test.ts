import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { formatIban, isValidUaIban, makeUaIban, normalizeIban } from "./iban.ts";

// The example Ukrainian IBAN from the SWIFT IBAN registry.
const REGISTRY_EXAMPLE = "UA213223130000026007233566001";

/** Independent ISO 13616 check: move the first 4 chars to the end, letters → numbers, mod 97 = 1. */
function mod97ok(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  const digits = [...moved].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join("");
  return BigInt(digits) % 97n === 1n;
}

describe("isValidUaIban", () => {
  test("accepts the registry example", () => {
    assert.equal(isValidUaIban(REGISTRY_EXAMPLE), true);
    assert.equal(mod97ok(REGISTRY_EXAMPLE), true);
  });
  test("rejects wrong checksums, lengths, countries and non-electronic forms", () => {
    for (const bad of [
      "UA223223130000026007233566001", // check digits altered
      "UA213223130000026007233566002", // account altered
      "UA213223130000026007233566", // short
      "UA2132231300000260072335660011", // long
      "DE89370400440532013000", // valid, but German
      "ua213223130000026007233566001", // lower case
      "UA21 3223 1300 0002 6007 2335 6600 1", // grouped
      "",
    ]) {
      assert.equal(isValidUaIban(bad), false, bad);
    }
  });
});

describe("normalizeIban / formatIban", () => {
  test("electronic and print forms", () => {
    assert.equal(normalizeIban(" ua21 3223\u00A01300-0002 6007 2335 6600 1 "), REGISTRY_EXAMPLE);
    assert.equal(formatIban(REGISTRY_EXAMPLE), "UA21 3223 1300 0002 6007 2335 6600 1");
    assert.equal(formatIban("ua21 32231300 00026007233566001"), "UA21 3223 1300 0002 6007 2335 6600 1");
    assert.equal(isValidUaIban(normalizeIban(formatIban(REGISTRY_EXAMPLE))), true);
  });
});

describe("makeUaIban", () => {
  test("reproduces the registry example", () => {
    assert.equal(makeUaIban("322313", "0000026007233566001"), REGISTRY_EXAMPLE);
    assert.equal(makeUaIban("322313", "26007233566001"), REGISTRY_EXAMPLE);
  });
  test("rejects bad parts", () => {
    assert.throws(() => makeUaIban("32231", "1"), RangeError);
    assert.throws(() => makeUaIban("32231a", "1"), RangeError);
    assert.throws(() => makeUaIban("322313", ""), RangeError);
    assert.throws(() => makeUaIban("322313", "1".repeat(20)), RangeError);
    assert.throws(() => makeUaIban("322313", "2600-1"), RangeError);
  });
  test("property: every composed IBAN is valid and passes an independent mod-97 check", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^[0-9A-Z]{1,19}$/), (mfo, account) => {
        const iban = makeUaIban(mfo, account);
        assert.equal(iban.length, 29);
        assert.ok(iban.startsWith("UA"));
        assert.equal(iban.slice(4, 10), mfo);
        assert.equal(isValidUaIban(iban), true);
        assert.equal(mod97ok(iban), true);
      }),
    );
  });
});
