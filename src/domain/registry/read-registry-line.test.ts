import assert from "node:assert/strict";
import { test } from "node:test";
import type { LocalDate } from "../local-date.ts";
import type { RegistryRow } from "./parse-registry.ts";
import { readRegistryLine } from "./read-registry-line.ts";
import type { RegistryFormat } from "./registry-format.ts";

const BANK: RegistryFormat = {
  encoding: "windows-1251",
  delimiter: ";",
  decimalSeparator: ",",
  dateFormat: "DD.MM.YYYY",
  header: true,
  maxAmountKop: 10_000_000,
  skipFirstLines: 0,
  skipLastLines: 0,
  columns: { reference: 1, account: 2, amount: 3, paid_on: 4 },
};
const TODAY = "2026-11-05" as LocalDate;
const row = (values: RegistryRow["values"]): RegistryRow => ({ line: 2, raw: "", values });
const GOOD = {
  reference: "ПН-100",
  account: "т-1",
  amount: "1 234,56",
  paid_on: "04.11.2026",
  payer: "Петренко",
  provider_edrpou: "32129",
  provider_iban: "UA21 3223 1300 0002 6007 2335 6600 1",
  period: "10.2026",
  service: "Електроенергія",
};

test("a good line becomes a payment: normalised account, exact kopiykas, the provider's codes tidied", () => {
  const r = readRegistryLine(row(GOOD), BANK, TODAY);
  assert.ok(r.ok);
  assert.deepEqual(r.payment, {
    reference: "ПН-100",
    account: "т-1",
    accountKey: "T1",
    amountKop: 123456,
    paidOn: "2026-11-04",
    payer: "Петренко",
    edrpou: "00032129",
    iban: "UA213223130000026007233566001",
    period: "2026-10",
    service: "Електроенергія",
  });
});

test("each kind of bad value has its reason, with the value as written", () => {
  const reason = (patch: Partial<typeof GOOD>) => {
    const r = readRegistryLine(row({ ...GOOD, ...patch }), BANK, TODAY);
    assert.ok(!r.ok, JSON.stringify(patch));
    return [r.problem.reason, r.problem.params["value"]];
  };
  assert.deepEqual(reason({ reference: "" }), ["reference_missing", undefined]);
  assert.deepEqual(reason({ account: "" }), ["account_missing", undefined]);
  assert.deepEqual(reason({ account: "--/--" }), ["account_invalid", "--/--"]);
  assert.deepEqual(reason({ amount: "12,5O" }), ["amount_malformed", "12,5O"]);
  assert.deepEqual(reason({ amount: "" }), ["amount_missing", ""]);
  assert.deepEqual(reason({ amount: "-5,00" }), ["amount_negative", "-5,00"]);
  assert.deepEqual(reason({ amount: "5,001" }), ["amount_too_many_decimals", "5,001"]);
  assert.deepEqual(reason({ amount: "100 000,01" }), ["amount_too_large", "100 000,01"]);
  assert.deepEqual(reason({ amount: "999 999 999 999,99" }), ["amount_too_large", "999 999 999 999,99"]);
  assert.deepEqual(reason({ paid_on: "" }), ["paid_on_missing", undefined]);
  assert.deepEqual(reason({ paid_on: "31.11.2026" }), ["paid_on_invalid", "31.11.2026"]);
  assert.deepEqual(reason({ paid_on: "06.11.2026" }), ["paid_on_future", "06.11.2026"]);
  assert.deepEqual(reason({ period: "жовтень" }), ["period_invalid", "жовтень"]);
  assert.deepEqual(reason({ provider_edrpou: "1234" }), ["provider_edrpou_invalid", "1234"]);
  assert.deepEqual(reason({ provider_iban: "UA12" }), ["provider_iban_invalid", "UA12"]);
});

test("the amount limit is the source's: up to it a line is a payment, above it the line names the limit", () => {
  const at = readRegistryLine(row({ ...GOOD, amount: "100 000,00" }), BANK, TODAY);
  assert.ok(at.ok && at.payment.amountKop === 10_000_000);
  const above = readRegistryLine(
    row({ ...GOOD, amount: "500,01" }),
    { ...BANK, maxAmountKop: 50_000 },
    TODAY,
  );
  assert.ok(!above.ok);
  assert.deepEqual(above.problem, { reason: "amount_too_large", params: { value: "500,01", max: "500.00" } });
});
