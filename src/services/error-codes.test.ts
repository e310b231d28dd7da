import assert from "node:assert/strict";
import { test } from "node:test";
import { ERROR_CODES } from "./error-codes.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("every error code has a message in Ukrainian, Russian and English, with the same placeholders", () => {
  for (const [code, spec] of Object.entries(ERROR_CODES)) {
    assert.match(code, /^[a-z_]+$/);
    assert.ok(spec.status >= 400 && spec.status < 600, code);
    const { uk, ru, en } = spec.message;
    for (const text of [uk, ru, en]) assert.ok(text.trim().length > 5, `${code}: empty message`);
    assert.deepEqual(placeholders(ru), placeholders(uk), `${code}: ru placeholders`);
    assert.deepEqual(placeholders(en), placeholders(uk), `${code}: en placeholders`);
    assert.match(uk, /[а-яіїєґ]/i, `${code}: uk is Ukrainian`);
    assert.match(ru, /[а-яё]/i, `${code}: ru is Russian`);
    assert.doesNotMatch(en, /[а-я]/i, `${code}: en is English`);
  }
});
