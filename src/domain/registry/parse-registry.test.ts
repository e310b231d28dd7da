import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRegistry, RegistryParser, type RegistryRow } from "./parse-registry.ts";
import { RegistryFileError } from "./registry-file-error.ts";
import type { RegistryFormat } from "./registry-format.ts";

const STANDARD: RegistryFormat = {
  encoding: "utf-8",
  delimiter: ",",
  decimalSeparator: ".",
  dateFormat: "YYYY-MM-DD",
  header: true,
  maxAmountKop: 10_000_000,
  skipFirstLines: 0,
  skipLastLines: 0,
  columns: {
    reference: "reference",
    account: "account",
    amount: "amount",
    paid_on: "paid_on",
    payer: "payer",
    provider_edrpou: "provider_edrpou",
  },
};

const refusal = (promise: Promise<unknown>, code: string, params?: Record<string, unknown>) =>
  assert.rejects(promise, (e) => {
    assert.ok(e instanceof RegistryFileError, String(e));
    assert.equal(e.code, code);
    if (params) assert.deepEqual(e.params, params);
    return true;
  });

test("rows carry their line, their raw text and our fields by header name, in any order and case", async () => {
  const text =
    " Paid_On ,ACCOUNT,amount,reference,payer,provider_edrpou,extra\r\n" +
    '2026-11-03,T-1,150.00,R1,"Шевченко, Тарас",42350012,x\r\n' +
    "\r\n" +
    ",,,,,,\r\n" +
    '2026-11-03,T-2,10,R2,"Два\r\nрядки",42350012\r\n' +
    "2026-11-03,T-3\r\n";
  const parsed = await parseRegistry(text, STANDARD, true);
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

test("a file without a header row takes columns by position", async () => {
  const format: RegistryFormat = {
    ...STANDARD,
    delimiter: ";",
    header: false,
    columns: { reference: 1, account: 2, amount: 3, paid_on: 4 },
  };
  const parsed = await parseRegistry("R1;T-1;150,00;03.11.2026\nR2;T-2;1;03.11.2026", format, false);
  assert.deepEqual(
    parsed.rows.map((r) => [r.line, r.values.reference, r.values.amount]),
    [
      [1, "R1", "150,00"],
      [2, "R2", "1"],
    ],
  );
});

test("a header without a required column, or without the provider's when the lines must name it, is refused", async () => {
  await refusal(
    parseRegistry("reference,account,sum,paid_on,provider_edrpou\nR1,T-1,1,2026-11-03,1\n", STANDARD, true),
    "registry_header_invalid",
    { missing: 'amount ("amount")', header: "reference,account,sum,paid_on,provider_edrpou", line: 1 },
  );
  await refusal(
    parseRegistry("\n\nreference,account,amount,paid_on\nR1,T-1,1,2026-11-03\n", STANDARD, true),
    "registry_header_invalid",
    { missing: 'provider_edrpou ("provider_edrpou")', header: "reference,account,amount,paid_on", line: 3 },
  );
  // With the provider known, the same file reads.
  assert.equal(
    (await parseRegistry("reference,account,amount,paid_on\nR1,T-1,1,2026-11-03\n", STANDARD, false)).rows
      .length,
    1,
  );
});

test("broken CSV and empty files cannot be read", async () => {
  await refusal(parseRegistry("", STANDARD, false), "registry_empty");
  await refusal(parseRegistry("\n ,, \n", STANDARD, false), "registry_empty");
  await refusal(
    parseRegistry(
      'reference,account,amount,paid_on\nR1,"T-1,1,2026-11-03\nR2,T-2,1,2026-11-03\n',
      STANDARD,
      false,
    ),
    "registry_not_csv",
    { kind: "syntax", line: 2 },
  );
});

test("a source skips a preamble above the header and a totals line below the payments; the numbering stays the file's", async () => {
  const format: RegistryFormat = { ...STANDARD, skipFirstLines: 2, skipLastLines: 1 };
  const text =
    "Реєстр платежів, «Демо Банк»\r\n" +
    '"за 04.11.2026\r\n' +
    "reference,account,amount,paid_on,provider_edrpou\r\n" +
    "R1,T-1,1,2026-11-03,42350012\r\n" +
    "\r\n" +
    "R2,T-2,2,2026-11-03,42350012\r\n" +
    "Разом,,3,,\r\n" +
    "\r\n";
  const parsed = await parseRegistry(text, format, true);
  assert.deepEqual(
    parsed.rows.map((r) => [r.line, r.values.reference]),
    [
      [4, "R1"],
      [6, "R2"],
    ],
  );
  assert.deepEqual(parsed.skipped, [
    { line: 1, raw: "Реєстр платежів, «Демо Банк»" },
    { line: 2, raw: '"за 04.11.2026' },
    { line: 7, raw: "Разом,,3,," },
  ]);
  assert.equal(parsed.blankLines, 2);
  // Without the settings the preamble is taken for the header.
  await refusal(parseRegistry(text, STANDARD, true), "registry_header_invalid", {
    missing:
      'reference ("reference"), account ("account"), amount ("amount"), paid_on ("paid_on"), provider_edrpou ("provider_edrpou")',
    header: "Реєстр платежів,«Демо Банк»",
    line: 1,
  });
});

test("text arriving in pieces — a CRLF, a character, a quoted line break split between them — reads the same", async () => {
  const text =
    "reference,account,amount,paid_on,payer,provider_edrpou\r\n" +
    'R1,T-1,1,2026-11-03,"Шевченко\r\nТарас",42350012\r\n' +
    "R2,T-2,2,2026-11-03,Ґалина,42350012\r";
  const whole = await parseRegistry(text, STANDARD, true);
  for (let size = 1; size <= 7; size++) {
    const pieces: string[] = [];
    for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
    const parser = new RegistryParser({ ...STANDARD, skipFirstLines: 0 }, true);
    const rows: RegistryRow[] = [];
    for await (const row of parser.rows(pieces)) rows.push(row);
    assert.deepEqual(rows, whole.rows, `pieces of ${size}`);
  }
  assert.deepEqual(
    whole.rows.map((r) => [r.line, r.raw]),
    [
      [2, 'R1,T-1,1,2026-11-03,"Шевченко\nТарас",42350012'],
      [4, "R2,T-2,2,2026-11-03,Ґалина,42350012"],
    ],
  );
});
