import assert from "node:assert/strict";
import { test } from "node:test";
import { guessLanguage } from "./guess-language.ts";

test("letters only one language has decide", () => {
  assert.equal(guessLanguage("Привіт, хочу передати показники"), "uk");
  assert.equal(guessLanguage("Здравствуйте, хочу передать показания"), "ru");
  assert.equal(guessLanguage("Є питання"), "uk");
  assert.equal(guessLanguage("Подъезд"), "ru");
});

test("without such letters, common words decide", () => {
  assert.equal(guessLanguage("скільки борг"), "uk");
  assert.equal(guessLanguage("сколько долг"), "ru");
  assert.equal(guessLanguage("Привет"), "ru");
});

test("a text that does not tell gives null", () => {
  assert.equal(guessLanguage("12345"), null);
  assert.equal(guessLanguage("hello"), null);
  assert.equal(guessLanguage("оператор"), null);
});
