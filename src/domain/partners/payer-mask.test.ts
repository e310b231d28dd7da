import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { maskAddress, maskFullName } from "./payer-mask.ts";

test("a full name leaves as the surname's first and last letters and initials", () => {
  assert.equal(maskFullName("Шевченко Тарас Іванович"), "Ш******о Т. І.");
  assert.equal(maskFullName("  коваленко   олена "), "к*******о О.");
  assert.equal(maskFullName("Лі"), "Л*");
  assert.equal(maskFullName("Ґ"), "Ґ");
  assert.equal(maskFullName(""), "");
});

test("an address leaves as the street's kind, its first letter and the building; never the apartment", () => {
  assert.equal(maskAddress("вул. Миру", "12"), "вул. М***, 12");
  assert.equal(maskAddress("просп. Перемоги", "7А"), "просп. П***, 7А");
  assert.equal(maskAddress("Лесі Українки", "3"), "Л***, 3");
  assert.equal(maskAddress("вулиця Лесі Українки", "3"), "вулиця Л***, 3");
});

test("no word of a name longer than two letters leaves whole", () => {
  const word = fc.stringMatching(/^[А-ЯІЇЄҐа-яіїєґ']{3,20}$/);
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
      const masked = maskFullName(words.join(" "));
      for (const w of words) assert.ok(!masked.split(" ").includes(w), `${masked} shows ${w}`);
    }),
  );
});
