import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSmsCommand, smsWords } from "./sms-command.ts";

test("an account and one reading", () => {
  assert.deepEqual(parseSmsCommand("ВК0000123 1234"), {
    kind: "reading",
    readings: [{ account: "ВК0000123", accountKey: "BK0000123", values: ["1234"] }],
    confirmed: false,
  });
});

test("a comma is a decimal separator between digits, extra spaces and no-break spaces do not count", () => {
  assert.deepEqual(parseSmsCommand("  вк0000123 \u00a0  123,5 \n"), {
    kind: "reading",
    readings: [{ account: "вк0000123", accountKey: "BK0000123", values: ["123,5"] }],
    confirmed: false,
  });
  assert.deepEqual(smsWords("10-000123/4, 123,5; 77"), ["10-000123/4", "123,5", "77"]);
});

test("one value per zone: every split of the text, fewest values first", () => {
  const command = parseSmsCommand("12-345/6 5600 3300");
  assert.deepEqual(command, {
    kind: "reading",
    readings: [
      { account: "12-345/6 5600", accountKey: "1234565600", values: ["3300"] },
      { account: "12-345/6", accountKey: "123456", values: ["5600", "3300"] },
    ],
    confirmed: false,
  });
  // An account typed with spaces is one of the splits too.
  const spaced = parseSmsCommand("10 000123 4 12345");
  assert.equal(spaced.kind, "reading");
  assert.ok(
    spaced.kind === "reading" &&
      spaced.readings.some((r) => r.accountKey === "100001234" && r.values.join() === "12345"),
  );
  // At most three zones: the fourth number from the end stays in the account.
  const many = parseSmsCommand("A1 1 2 3 4");
  assert.ok(many.kind === "reading" && many.readings.every((r) => r.values.length <= 3));
});

test('a "+" at the end confirms an unusually high reading, apart or glued', () => {
  for (const text of ["ВК0000123 9999 +", "ВК0000123 9999+"]) {
    const command = parseSmsCommand(text);
    assert.equal(command.kind, "reading", text);
    assert.ok(command.kind === "reading" && command.confirmed, text);
    assert.deepEqual(command.kind === "reading" && command.readings[0]?.values, ["9999"]);
  }
});

test("БОРГ and ДОЛГ in any case, with Latin look-alikes, say the language", () => {
  assert.deepEqual(parseSmsCommand("БОРГ 10-000123/4"), {
    kind: "debt",
    account: "10-000123/4",
    accountKey: "100001234",
    language: "uk",
  });
  assert.deepEqual(parseSmsCommand("долг  вк0000123"), {
    kind: "debt",
    account: "вк0000123",
    accountKey: "BK0000123",
    language: "ru",
  });
  // Latin O and P typed for the Cyrillic ones; a transliteration; the account glued to the word.
  assert.equal(parseSmsCommand("бOPг 123").kind, "debt");
  assert.deepEqual(parseSmsCommand("dolg 123"), {
    kind: "debt",
    account: "123",
    accountKey: "123",
    language: "ru",
  });
  assert.deepEqual(parseSmsCommand("Борг12-345/6"), {
    kind: "debt",
    account: "12-345/6",
    accountKey: "123456",
    language: "uk",
  });
  assert.deepEqual(parseSmsCommand("БОРГ"), {
    kind: "debt",
    account: null,
    accountKey: null,
    language: "uk",
  });
});

test("anything else is unknown", () => {
  for (const text of [
    "",
    "   ",
    "Привіт",
    "1234",
    "БОРГАНІЗАЦІЯ 12",
    "ВК0000123 дванадцять",
    "рахунок показники",
    "БОРГ ???",
    "+",
  ])
    assert.deepEqual(parseSmsCommand(text), { kind: "unknown" }, JSON.stringify(text));
});

test("STOP and СТОП (any case, Latin look-alikes) stop reminders; a word with more after it does not", () => {
  for (const text of ["STOP", "stop", " Стоп ", "CTOП"])
    assert.deepEqual(parseSmsCommand(text), { kind: "stop" });
  assert.equal(parseSmsCommand("stop 12345").kind, "unknown");
});
