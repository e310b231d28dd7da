import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizeUkrainianPhone } from "./phone.ts";

test("the spellings people use all give +380 and nine digits", () => {
  for (const spelling of [
    "+380671112233",
    "380671112233",
    "0671112233",
    "067 111 22 33",
    "+38 (067) 111-22-33",
    "(067) 111-22-33",
    "8 067 111 22 33",
    "00380671112233",
    " +38 067 111.22.33 ",
  ]) {
    assert.equal(normalizeUkrainianPhone(spelling), "+380671112233", spelling);
  }
});

test("what is not a Ukrainian number gives null", () => {
  for (const text of [
    "",
    "+",
    "671112233",
    "+0671112233",
    "+48671112233",
    "06711122334",
    "+380071112233",
    "067-111-22-3x",
    "resident@demo.abonent.ua",
  ]) {
    assert.equal(normalizeUkrainianPhone(text), null, text);
  }
});
