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
  assert.deepEqual(reason({ paid_on: "" }), ["paid_on_missing", undefined]);
  assert.deepEqual(reason({ paid_on: "31.11.2026" }), ["paid_on_invalid", "31.11.2026"]);
  assert.deepEqual(reason({ paid_on: "06.11.2026" }), ["paid_on_future", "06.11.2026"]);
  assert.deepEqual(reason({ period: "жовтень" }), ["period_invalid", "жовтень"]);
  assert.deepEqual(reason({ provider_edrpou: "1234" }), ["provider_edrpou_invalid", "1234"]);
  assert.deepEqual(reason({ provider_iban: "UA12" }), ["provider_iban_invalid", "UA12"]);
});
