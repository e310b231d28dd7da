import assert from "node:assert/strict";
import { test } from "node:test";
import { LINE_REASONS, lineMessage } from "./line-reasons.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("every line reason has a message in Ukrainian, Russian and English with the same placeholders", () => {
  assert.ok(LINE_REASONS.size >= 20);
  for (const [code, { outcome, message }] of LINE_REASONS) {
    assert.match(code, /^[a-z_0-9]+$/);
    assert.ok(["duplicate", "unmatched", "malformed"].includes(outcome), code);
    assert.deepEqual(placeholders(message.ru), placeholders(message.uk), `${code}: ru`);
    assert.deepEqual(placeholders(message.en), placeholders(message.uk), `${code}: en`);
    assert.match(message.uk, /[а-яіїєґ]/i, `${code}: uk`);
    assert.match(message.ru, /[а-яё]/i, `${code}: ru`);
    assert.doesNotMatch(message.en, /[а-я]/i, `${code}: en`);
  }
});

test("a message is filled and starts with a capital; an unknown code is shown as it is", () => {
  assert.equal(
    lineMessage("amount_malformed", { value: "12,5O", example: "1 234,56" }, "uk"),
    "Сума «12,5O» не є числом у форматі 1 234,56",
  );
  assert.equal(
    lineMessage("duplicate_in_file", { reference: "R-1", firstLine: 2 }, "en"),
    'Payment "R-1" is already in this file (line 2)',
  );
  assert.equal(lineMessage("from_the_future", {}, "ru"), "from_the_future");
});
