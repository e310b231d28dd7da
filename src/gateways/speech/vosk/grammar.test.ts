import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { normalizePhrase, voskGrammar } from "./grammar.ts";

describe("Vosk grammar", () => {
  test("phrases become a JSON array of normalised, distinct phrases ending in [unk]", () => {
    const grammar = voskGrammar(["Так", "так!", "  Оплатити   рахунок. ", "П’ять", "ні"]);
    assert.deepEqual(JSON.parse(grammar!), ["так", "оплатити рахунок", "п'ять", "ні", "[unk]"]);
  });

  test("no phrases (or only punctuation): no grammar, free speech", () => {
    assert.equal(voskGrammar([]), null);
    assert.equal(voskGrammar(["", " ?! "]), null);
  });

  test("a quote in a phrase cannot break the JSON", () => {
    const grammar = voskGrammar(['скажіть "так"', "a\\b"]);
    assert.deepEqual(JSON.parse(grammar!), ["скажіть так", "a b", "[unk]"]);
  });

  test("digits and hyphens stay (meter numbers, compound words)", () => {
    assert.equal(normalizePhrase("Лічильник №12-34"), "лічильник 12-34");
  });
});
