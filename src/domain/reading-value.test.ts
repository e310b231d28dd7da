import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { formatScaledDecimal } from "./decimal.ts";
import { formatQuantity } from "./quantity.ts";
import { assertMeterDial, dialCapacity, type MeterDial, parseReadingValue } from "./reading-value.ts";

const ELECTRICITY: MeterDial = { digits: 5, decimals: 0 };
const ONE_DECIMAL: MeterDial = { digits: 5, decimals: 1 };
const WATER: MeterDial = { digits: 5, decimals: 3 };

function value(text: string, meter: MeterDial): bigint {
  const r = parseReadingValue(text, meter);
  assert.ok(r.ok, `${JSON.stringify(text)} should parse, got ${JSON.stringify(!r.ok && r.error)}`);
  return r.value;
}

function error(text: string, meter: MeterDial): unknown {
  const r = parseReadingValue(text, meter);
  assert.ok(!r.ok, `${JSON.stringify(text)} should be refused, got ${r.ok && r.value}`);
  return r.error;
}

describe("parseReadingValue", () => {
  test("plain, grouped and padded whole numbers", () => {
    assert.equal(value("12345", ELECTRICITY), 12_345_000n);
    assert.equal(value("12 345", ELECTRICITY), 12_345_000n);
    assert.equal(value("12\u00A0345", ELECTRICITY), 12_345_000n);
    assert.equal(value("12\u202F345", ELECTRICITY), 12_345_000n);
    assert.equal(value("00123", ELECTRICITY), 123_000n);
    assert.equal(value("0", ELECTRICITY), 0n);
    assert.equal(value("00000", ELECTRICITY), 0n);
    assert.equal(value("  42\t", ELECTRICITY), 42_000n);
    assert.equal(value("\u00A042\u202F", ELECTRICITY), 42_000n);
    assert.equal(value("1 234 567", { digits: 7, decimals: 0 }), 1_234_567_000n);
  });

  test("either decimal mark", () => {
    assert.equal(value("12345,6", ONE_DECIMAL), 12_345_600n);
    assert.equal(value("12345.6", ONE_DECIMAL), 12_345_600n);
    assert.equal(value("12345.678", WATER), 12_345_678n);
    assert.equal(value("12 345,678", WATER), 12_345_678n);
    assert.equal(value("0,001", WATER), 1n);
    // A comma never groups thousands: "12,345" is twelve and a bit.
    assert.equal(value("12,345", WATER), 12_345n);
  });

  test("trailing zeros beyond the dial are fine", () => {
    assert.equal(value("123,500", ONE_DECIMAL), 123_500n);
    assert.equal(value("123.0", ELECTRICITY), 123_000n);
    assert.equal(value("123,00000", ELECTRICITY), 123_000n);
    assert.equal(value("1.2300000", WATER), 1_230n);
  });

  test("empty", () => {
    for (const t of ["", "   ", "\u00A0", "\t\n"])
      assert.deepEqual(error(t, ELECTRICITY), { code: "reading_empty" });
  });

  test("not a number", () => {
    for (const t of [
      "12345 кВт",
      "12345kWh",
      "abc",
      "12 34",
      "1 2345",
      "12  345",
      "12 345 6",
      "1,234.5",
      "1.234,5",
      "12,3,4",
      "1e3",
      ".5",
      ",5",
      "5.",
      "5,",
      "+5",
      "--5",
      "- 5",
      "12 345,6 7",
      "１２３", // full-width digits
      "0x1F",
      "12_345",
    ]) {
      assert.deepEqual(error(t, WATER), { code: "reading_not_a_number" }, t);
    }
  });

  test("negative", () => {
    for (const t of ["-5", "\u22125", "-0", "-12 345,5"]) {
      assert.deepEqual(error(t, WATER), { code: "reading_negative" }, t);
    }
    assert.deepEqual(error("-abc", WATER), { code: "reading_not_a_number" });
  });

  test("too many decimals names the dial's limit", () => {
    assert.deepEqual(error("12345,6", ELECTRICITY), { code: "reading_too_many_decimals", maxDecimals: 0 });
    assert.deepEqual(error("123,55", ONE_DECIMAL), { code: "reading_too_many_decimals", maxDecimals: 1 });
    assert.deepEqual(error("123,510", ONE_DECIMAL), { code: "reading_too_many_decimals", maxDecimals: 1 });
    assert.deepEqual(error("1,0001", WATER), { code: "reading_too_many_decimals", maxDecimals: 3 });
    assert.deepEqual(error("12,345", ELECTRICITY), { code: "reading_too_many_decimals", maxDecimals: 0 });
  });

  test("too many whole digits; leading zeros do not count", () => {
    assert.deepEqual(error("123456", ELECTRICITY), { code: "reading_too_many_digits", maxDigits: 5 });
    assert.deepEqual(error("100 000", ELECTRICITY), { code: "reading_too_many_digits", maxDigits: 5 });
    assert.deepEqual(error("123456,7", ONE_DECIMAL), { code: "reading_too_many_digits", maxDigits: 5 });
    assert.equal(value("099999", ELECTRICITY), 99_999_000n);
    assert.equal(value("0000099999,9", ONE_DECIMAL), 99_999_900n);
    assert.equal(value("999999", { digits: 6, decimals: 0 }), 999_999_000n);
  });

  test("rejects a dial no meter has", () => {
    for (const bad of [
      { digits: 0, decimals: 0 },
      { digits: 16, decimals: 0 },
      { digits: 5.5, decimals: 0 },
      { digits: 5, decimals: 4 },
      { digits: 5, decimals: -1 },
    ]) {
      assert.throws(() => parseReadingValue("1", bad), RangeError, JSON.stringify(bad));
      assert.throws(() => assertMeterDial(bad), RangeError);
    }
  });

  const dialArb = fc.record({
    digits: fc.integer({ min: 1, max: 9 }),
    decimals: fc.integer({ min: 0, max: 3 }),
  });
  // A value the dial can show: below capacity, in steps of its last decimal.
  const shownArb = dialArb.chain((meter) => {
    const step = 10n ** BigInt(3 - meter.decimals);
    return fc
      .bigInt({ min: 0n, max: dialCapacity(meter) / step - 1n })
      .map((steps) => ({ meter, value: steps * step }));
  });

  test("property: parse(format(x)) = x for every value a dial can show, in every written form", () => {
    fc.assert(
      fc.property(shownArb, fc.integer({ min: 0, max: 5 }), ({ meter, value: x }, form) => {
        const d = meter.decimals;
        const scaled = x / 10n ** BigInt(3 - d);
        const texts = [
          formatQuantity(x, d, "uk"),
          formatQuantity(x, d, "ru"),
          formatScaledDecimal(scaled, d, { decimalSeparator: "." }),
          formatScaledDecimal(scaled, d, { decimalSeparator: ",", groupSeparator: " " }),
          formatScaledDecimal(scaled, d, { decimalSeparator: ".", groupSeparator: "\u202F" }),
          // As the dial shows it: every digit, zero-padded, and three decimals regardless.
          ` ${formatScaledDecimal(x, 3, { decimalSeparator: "," }).padStart(meter.digits + 4, "0")} `,
        ];
        const r = parseReadingValue(texts[form]!, meter);
        assert.deepEqual(r, { ok: true, value: x }, texts[form]);
      }),
    );
  });

  test("property: never throws on any text, and an accepted value fits the dial", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789 ,.-\u00A0\u202Fa"), maxLength: 14 }),
        dialArb,
        (text, meter) => {
          const r = parseReadingValue(text, meter);
          if (!r.ok) return;
          assert.ok(r.value >= 0n && r.value < dialCapacity(meter));
          assert.equal(r.value % 10n ** BigInt(3 - meter.decimals), 0n);
        },
      ),
    );
  });

  test("property: one digit too many is always refused with the dial's limit", () => {
    fc.assert(
      fc.property(dialArb, fc.integer({ min: 1, max: 9 }), (meter, lead) => {
        const text = String(lead) + "0".repeat(meter.digits);
        assert.deepEqual(parseReadingValue(text, meter), {
          ok: false,
          error: { code: "reading_too_many_digits", maxDigits: meter.digits },
        });
      }),
    );
  });
});

describe("dialCapacity", () => {
  test("10^digits units in thousandths", () => {
    assert.equal(dialCapacity(ELECTRICITY), 100_000_000n);
    assert.equal(dialCapacity({ digits: 1, decimals: 3 }), 10_000n);
  });
});
