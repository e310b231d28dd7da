import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRegistryAmount } from "./registry-amount.ts";

const ok = (text: string, sep: "." | ",") => {
  const r = parseRegistryAmount(text, sep);
  assert.ok(r.ok, `${text}: ${JSON.stringify(r)}`);
  return r.kop;
};
const problem = (text: string, sep: "." | ",") => {
  const r = parseRegistryAmount(text, sep);
  assert.ok(!r.ok, `${text} should be refused`);
  return r.problem;
};

test("amounts in the source's decimal separator become exact kopiykas", () => {
  assert.equal(ok("1234.56", "."), 123456);
  assert.equal(ok("1 234,56", ","), 123456);
  assert.equal(ok("1234,5", ","), 123450);
  assert.equal(ok(" 150 ", "."), 15000);
  assert.equal(ok("1\u00A0000\u00A0000,01", ","), 100000001);
  assert.equal(ok("0.01", "."), 1);
  // 0.1 + 0.2 is not 0.3 in floats; here every digit is kept.
  assert.equal(ok("90071992547409.91", "."), 9007199254740991);
});

test("malformed amounts say why", () => {
  assert.equal(problem("", "."), "amount_missing");
  assert.equal(problem("   ", ","), "amount_missing");
  assert.equal(problem("12,5O", ","), "amount_malformed");
  assert.equal(problem("abc", "."), "amount_malformed");
  assert.equal(problem("12.50", ","), "amount_malformed", "a dot where the source writes a comma");
  assert.equal(problem("1.234,56", ","), "amount_malformed");
  assert.equal(problem("1,234.56", "."), "amount_malformed");
  assert.equal(problem("12 34,00", ","), "amount_malformed", "groups are threes");
  assert.equal(problem("10.005", "."), "amount_too_many_decimals");
  assert.equal(problem("1 234,567", ","), "amount_too_many_decimals");
  assert.equal(problem("-10.00", "."), "amount_negative");
  assert.equal(problem("\u221210,00", ","), "amount_negative");
  assert.equal(problem("0,00", ","), "amount_zero");
  assert.equal(problem("-0", "."), "amount_zero");
  assert.equal(problem("+5", "."), "amount_malformed");
  assert.equal(problem("90071992547409.92", "."), "amount_malformed");
});
