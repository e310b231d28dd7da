import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DISPLAY_LOCALES, isDisplayLocale, NBSP, numberSeparators } from "./display-locale.ts";

describe("display locales", () => {
  test("separators per locale", () => {
    assert.deepEqual(numberSeparators("uk"), { decimal: ",", group: "\u00A0" });
    assert.deepEqual(numberSeparators("ru"), { decimal: ",", group: NBSP });
    assert.deepEqual(numberSeparators("en"), { decimal: ".", group: "," });
    assert.throws(() => numberSeparators("de" as never), RangeError);
  });
  test("isDisplayLocale", () => {
    for (const l of DISPLAY_LOCALES) assert.equal(isDisplayLocale(l), true);
    assert.equal(isDisplayLocale("ua"), false);
    assert.equal(isDisplayLocale(undefined), false);
    assert.equal(DISPLAY_LOCALES.length, 3);
  });
});
