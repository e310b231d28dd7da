import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  escapeXml,
  kyivInstant,
  parseTerminalCommand,
  renderTerminalAnswer,
  TERMINAL_RESULT,
  terminalFieldsFromQuery,
  terminalFieldsFromXml,
} from "./terminal-protocol.ts";

const PAY = {
  command: "pay",
  txn_id: "1000234",
  txn_date: "20261128095500",
  account: "12-345/67",
  sum: "250.00",
};

describe("terminalFieldsFromQuery", () => {
  test("takes the protocol's fields, drops the rest, and a field given twice is no value", () => {
    assert.deepEqual(terminalFieldsFromQuery({ ...PAY, extra: "x", sum: ["1.00", "2.00"] }), {
      command: "pay",
      txn_id: "1000234",
      txn_date: "20261128095500",
      account: "12-345/67",
    });
    assert.deepEqual(terminalFieldsFromQuery(undefined), {});
  });
});

describe("terminalFieldsFromXml", () => {
  test("reads a request's fields as text, entities decoded, leading zeros kept", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><request><command>pay</command><txn_id>007</txn_id>' +
      "<txn_date>20261128095500</txn_date><account> 12-345/67 </account><sum>250.00</sum>" +
      '<note a="1">ignored</note></request>';
    assert.deepEqual(terminalFieldsFromXml(xml), {
      command: "pay",
      txn_id: "007",
      txn_date: "20261128095500",
      account: "12-345/67",
      sum: "250.00",
    });
    assert.deepEqual(terminalFieldsFromXml("<request><account>A&amp;B</account><sum/></request>"), {
      account: "A&B",
      sum: "",
    });
  });
  test("refuses what is not one well-formed request", () => {
    for (const xml of [
      "",
      "pay",
      "<request><command>pay</command></reqest>",
      "<request><command>pay</command>",
      "<response><command>pay</command></response>",
      "<request><sum>1.00</sum><sum>2.00</sum></request>",
      "<request><sum><kop>100</kop></sum></request>",
      '<!DOCTYPE r [<!ENTITY x "pay">]><request><command>&x;</command></request>',
    ])
      assert.equal(terminalFieldsFromXml(xml), null, xml);
  });
});

describe("parseTerminalCommand", () => {
  test("a pay: the amount in kopiykas, the time read in Kyiv (UTC+2 in November)", () => {
    const parsed = parseTerminalCommand(PAY);
    assert.ok(parsed.ok);
    assert.equal(parsed.command.command, "pay");
    assert.equal(parsed.command.amountKop, 25_000);
    assert.equal(parsed.command.account, "12-345/67");
    assert.ok(parsed.command.command === "pay");
    assert.equal(parsed.command.paidAt.toISOString(), "2026-11-28T07:55:00.000Z");
  });
  test("a check needs no date; sums without decimals or with one are hryvnias too", () => {
    const parsed = parseTerminalCommand({ ...PAY, command: "check", txn_date: undefined, sum: "12.5" });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.command, {
      command: "check",
      txnId: "1000234",
      account: "12-345/67",
      amountKop: 1250,
    });
  });
  test("each refusal names its error code and what was wrong", () => {
    const refusal = (fields: Parameters<typeof parseTerminalCommand>[0]) => {
      const parsed = parseTerminalCommand(fields);
      assert.ok(!parsed.ok);
      return parsed.refusal;
    };
    assert.deepEqual(refusal({ ...PAY, command: "cancel" }), {
      code: "partner_terminal_command_unknown",
      params: { command: "cancel" },
    });
    assert.equal(refusal({ ...PAY, command: undefined }).code, "partner_terminal_command_unknown");
    assert.deepEqual(refusal({ ...PAY, txn_id: "a b" }).params, { field: "txn_id" });
    assert.deepEqual(refusal({ ...PAY, txn_id: "x".repeat(65) }).params, { field: "txn_id" });
    assert.deepEqual(refusal({ ...PAY, account: "Шевченко" }), {
      code: "partner_terminal_account_invalid",
      params: { account: "Шевченко" },
    });
    assert.equal(refusal({ ...PAY, account: undefined }).code, "partner_terminal_account_invalid");
    for (const sum of ["250,00", "250.001", "-5", "1e3", "", "1234567890"])
      assert.deepEqual(refusal({ ...PAY, sum }).params, { field: "sum" }, sum);
    for (const txn_date of ["2026-11-28 09:55:00", "20261128", "20261131095500", "20261128245500", undefined])
      assert.deepEqual(refusal({ ...PAY, txn_date }).params, { field: "txn_date" }, String(txn_date));
  });
});

describe("kyivInstant", () => {
  test("summer time is UTC+3, seconds count", () => {
    assert.equal(kyivInstant("20260715120030")?.toISOString(), "2026-07-15T09:00:30.000Z");
  });
  test("no such day or time is null", () => {
    assert.equal(kyivInstant("20260230120000"), null);
    assert.equal(kyivInstant("20260101126000"), null);
  });
});

describe("renderTerminalAnswer", () => {
  test("the protocol's elements in order, the unknown ones left out", () => {
    assert.equal(
      renderTerminalAnswer({
        txnId: "1000234",
        receipt: "PB0A1B2C3D4E5F",
        sum: "250.00",
        result: TERMINAL_RESULT.ok,
        comment: "OK",
      }),
      '<?xml version="1.0" encoding="UTF-8"?><response><osmp_txn_id>1000234</osmp_txn_id>' +
        "<prv_txn>PB0A1B2C3D4E5F</prv_txn><sum>250.00</sum><result>0</result><comment>OK</comment></response>",
    );
    const check = renderTerminalAnswer({
      txnId: "",
      result: TERMINAL_RESULT.ok,
      comment: "OK",
      fio: "Ш******о Т. І.",
      balance: "-12.30",
    });
    assert.match(check, /<osmp_txn_id><\/osmp_txn_id>/);
    assert.match(check, /<fio>Ш\*\*\*\*\*\*о Т\. І\.<\/fio><balance>-12\.30<\/balance><\/response>$/);
    assert.doesNotMatch(check, /prv_txn|<sum>/);
  });
  test("whatever a request carried comes back escaped, and characters XML cannot hold are dropped", () => {
    const xml = renderTerminalAnswer({
      txnId: "</osmp_txn_id><result>0</result>",
      result: TERMINAL_RESULT.other,
      comment: "Невідома команда «a&b\" \u0001'»",
    });
    assert.match(xml, /<osmp_txn_id>&lt;\/osmp_txn_id&gt;&lt;result&gt;0&lt;\/result&gt;<\/osmp_txn_id>/);
    assert.match(xml, /<result>300<\/result>/);
    assert.equal(xml.match(/<result>/g)?.length, 1);
    assert.ok(terminalFieldsFromXml(xml.replace("response", "request").replace("/response", "/request")));
    assert.equal(escapeXml("a&b<c>\"d\"'e'\u0000\uFFFE😀"), "a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;😀");
  });
});
