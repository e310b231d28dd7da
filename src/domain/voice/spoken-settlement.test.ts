import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { SETTLEMENTS } from "../../demo/region.ts";
import { editDistance, namesSettlement, placeStem } from "./settlement-name.ts";
import { matchSettlement, type SettlementNames, settlementPhrases } from "./spoken-settlement.ts";

// The demo region as the database lists it (services/voice/list-settlement-names.ts): ids in SETTLEMENTS' order.
const DEMO: SettlementNames[] = SETTLEMENTS.map((s, i) => ({
  id: i + 1,
  names: [s.uk, s.ru, s.en, ...s.aliases],
}));
const idOf = (code: string) => SETTLEMENTS.findIndex((s) => s.code === code) + 1;

// Each town in the case forms callers use, written here by hand: Ukrainian nominative, locative ("у …"),
// genitive ("з …"), instrumental ("… містом"), Russian nominative, prepositional ("в …"), genitive ("из …").
const FORMS: Record<string, string[]> = {
  dobropillia: [
    "Добропілля",
    "у Добропіллі",
    "з Добропілля",
    "Добропіллям",
    "Доброполье",
    "в Доброполье",
    "из Доброполья",
  ],
  mariupol: [
    "Маріуполь",
    "у Маріуполі",
    "з Маріуполя",
    "Маріуполем",
    "Мариуполь",
    "в Мариуполе",
    "из Мариуполя",
  ],
  kramatorsk: [
    "Краматорськ",
    "у Краматорську",
    "з Краматорська",
    "Краматорськом",
    "Краматорск",
    "в Краматорске",
    "из Краматорска",
  ],
  bakhmut: ["Бахмут", "у Бахмуті", "з Бахмута", "Бахмутом", "Бахмут", "в Бахмуте", "из Бахмута"],
  myrnohrad: [
    "Мирноград",
    "у Мирнограді",
    "з Мирнограда",
    "Мирноградом",
    "Мирноград",
    "в Мирнограде",
    "из Мирнограда",
  ],
  kostiantynivka: [
    "Костянтинівка",
    "у Костянтинівці",
    "з Костянтинівки",
    "Костянтинівкою",
    "Константиновка",
    "в Константиновке",
    "из Константиновки",
  ],
  sloviansk: [
    "Словʼянськ",
    "у Слов'янську",
    "зі Слов’янська",
    "Словянськом",
    "Славянск",
    "в Славянске",
    "из Славянска",
  ],
  pokrovsk: [
    "Покровськ",
    "у Покровську",
    "з Покровська",
    "Покровськом",
    "Покровск",
    "в Покровске",
    "из Покровска",
  ],
  volnovakha: [
    "Волноваха",
    "у Волновасі",
    "з Волновахи",
    "Волновахою",
    "Волноваха",
    "в Волновахе",
    "из Волновахи",
  ],
  druzhkivka: [
    "Дружківка",
    "у Дружківці",
    "з Дружківки",
    "Дружківкою",
    "Дружковка",
    "в Дружковке",
    "из Дружковки",
  ],
  lyman: ["Лиман", "у Лимані", "з Лимана", "Лиманом", "Лиман", "в Лимане", "из Лимана"],
  toretsk: ["Торецьк", "у Торецьку", "з Торецька", "Торецьком", "Торецк", "в Торецке", "из Торецка"],
  sviatohirsk: [
    "Святогірськ",
    "у Святогірську",
    "зі Святогірська",
    "Святогірськом",
    "Святогорск",
    "в Святогорске",
    "из Святогорска",
  ],
};

const matched = (text: string, settlements = DEMO) => {
  const r = matchSettlement(text, "uk", settlements);
  return "value" in r ? r.value : r.error;
};

describe("matchSettlement on the demo region", () => {
  test("every town in every case form, with and without the kind of place", () => {
    assert.deepEqual(Object.keys(FORMS).sort(), SETTLEMENTS.map((s) => s.code).sort());
    for (const [code, forms] of Object.entries(FORMS)) {
      for (const form of forms) {
        assert.equal(matched(form), idOf(code), form);
        assert.equal(matched(form.toLowerCase()), idOf(code), form);
        for (const prefix of ["місто", "город", "село", "смт", "я живу", "м."])
          assert.equal(matched(`${prefix} ${form}`), idOf(code), `${prefix} ${form}`);
      }
    }
  });

  test("sentences as Whisper writes them", () => {
    assert.equal(matched("Я живу в Добропіллі."), idOf("dobropillia"));
    assert.equal(matched("Город Славянск"), idOf("sloviansk"));
    assert.equal(matched("Місто Покровськ, вулиця Шкільна."), idOf("pokrovsk"));
    assert.equal(matched("Мы из Краматорска"), idOf("kramatorsk"));
    assert.equal(matched("славянск"), idOf("sloviansk"));
    assert.equal(matched("Красний Лиман"), idOf("lyman"));
    assert.equal(matched("Артемівськ"), idOf("bakhmut"));
  });

  test("a one-letter ASR slip in a long name is forgiven, not in a short one", () => {
    assert.equal(matched("Краматорсьск"), idOf("kramatorsk"));
    assert.equal(matched("Маріупль"), idOf("mariupol"));
    assert.equal(matched("Бахмат"), idOf("bakhmut"));
    assert.equal(matched("Костянтиніка"), idOf("kostiantynivka"));
    assert.equal(matched("Лимон"), "not_recognised");
  });

  test("not recognised, and ambiguous", () => {
    assert.equal(matched(""), "not_recognised");
    assert.equal(matched("не знаю"), "not_recognised");
    assert.equal(matched("Київ"), "not_recognised");
    assert.equal(matched("місто"), "not_recognised");
    assert.equal(matched("з Краматорська до Словʼянська"), "ambiguous");
    const twins = [
      { id: 1, names: ["Миколаївка", "Николаевка"] },
      { id: 2, names: ["Миколаївка", "Николаевка"] },
      { id: 3, names: ["Лиман"] },
      { id: 4, names: ["Красний Лиман"] },
    ];
    assert.equal(matched("у Миколаївці", twins), "ambiguous");
    assert.equal(matched("Красний Лиман", twins), 4);
    assert.equal(matched("Лиман", twins), 3);
  });

  test("what a match says", () => {
    assert.deepEqual(matchSettlement("Я з Маріуполя.", "uk", DEMO), {
      value: idOf("mariupol"),
      heard: "Маріуполя",
      name: "Маріуполь",
      score: 1,
    });
    const slip = matchSettlement("у Маріупполі", "uk", DEMO);
    assert.ok("value" in slip && slip.score === 0.7 && slip.heard === "Маріупполі", JSON.stringify(slip));
  });

  test("any capitals, apostrophe and place word keep the town", () => {
    const form = fc.constantFrom(
      ...Object.entries(FORMS).flatMap(([code, fs]) => fs.map((f) => ({ code, f }))),
    );
    fc.assert(
      fc.property(
        form,
        fc.constantFrom("", "місто ", "город ", "село ", "Ну, ", "я живу "),
        fc.constantFrom("ʼ", "'", "’", ""),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        fc.constantFrom("", ".", "!", ","),
        ({ code, f }, prefix, apostrophe, caps, end) => {
          const text = [...`${prefix}${f.replace(/[ʼ'’]/g, apostrophe)}${end}`]
            .map((ch, i) => (caps[i % caps.length] ? ch.toUpperCase() : ch.toLowerCase()))
            .join("");
          assert.equal(matched(text), idOf(code), text);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("the shared name matching", () => {
  test("stems and distances", () => {
    assert.equal(placeStem("Дружківці"), placeStem("Дружківка"));
    assert.equal(placeStem("Волновасі"), placeStem("Волноваха"));
    assert.equal(placeStem("Краматорську"), placeStem("Краматорск"));
    assert.equal(editDistance("маріуполь", "маріупль"), 1);
    assert.equal(editDistance("бахмут", "бахумт"), 1);
    assert.equal(editDistance("бахмут", "бах"), 2);
  });

  test("namesSettlement for the operator's search", () => {
    const kramatorsk = ["Краматорськ", "Краматорск", "Kramatorsk"];
    assert.ok(namesSettlement("Краматорську", kramatorsk));
    assert.ok(namesSettlement("краматорска", kramatorsk));
    assert.ok(!namesSettlement("Шкільна", kramatorsk));
    assert.ok(!namesSettlement("красний", ["красний лиман"]));
  });

  test("settlementPhrases: the Cyrillic names and the place words", () => {
    const phrases = settlementPhrases(DEMO, "uk");
    assert.ok(
      phrases.includes("краматорськ") && phrases.includes("місто") && phrases.includes("красний лиман"),
    );
    assert.ok(!phrases.includes("kramatorsk"));
    assert.ok(settlementPhrases(DEMO, "ru").includes("город"));
  });
});
