import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { normalizeAccountNumber } from "../account-number.ts";
import { KEYPAD_CONVENTION, parseKeypadAccount } from "./keypad-account.ts";
import { accountPhrases, parseSpokenAccount, speakAccount } from "./spoken-account.ts";
import type { VoiceLang } from "./spoken-text.ts";

const RUNS = { numRuns: 3000 };
const heard = (text: string, lang: VoiceLang = "uk") => {
  const r = parseSpokenAccount(text, lang);
  return "value" in r ? r.heard : `error:${r.error}`;
};

describe("parseSpokenAccount", () => {
  test("digits one by one or in groups, zeros kept", () => {
    const cases: [string, string][] = [
      ["один два три чотири пʼять шість сім вісім девʼять нуль", "1234567890"],
      ["сто двадцять три сорок пʼять", "12345"],
      ["нуль сім", "07"],
      ["нуль нуль один два", "0012"],
      ["дванадцять дефіс триста сорок пʼять", "12-345"],
      ["дванадцять дріб три", "12/3"],
      ["дванадцять крапка три тире сорок пʼять", "12.3-45"],
      ["двенадцать дробь три", "12/3"],
      ["двенадцать косая черта три", "12/3"],
      ["двенадцать косая три", "12/3"],
      ["дванадцять похила риска три", "12/3"],
      ["дванадцять риска три", "12-3"],
      ["12-345", "12-345"],
      ["12 345", "12345"],
    ];
    for (const [text, expected] of cases) assert.equal(heard(text), expected, text);
  });

  test("letters by their names, and as ASR writes single letters", () => {
    const cases: [string, string][] = [
      ["а дефіс тисяча двісті тридцять чотири", "А-1234"],
      ["ка ер дефіс дванадцять дріб пʼять", "КР-12/5"],
      ["ка эр дефис двенадцать дробь пять", "КР-12/5"],
      ["кр-12/5", "КР-12/5"],
      ["А-1234.", "А-1234"],
      ["и краткое один", "Й1"],
      ["йот один", "Й1"],
      ["ґе є ї і один", "ҐЄЇІ1"],
      ["эль эм эн один", "ЛМН1"],
      ["б 1", "Б1"],
      ["буква ка один два", "К12"],
    ];
    for (const [text, expected] of cases) assert.equal(heard(text), expected, text);
    assert.deepEqual(parseSpokenAccount("ка ер дефіс дванадцять дріб пʼять", "uk"), {
      value: "KP125",
      heard: "КР-12/5",
    });
  });

  test("ASR noise around the number", () => {
    assert.equal(heard("Ну, мій особовий рахунок — 12-345."), "12-345");
    assert.equal(heard("Номер рахунку це нуль сім сорок два"), "0742");
    assert.equal(heard("це нуль сім"), "Ц07");
    assert.equal(heard("Мой лицевой счет: двенадцать, триста сорок пять.", "ru"), "12345");
    assert.equal(heard("Это ка эр дефис пять", "ru"), "КР-5");
  });

  test("errors", () => {
    const cases: [string, string][] = [
      ["", "error:empty"],
      ["ну номер", "error:empty"],
      ["дефіс дванадцять", "error:misplaced_separator"],
      ["дванадцять дефіс", "error:misplaced_separator"],
      ["дванадцять дефіс дріб три", "error:misplaced_separator"],
      ["ка ер", "error:no_digits"],
      ["не памʼятаю", "error:not_recognised"],
      ["дванадцять бананів", "error:not_recognised"],
      [Array(41).fill("один").join(" "), "error:too_long"],
    ];
    for (const [text, expected] of cases) assert.equal(heard(text), expected, text);
    assert.deepEqual(parseSpokenAccount("дванадцять бананів", "uk"), {
      error: "not_recognised",
      word: "бананів",
    });
  });
});

// Generated account numbers, rendered in words by a speller of the test's own, parse back to the same key.
const LETTERS = {
  uk: {
    А: "а",
    Б: "бе",
    Г: "ге",
    Ґ: "ґе",
    Є: "є",
    Ж: "же",
    І: "і",
    Ї: "ї",
    Й: "йот",
    К: "ка",
    Л: "ель",
    Р: "ер",
    Ц: "це",
    Ш: "ша",
    Я: "я",
  },
  ru: {
    А: "а",
    Б: "бэ",
    Г: "гэ",
    Й: "и краткое",
    К: "ка",
    Л: "эль",
    Р: "эр",
    С: "эс",
    Ц: "цэ",
    Э: "э",
    Ю: "ю",
    Я: "я",
  },
} as const;
const DIGIT = {
  uk: "нуль один два три чотири пʼять шість сім вісім девʼять".split(" "),
  ru: "ноль один два три четыре пять шесть семь восемь девять".split(" "),
};
const TENS = {
  uk: ". . двадцять тридцять сорок пʼятдесят шістдесят сімдесят вісімдесят девʼяносто".split(" "),
  ru: ". . двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто".split(" "),
};
const TEENS = {
  uk: "десять одинадцять дванадцять тринадцять чотирнадцять пʼятнадцять шістнадцять сімнадцять вісімнадцять девʼятнадцять".split(
    " ",
  ),
  ru: "десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать".split(
    " ",
  ),
};
const HUNDREDS = {
  uk: ". сто двісті триста чотириста пʼятсот шістсот сімсот вісімсот девʼятсот".split(" "),
  ru: ". сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот".split(" "),
};
const SEPARATOR = {
  uk: { "-": "дефіс", "/": "дріб", ".": "крапка" },
  ru: { "-": "тире", "/": "дробь", ".": "точка" },
};

function pairOrTriple(n: number, lang: VoiceLang): string[] {
  const out = n >= 100 ? [HUNDREDS[lang][Math.floor(n / 100)]!] : [];
  const r = n % 100;
  if (r >= 10 && r < 20) return [...out, TEENS[lang][r - 10]!];
  if (r >= 20) out.push(TENS[lang][Math.floor(r / 10)]!);
  if (r % 10 > 0) out.push(DIGIT[lang][r % 10]!);
  return out;
}

/**
 * A run of digits in words, cut into chunks of 1–3 as `cuts` says. A chunk is said as a cardinal only when that
 * cannot be misheard: it has no leading zero, and it is complete (ends in a unit or a teen) unless the run ends
 * there or a hundred follows, which nothing before it extends. Otherwise digit by digit.
 */
function spellRun(digits: string, lang: VoiceLang, cuts: number[]): string[] {
  const chunks: string[] = [];
  for (let i = 0, c = 0; i < digits.length; c++) {
    const size = 1 + ((cuts[c % cuts.length] ?? 0) % 3);
    chunks.push(digits.slice(i, i + size));
    i += size;
  }
  // Decided from the end: whether a chunk may be a cardinal depends on how the next one is said.
  const said: string[][] = [];
  let nextIsHundred = false;
  let last = true;
  for (const chunk of chunks.reverse()) {
    const n = Number(chunk);
    const complete = n % 10 !== 0 || (n % 100 >= 10 && n % 100 < 20);
    const cardinal: boolean =
      chunk.length > 1 && !chunk.startsWith("0") && (complete || last || nextIsHundred);
    said.unshift(cardinal ? pairOrTriple(n, lang) : [...chunk].map((d) => DIGIT[lang][Number(d)]!));
    nextIsHundred = cardinal && chunk.length === 3;
    last = false;
  }
  return said.flat();
}

const lang = fc.constantFrom<VoiceLang>("uk", "ru");
const segment = (l: VoiceLang) =>
  fc.oneof(
    fc.stringMatching(/^[0-9]{1,6}$/).map((d) => ({ kind: "digits" as const, text: d })),
    fc
      .array(fc.constantFrom(...Object.keys(LETTERS[l])), { minLength: 1, maxLength: 3 })
      .map((ls) => ({ kind: "letters" as const, text: ls.join("") })),
  );
const account = lang.chain((l) =>
  fc.record({
    lang: fc.constant(l),
    segments: fc.array(fc.tuple(segment(l), fc.constantFrom("", "", "-", "/", ".")), {
      minLength: 1,
      maxLength: 4,
    }),
    cuts: fc.array(fc.nat(5), { minLength: 1, maxLength: 6 }),
    letterByName: fc.boolean(),
  }),
);

describe("generated account numbers round-trip", () => {
  test("said in words (grouped or digit by digit, letters by name or alone) they parse to the same key", () => {
    fc.assert(
      fc.property(account, ({ lang: l, segments, cuts, letterByName }) => {
        // Adjacent segments of one kind merge into one; the separator goes between segments.
        let printed = "";
        const words: string[] = [];
        segments.forEach(([seg, sep], i) => {
          if (i > 0 && sep) {
            printed += sep;
            words.push(SEPARATOR[l][sep as "-" | "/" | "."]);
          }
          printed += seg.text;
          if (seg.kind === "letters")
            for (const ch of seg.text)
              words.push(
                letterByName ? LETTERS[l][ch as keyof (typeof LETTERS)[typeof l]] : ch.toLowerCase(),
              );
          else words.push(...spellRun(seg.text, l, cuts));
        });
        fc.pre(/[0-9]/.test(printed));
        // Runs of digits with nothing between are one run: the expectation is the printed text.
        const merged = segments.some(
          ([seg, sep], i) => i > 0 && !sep && seg.kind === segments[i - 1]![0].kind,
        );
        fc.pre(!merged);
        const r = parseSpokenAccount(words.join(" "), l);
        assert.ok("value" in r, `${words.join(" ")} → ${JSON.stringify(r)}`);
        assert.equal(r.heard, printed);
        assert.equal(r.value, normalizeAccountNumber(printed));
      }),
      RUNS,
    );
  });

  test("speakAccount's words parse back", () => {
    fc.assert(
      fc.property(account, ({ lang: l, segments }) => {
        const printed = segments.map(([seg, sep], i) => (i > 0 ? sep : "") + seg.text).join("");
        fc.pre(/[0-9]/.test(printed));
        const r = parseSpokenAccount(speakAccount(printed, l), l);
        assert.ok("value" in r);
        assert.equal(r.heard, printed);
        // The key as stored reads back the same too: Latin look-alikes are named as the Cyrillic letters.
        const again = parseSpokenAccount(speakAccount(normalizeAccountNumber(printed), l), l);
        assert.ok("value" in again);
        assert.equal(again.value, normalizeAccountNumber(printed));
      }),
      RUNS,
    );
  });

  test("speakAccount and the grammar", () => {
    assert.equal(speakAccount("КР-12/5", "uk"), "ка ер дефіс один два дріб пʼять");
    assert.equal(speakAccount("КР-12/5", "ru"), "ка эр дефис один два дробь пять");
    assert.equal(speakAccount("07.3", "ru"), "ноль семь точка три");
    for (const l of ["uk", "ru"] as const) {
      const phrases = new Set(accountPhrases(l).flatMap((p) => p.split(" ")));
      for (const w of speakAccount("АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЮЯ-/.0123456789", l).split(" "))
        assert.ok(phrases.has(w), `${l}: ${w}`);
    }
  });
});

describe("parseKeypadAccount", () => {
  test("the documented convention", () => {
    assert.deepEqual(parseKeypadAccount("12*1345"), { value: "12345", heard: "12-345" });
    assert.deepEqual(parseKeypadAccount("12*23"), { value: "123", heard: "12/3" });
    assert.deepEqual(parseKeypadAccount("12*33*145#"), { value: "12345", heard: "12.3-45" });
    assert.deepEqual(parseKeypadAccount("0012"), { value: "0012", heard: "0012" });
    assert.deepEqual(parseKeypadAccount("129**3"), { value: "123", heard: "123" });
    assert.deepEqual(parseKeypadAccount("12*1**3"), { value: "123", heard: "123" });
    assert.deepEqual(parseKeypadAccount("**5"), { value: "5", heard: "5" });
    assert.deepEqual(parseKeypadAccount(""), { error: "empty" });
    assert.deepEqual(parseKeypadAccount("#"), { error: "empty" });
    assert.deepEqual(parseKeypadAccount("12*4"), { error: "bad_keys" });
    assert.deepEqual(parseKeypadAccount("12*"), { error: "bad_keys" });
    assert.deepEqual(parseKeypadAccount("12#3"), { error: "bad_keys" });
    assert.deepEqual(parseKeypadAccount("12A"), { error: "bad_keys" });
    assert.deepEqual(parseKeypadAccount("*112"), { error: "misplaced_separator" });
    assert.deepEqual(parseKeypadAccount("1".repeat(41)), { error: "too_long" });
    assert.deepEqual(
      KEYPAD_CONVENTION.specials.map((s) => s.means),
      ["-", "/", "."],
    );
  });

  test("keys for any digits-and-separators number give that number", () => {
    const keyOf: Record<string, string> = { "-": "*1", "/": "*2", ".": "*3" };
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,5}([-/.][0-9]{1,5}){0,3}$/), fc.boolean(), (printed, hash) => {
        const keys = [...printed].map((c) => keyOf[c] ?? c).join("") + (hash ? "#" : "");
        assert.deepEqual(parseKeypadAccount(keys), {
          value: normalizeAccountNumber(printed),
          heard: printed,
        });
        // A wrong key erased with ** changes nothing.
        const fixed = keys.replace(/^([0-9])/, "$19**");
        assert.deepEqual(parseKeypadAccount(fixed), {
          value: normalizeAccountNumber(printed),
          heard: printed,
        });
      }),
      RUNS,
    );
  });
});
