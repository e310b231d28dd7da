// Every message of every catalogue (each module that calls defineMessages, and the error codes) compiles as ICU
// in all three languages, names the same params in each, and says a plain message exactly as the old {name}
// filler did: apostrophes ("об'єкт", "пам'ять", "it's") and quotes come out as written.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { LOCALES } from "../../src/i18n/locale.ts";
import {
  type Catalogue,
  definedCatalogues,
  formatTemplate,
  messageArguments,
} from "../../src/i18n/messages.ts";
import { ERROR_CODES } from "../../src/services/error-codes.ts";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

const SRC = join(import.meta.dirname, "../../src");
const withCatalogues = sources(SRC).filter(
  (f) => !f.endsWith("i18n/messages.ts") && readFileSync(f, "utf8").includes("defineMessages("),
);

/** The filler before ICU, as the reference for messages without plurals or selects. */
const oldFill = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);

async function everyCatalogue(): Promise<[string, Catalogue][]> {
  for (const file of withCatalogues) await import(pathToFileURL(file).href);
  const errors = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, spec]) => [code, spec.message]));
  return [["error codes", errors], ...definedCatalogues()];
}

test("the modules that define messages are found, and each registers its catalogues", async () => {
  assert.ok(withCatalogues.length >= 5, withCatalogues.map((f) => relative(SRC, f)).join(", "));
  const names = [...(await everyCatalogue()).map(([name]) => name)];
  for (const expected of [
    "error codes",
    "zones",
    "http input: rules",
    "registry line: malformed",
    "documents",
  ])
    assert.ok(names.includes(expected), `${expected} in ${names.join(", ")}`);
});

test("every message compiles in uk, ru and en, with the same params in each language", async () => {
  let count = 0;
  for (const [name, catalogue] of await everyCatalogue()) {
    for (const [key, message] of Object.entries(catalogue)) {
      const args = LOCALES.map((l) => messageArguments(message[l], l).sort().join(","));
      assert.deepEqual(args, [args[0], args[0], args[0]], `${name}.${key}: params differ between languages`);
      count++;
    }
  }
  assert.ok(count > 150, `only ${count} messages`);
});

test("a plain message reads exactly as before ICU: apostrophes, quotes and placeholders as written", async () => {
  for (const [name, catalogue] of await everyCatalogue()) {
    for (const [key, message] of Object.entries(catalogue)) {
      for (const locale of LOCALES) {
        const template = message[locale];
        const args = messageArguments(template, locale);
        const counted = args.filter((a) => new RegExp(`\\{${a},\\s*(plural|select)`).test(template));
        const where = `${name}.${key} (${locale})`;
        if (counted.length === 0) {
          const params = Object.fromEntries(args.map((a) => [a, `<${a}>`]));
          assert.equal(formatTemplate(template, locale, params), oldFill(template, params), where);
        } else {
          // Plurals and selects: every branch's text comes out without ICU syntax left in it.
          for (const n of [0, 1, 2, 5, 21]) {
            const params = Object.fromEntries(args.map((a) => [a, counted.includes(a) ? n : `<${a}>`]));
            const text = formatTemplate(template, locale, params);
            assert.doesNotMatch(text, /[{}]|plural|select/, where);
            for (const word of template.match(/\p{L}+['’ʼ]\p{L}+/gu) ?? [])
              assert.ok(
                !text.includes(word.replace(/['’ʼ]/u, "")),
                `${where}: the apostrophe of ${word} was lost`,
              );
          }
        }
      }
    }
  }
});
