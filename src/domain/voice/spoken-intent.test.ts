import assert from "node:assert/strict";
import { test } from "node:test";
import { menuIntent, spokenYesNo } from "./spoken-intent.ts";

test("yes and no in both languages, as a recogniser writes them", () => {
  for (const t of ["так", "Так.", "да", "Да, правильно", "так, вірно", "угу"])
    assert.equal(spokenYesNo(t), true, t);
  for (const t of ["ні", "Нет.", "не правильно", "неправильно", "ні, не так"])
    assert.equal(spokenYesNo(t), false, t);
  for (const t of ["", "алло", "дані", "данные", "нема", "так ні"]) assert.equal(spokenYesNo(t), null, t);
});

test("the menu's intents", () => {
  assert.equal(menuIntent("показання"), "reading");
  assert.equal(menuIntent("Хочу передати показники"), "reading");
  assert.equal(menuIntent("показания счётчика"), "reading");
  assert.equal(menuIntent("з'єднайте з оператором"), "operator");
  assert.equal(menuIntent("по-русски"), "ru");
  assert.equal(menuIntent("українською"), "uk");
  assert.equal(menuIntent("алло"), null);
});
