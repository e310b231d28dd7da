import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRegistry } from "./parse-registry.ts";
import { RegistryFileError } from "./registry-file-error.ts";
import type { RegistryFormat } from "./registry-format.ts";

const STANDARD: RegistryFormat = {
  encoding: "utf-8",
  delimiter: ",",
  decimalSeparator: ".",
  dateFormat: "YYYY-MM-DD",
  header: true,
  columns: {
    reference: "reference",
    account: "account",
    amount: "amount",
    paid_on: "paid_on",
    payer: "payer",
    provider_edrpou: "provider_edrpou",
  },
};

const refusal = (fn: () => unknown, code: string, params?: Record<string, unknown>) =>
  assert.throws(fn, (e) => {
    assert.ok(e instanceof RegistryFileError, String(e));
    assert.equal(e.code, code);
    if (params) assert.deepEqual(e.params, params);
    return true;
  });

test("rows carry their line, their raw text and our fields by header name, in any order and case", () => {
  const text =
    " Paid_On ,ACCOUNT,amount,reference,payer,provider_edrpou,extra\r\n" +
    '2026-11-03,T-1,150.00,R1,"Шевченко, Тарас",42350012,x\r\n' +
    "\r\n" +
    ",,,,,,\r\n" +
    '2026-11-03,T-2,10,R2,"Два\r\nрядки",42350012\r\n' +
    "2026-11-03,T-3\r\n";
  const parsed = parseRegistry(text, STANDARD, true);
  assert.deepEqual(parsed.fields, ["reference", "account", "amount", "paid_on", "payer", "provider_edrpou"]);
  assert.equal(parsed.blankLines, 2);
  assert.deepEqual(
    parsed.rows.map((r) => [r.line, r.raw]),
    [
      [2, '2026-11-03,T-1,150.00,R1,"Шевченко, Тарас",42350012,x'],
      [5, '2026-11-03,T-2,10,R2,"Два\nрядки",42350012'],
      [7, "2026-11-03,T-3"],
    ],
  );
  assert.deepEqual(parsed.rows[0]!.values, {
    reference: "R1",
    account: "T-1",
    amount: "150.00",
    paid_on: "2026-11-03",
    payer: "Шевченко, Тарас",
    provider_edrpou: "42350012",
  });
  assert.equal(parsed.rows[2]!.values.amount, "", "a short row reads missing columns as empty");
});

test("a file without a header row takes columns by position", () => {
  const format: RegistryFormat = {
    ...STANDARD,
    delimiter: ";",
    header: false,
    columns: { reference: 1, account: 2, amount: 3, paid_on: 4 },
  };
  const parsed = parseRegistry("R1;T-1;150,00;03.11.2026\nR2;T-2;1;03.11.2026", format, false);
  assert.deepEqual(
    parsed.rows.map((r) => [r.line, r.values.reference, r.values.amount]),
    [
      [1, "R1", "150,00"],
      [2, "R2", "1"],
    ],
  );
});

test("a header without a required column, or without the provider's when the lines must name it, is refused", () => {
  refusal(
    () =>
      parseRegistry("reference,account,sum,paid_on,provider_edrpou\nR1,T-1,1,2026-11-03,1\n", STANDARD, true),
    "registry_header_invalid",
    { missing: 'amount ("amount")', header: "reference,account,sum,paid_on,provider_edrpou", line: 1 },
  );
  refusal(
    () => parseRegistry("\n\nreference,account,amount,paid_on\nR1,T-1,1,2026-11-03\n", STANDARD, true),
    "registry_header_invalid",
    { missing: 'provider_edrpou ("provider_edrpou")', header: "reference,account,amount,paid_on", line: 3 },
  );
  // With the provider known, the same file reads.
  assert.equal(
    parseRegistry("reference,account,amount,paid_on\nR1,T-1,1,2026-11-03\n", STANDARD, false).rows.length,
    1,
  );
});

test("broken CSV and empty files cannot be read", () => {
  refusal(() => parseRegistry("", STANDARD, false), "registry_empty");
  refusal(() => parseRegistry("\n ,, \n", STANDARD, false), "registry_empty");
  refusal(
    () =>
      parseRegistry(
        'reference,account,amount,paid_on\nR1,"T-1,1,2026-11-03\nR2,T-2,1,2026-11-03\n',
        STANDARD,
        false,
      ),
    "registry_not_csv",
    { kind: "syntax", line: 2 },
  );
});
