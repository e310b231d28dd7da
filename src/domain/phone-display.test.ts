import assert from "node:assert/strict";
import { test } from "node:test";
import { formatUkrainianPhone } from "./phone-display.ts";

test("mobile, town and free numbers as the article writes them", () => {
  assert.equal(formatUkrainianPhone("+380676526000"), "(067) 652 60 00");
  assert.equal(formatUkrainianPhone("+380956526000"), "(095) 652 60 00");
  assert.equal(formatUkrainianPhone("+380629526000"), "(0629) 52 60 00");
  assert.equal(formatUkrainianPhone("+380800300104"), "0 800 300 104");
});

test("what is not +380 and nine digits is shown as it is", () => {
  assert.equal(formatUkrainianPhone("+4420 7946 0000"), "+4420 7946 0000");
  assert.equal(formatUkrainianPhone("+38067652600"), "+38067652600");
});

test("the formatted number keeps every digit of the stored one", () => {
  for (const n of ["+380676526000", "+380629400400", "+380800300104", "+380501234567"]) {
    assert.equal(`+38${formatUkrainianPhone(n).replace(/\D/g, "")}`, n);
  }
});
