import assert from "node:assert/strict";
import { test } from "node:test";
import { columnRef, type RegistryFormat, registryFormatProblems } from "./registry-format.ts";

const VALID: RegistryFormat = {
  encoding: "auto",
  delimiter: ";",
  decimalSeparator: ",",
  dateFormat: "DD.MM.YYYY",
  header: true,
  maxAmountKop: 10_000_000,
  skipFirstLines: 0,
  skipLastLines: 0,
  columns: { reference: "Номер", account: 2, amount: "Сума", paid_on: "Дата" },
};

test("a valid format has no problems; each kind of mistake is named", () => {
  assert.deepEqual(registryFormatProblems(VALID), []);
  assert.deepEqual(registryFormatProblems({ ...VALID, delimiter: "," }), [
    "the decimal separator cannot be the delimiter",
  ]);
  assert.deepEqual(registryFormatProblems({ ...VALID, columns: { ...VALID.columns, amount: undefined } }), [
    "amount is required",
  ]);
  assert.deepEqual(registryFormatProblems({ ...VALID, header: false }), [
    'reference: a file without a header row names its columns by position, not "Номер"',
    'amount: a file without a header row names its columns by position, not "Сума"',
    'paid_on: a file without a header row names its columns by position, not "Дата"',
  ]);
  const columns = { ...VALID.columns, sum: "x", payer: 0 } as RegistryFormat["columns"];
  assert.deepEqual(registryFormatProblems({ ...VALID, columns }), [
    'unknown field "sum" (fields: reference, account, amount, paid_on, payer, provider_edrpou, provider_iban, period, service)',
    "payer: a position is 1 to 500",
  ]);
});

test("the amount limit is a positive amount and at most 100 lines are skipped at either end", () => {
  assert.deepEqual(
    registryFormatProblems({ ...VALID, maxAmountKop: 0, skipFirstLines: 101, skipLastLines: -1 }),
    [
      "the amount limit must be a positive amount of hryvnias",
      "lines to skip at the top: 0 to 100",
      "lines to skip at the bottom: 0 to 100",
    ],
  );
  assert.deepEqual(
    registryFormatProblems({ ...VALID, maxAmountKop: 1, skipFirstLines: 100, skipLastLines: 0 }),
    [],
  );
});

test("a column is a position when it is a small whole number, else a header name", () => {
  assert.equal(columnRef("3"), 3);
  assert.equal(columnRef(" Сума "), "Сума");
  assert.equal(columnRef("03"), "03");
  assert.equal(columnRef("2026"), "2026");
});
