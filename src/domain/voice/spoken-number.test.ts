import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { numberPhrases, parseSpokenNumber, speakNumber } from "./spoken-number.ts";
import type { VoiceLang } from "./spoken-text.ts";

const RUNS = { numRuns: 3000 };
const LANGS: VoiceLang[] = ["uk", "ru"];
const value = (text: string, lang: VoiceLang = "uk") => {
  const r = parseSpokenNumber(text, lang);
  return "value" in r ? r.value : `error:${r.error}`;
};

// A speller written apart from speakNumber (its own tables, its own choices among the forms people use), so the
// round trip below is not the parser agreeing with itself. "'" stands for whichever apostrophe the case draws.
const SPELLER = {
  uk: {
    zero: ["нуль"],
    digits: "нуль один два три чотири п'ять шість сім вісім дев'ять".split(" "),
    feminine: { 1: ["одна"], 2: ["дві"] } as Record<number, string[]>,
    teens:
      "десять одинадцять дванадцять тринадцять чотирнадцять п'ятнадцять шістнадцять сімнадцять вісімнадцять дев'ятнадцять".split(
        " ",
      ),
    tens: ". . двадцять тридцять сорок п'ятдесят шістдесят сімдесят вісімдесят дев'яносто".split(" "),
    hundreds: ". сто двісті триста чотириста п'ятсот шістсот сімсот вісімсот дев'ятсот".split(" "),
    thousand: (n: number) =>
      n % 100 >= 11 && n % 100 <= 14
        ? "тисяч"
        : n % 10 === 1
          ? "тисяча"
          : n % 10 >= 2 && n % 10 <= 4
            ? "тисячі"
            : "тисяч",
    mark: ["кома", "крапка"],
  },
  ru: {
    zero: ["ноль", "нуль"],
    digits: "ноль один два три четыре пять шесть семь восемь девять".split(" "),
    feminine: { 1: ["одна"], 2: ["две"] } as Record<number, string[]>,
    teens:
      "десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать".split(
        " ",
      ),
    tens: ". . двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто".split(" "),
    hundreds: ". сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот".split(" "),
    thousand: (n: number) =>
      n % 100 >= 11 && n % 100 <= 14
        ? "тысяч"
        : n % 10 === 1
          ? "тысяча"
          : n % 10 >= 2 && n % 10 <= 4
            ? "тысячи"
            : "тысяч",
    mark: ["запятая", "точка"],
  },
};

const APOSTROPHES = ["ʼ", "'", "’", ""];

/** A choice source: the property's random picks (fc.context-free, from a seeded integer list). */
type Pick = <T>(options: readonly T[]) => T;
const picker = (seeds: number[]): Pick => {
  let i = 0;
  return (options) => options[(seeds[i++ % seeds.length] ?? 0) % options.length]!;
};

function spellTriple(n: number, lang: VoiceLang, feminine: boolean, pick: Pick): string[] {
  const s = SPELLER[lang];
  const out: string[] = [];
  if (n >= 100) out.push(s.hundreds[Math.floor(n / 100)]!);
  const r = n % 100;
  if (r >= 10 && r < 20) out.push(s.teens[r - 10]!);
  else {
    if (r >= 20) out.push(s.tens[Math.floor(r / 10)]!);
    const u = r % 10;
    if (u > 0) out.push(feminine && s.feminine[u] ? pick(s.feminine[u]) : s.digits[u]!);
  }
  return out;
}

function spellCardinal(n: number, lang: VoiceLang, pick: Pick): string[] {
  if (n === 0) return [pick(SPELLER[lang].zero)];
  const k = Math.floor(n / 1000);
  const out: string[] = [];
  // "тисяча" and "одна тисяча" are both said for a thousand.
  if (k === 1) out.push(...pick([[], spellTriple(1, lang, true, pick)]), SPELLER[lang].thousand(1));
  else if (k > 1) out.push(...spellTriple(k, lang, true, pick), SPELLER[lang].thousand(k));
  if (n % 1000 > 0) out.push(...spellTriple(n % 1000, lang, false, pick));
  return out;
}

const spellDigits = (digits: string, lang: VoiceLang, pick: Pick) =>
  [...digits].map((d) => (d === "0" ? pick(SPELLER[lang].zero) : SPELLER[lang].digits[Number(d)]!));

/** The words as an utterance: apostrophes of one random shape each, and Whisper's capitals and full stop. */
function utter(words: string[], pick: Pick, whisper = false): string {
  let text = words.map((w) => w.replace(/'/g, () => pick(APOSTROPHES))).join(" ");
  if (whisper) {
    text = text.charAt(0).toUpperCase() + text.slice(1);
    text += pick([".", "", "!", "…"]);
  }
  return text;
}

const seeds = fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 });
const lang = fc.constantFrom<VoiceLang>("uk", "ru");

describe("parseSpokenNumber", () => {
  test("cardinals, digits and mixed groups said as people say them", () => {
    const cases: [string, string][] = [
      ["дванадцять тисяч триста сорок пʼять", "12345"],
      ["12 тисяч 345", "12345"],
      ["12345", "12345"],
      ["12 345", "12345"],
      ["один два три чотири п'ять", "12345"],
      ["дванадцять тридцять чотири", "1234"],
      ["сто двадцять три", "123"],
      ["двадцять двадцять", "2020"],
      ["один два", "12"],
      ["нуль", "0"],
      ["нуль нуль сім", "7"],
      ["тисяча двісті", "1200"],
      ["одна тисяча", "1000"],
      ["двісті тисяч пʼятсот", "200500"],
      ["сто дві тисячі", "102000"],
      ["дві тисячі двадцять чотири", "2024"],
      ["двадцять дванадцять", "2012"],
      ["сто двісті", "100200"],
      ["девятьсот девяносто девять тысяч девятьсот девяносто девять", "999999"],
      ["двенадцать тысяч триста сорок пять", "12345"],
      ["пятьдесят", "50"],
      ["одиннадцять", "11"],
      // "ё" is "е"; either language's words are heard whichever the call is in.
      ["Сёмь", "7"],
    ];
    for (const [text, expected] of cases) assert.equal(value(text), expected, text);
    assert.equal(value("ЧОТИРИСТА", "uk"), "400");
  });

  test("decimals by a mark word, by digits, and as tenths or hundredths", () => {
    const cases: [string, string][] = [
      ["кома пʼять", "0.5"],
      ["дванадцять кома нуль пʼять", "12.05"],
      ["сто кома двадцять пʼять", "100.25"],
      ["сто запятая двадцать пять", "100.25"],
      ["сто точка один два три", "100.123"],
      ["сто крапка пʼять нуль", "100.5"],
      ["сім кома нуль", "7"],
      ["12345,6", "12345.6"],
      ["12345.6", "12345.6"],
      ["12 345,67", "12345.67"],
      ["дванадцять цілих пʼять десятих", "12.5"],
      ["три целых двадцать пять сотых", "3.25"],
      ["нуль цілих пʼять тисячних", "0.005"],
      ["три целых пять сотых", "3.05"],
    ];
    for (const [text, expected] of cases) assert.equal(value(text), expected, text);
  });

  test("fillers and Whisper's punctuation are ignored", () => {
    assert.equal(value("12 345."), "12345");
    assert.equal(value("Дванадцять тисяч."), "12000");
    assert.equal(value("Ну, е-е, показання: 12345,6 кіловат-годин!"), "12345.6");
    assert.equal(value("Мои показания — двести тридцать кубов.", "ru"), "230");
    assert.equal(value("«Сто».", "uk"), "100");
  });

  test("errors are data, from a closed list", () => {
    const cases: [string, string][] = [
      ["", "error:empty"],
      ["   ...  ", "error:empty"],
      ["ну е показання", "error:empty"],
      ["привіт як справи", "error:not_a_number"],
      ["сто гривень", "error:not_a_number"],
      ["кома", "error:misplaced_decimal_mark"],
      ["сто кома", "error:misplaced_decimal_mark"],
      ["один кома два кома три", "error:misplaced_decimal_mark"],
      ["один кома два три чотири пʼять", "error:too_many_fraction_digits"],
      ["1,2345", "error:too_many_fraction_digits"],
      ["двадцять пʼять десятих кома", "error:misplaced_decimal_mark"],
      ["один кома двадцять пʼять десятих", "error:too_many_fraction_digits"],
      ["1234567890", "error:too_large"],
      ["один два три чотири пʼять шість сім вісім девʼять нуль", "error:too_large"],
    ];
    for (const [text, expected] of cases) assert.equal(value(text), expected, text);
    const unknown = parseSpokenNumber("сто бананів", "uk");
    assert.deepEqual(unknown, { error: "not_a_number", word: "бананів" });
  });

  test("any text at all: a value in canonical form or an error code, never an exception", () => {
    const word = fc.constantFrom(
      ...numberPhrases("uk"),
      ...numberPhrases("ru"),
      "0",
      "12",
      ",",
      ".",
      "абв",
      "кома",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(word).map((w) => w.join(" ")),
        ),
        lang,
        (text, l) => {
          const r = parseSpokenNumber(text, l);
          if ("value" in r) assert.match(r.value, /^(0|[1-9][0-9]{0,8})(\.[0-9]{0,2}[1-9])?$/);
          else
            assert.ok(
              [
                "empty",
                "not_a_number",
                "too_large",
                "too_many_fraction_digits",
                "misplaced_decimal_mark",
              ].includes(r.error),
            );
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe("round trips", () => {
  test("every number 0–999 999 spoken by speakNumber parses back (sampled over the whole range)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), lang, (n, l) => {
        assert.equal(value(speakNumber(String(n), l), l), String(n));
      }),
      { numRuns: 20_000 },
    );
    // And exhaustively where the grammar's edges are: below two thousand, and each thousands count.
    for (const l of LANGS) {
      for (let n = 0; n < 2000; n++) assert.equal(value(speakNumber(String(n), l), l), String(n));
      for (let k = 1; k < 1000; k++) {
        for (const n of [k * 1000, k * 1000 + 1, k * 1000 + 11, k * 1000 + 999]) {
          assert.equal(value(speakNumber(String(n), l), l), String(n));
        }
      }
    }
  });

  test("an independent speller's cardinals, any apostrophe, parse back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), lang, seeds, (n, l, s) => {
        const pick = picker(s);
        assert.equal(value(utter(spellCardinal(n, l, pick), pick), l), String(n));
      }),
      RUNS,
    );
  });

  test("apostrophe shapes do not matter: ʼ ' ’ or none", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), seeds, (n, s) => {
        const pick = picker(s);
        const spoken = speakNumber(String(n), "uk").replace(/ʼ/g, () => pick(APOSTROPHES));
        assert.equal(value(spoken, "uk"), String(n));
      }),
      RUNS,
    );
  });

  test("digit by digit, with zeros, leading zeros dropped from the value", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,9}$/), lang, seeds, (digits, l, s) => {
        const pick = picker(s);
        const expected = digits.replace(/^0+(?=[0-9])/, "");
        assert.equal(value(utter(spellDigits(digits, l, pick), pick), l), expected);
      }),
      RUNS,
    );
  });

  test("pairs (10–99) and triples (100–999) said as cardinals concatenate", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.integer({ min: 10, max: 99 }), { minLength: 1, maxLength: 4 }),
          fc.array(fc.integer({ min: 100, max: 999 }), { minLength: 1, maxLength: 3 }),
        ),
        lang,
        seeds,
        (groups, l, s) => {
          const pick = picker(s);
          const words = groups.flatMap((g) => spellCardinal(g, l, pick));
          assert.equal(value(utter(words, pick), l), groups.join(""));
        },
      ),
      RUNS,
    );
  });

  test("decimals with 1–3 fraction digits, said digit by digit or as a number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.stringMatching(/^[0-9]{1,3}$/),
        lang,
        seeds,
        (whole, fraction, l, s) => {
          const pick = picker(s);
          const trimmed = fraction.replace(/0+$/, "");
          const expected = trimmed ? `${whole}.${trimmed}` : String(whole);
          // A fraction with no leading zero may be said as one number ("кома двадцять пʼять").
          const fractionWords =
            fraction.startsWith("0") || pick([true, false])
              ? spellDigits(fraction, l, pick)
              : spellCardinal(Number(fraction), l, pick);
          const words = [...spellCardinal(whole, l, pick), pick(SPELLER[l].mark), ...fractionWords];
          assert.equal(value(utter(words, pick), l), expected);
          assert.equal(value(speakNumber(expected, l), l), expected);
        },
      ),
      RUNS,
    );
  });

  test("Whisper-style capitals, punctuation and digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), lang, seeds, (n, l, s) => {
        const pick = picker(s);
        assert.equal(value(utter(spellCardinal(n, l, pick), pick, true), l), String(n));
        // Whisper also writes the number itself, with a thousands space and a full stop.
        const written =
          n >= 1000 ? `${Math.floor(n / 1000)} ${String(n % 1000).padStart(3, "0")}` : String(n);
        assert.equal(value(`${written}${pick([".", "", "!"])}`, l), String(n));
      }),
      RUNS,
    );
  });
});

describe("speakNumber and numberPhrases", () => {
  test("the read-back words", () => {
    assert.equal(speakNumber("0", "uk"), "нуль");
    assert.equal(speakNumber("0", "ru"), "ноль");
    assert.equal(speakNumber("12345.06", "uk"), "дванадцять тисяч триста сорок пʼять кома нуль шість");
    assert.equal(speakNumber("21000", "uk"), "двадцять одна тисяча");
    assert.equal(speakNumber("2000", "ru"), "две тысячи");
    assert.equal(speakNumber("11000", "ru"), "одиннадцать тысяч");
    assert.equal(speakNumber("1234567", "uk"), "один два три чотири пʼять шість сім");
    assert.throws(() => speakNumber("12,5", "uk"), RangeError);
  });

  test("the grammar's words cover everything speakNumber says", () => {
    for (const l of LANGS) {
      const phrases = new Set(numberPhrases(l));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 999_999 }), fc.stringMatching(/^[0-9]{0,3}$/), (n, f) => {
          for (const w of speakNumber(f ? `${n}.${f}` : String(n), l).split(" "))
            assert.ok(phrases.has(w), w);
        }),
        { numRuns: 2000 },
      );
    }
  });
});
