// The ICU formatter: placeholders, plural forms in each language, apostrophes, and what a missing param does.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ERROR_CODES } from "../services/error-codes.ts";
import { errorMessage } from "../services/errors.ts";
import type { Locale } from "./locale.ts";
import { bindMessages, defineMessages, fill, format, formatEach, type Message } from "./messages.ts";

const COUNTS = [1, 2, 5, 11, 21, 22, 25] as const;

const M = defineMessages("test: messages", {
  daysLeft: {
    uk: "Залишилося {n, plural, one {# день} few {# дні} many {# днів} other {# дня}}",
    ru: "Осталось {n, plural, one {# день} few {# дня} many {# дней} other {# дня}}",
    en: "{n, plural, one {# day} other {# days}} left",
  },
  accounts: {
    uk: "{n, plural, one {# рахунок} few {# рахунки} many {# рахунків} other {# рахунку}}",
    ru: "{n, plural, one {# счёт} few {# счёта} many {# счетов} other {# счёта}}",
    en: "{n, plural, one {# account} other {# accounts}}",
  },
  apostrophes: {
    uk: "Об'єкт «{name}» не вміщується в пам'ять, прив’язка {n, plural, one {об'єкта} other {об'єктів}} — з'ясуйте",
    ru: "Объект «{name}»",
    en: "The object's name '{name}' isn't it's",
  },
});

const forms = (message: Message, locale: Locale) => COUNTS.map((n) => format(message, locale, { n }));

test("days left: Ukrainian, Russian and English plural forms for 1, 2, 5, 11, 21, 22, 25", () => {
  assert.deepEqual(forms(M.daysLeft, "uk"), [
    "Залишилося 1 день",
    "Залишилося 2 дні",
    "Залишилося 5 днів",
    "Залишилося 11 днів",
    "Залишилося 21 день",
    "Залишилося 22 дні",
    "Залишилося 25 днів",
  ]);
  assert.deepEqual(forms(M.daysLeft, "ru"), [
    "Осталось 1 день",
    "Осталось 2 дня",
    "Осталось 5 дней",
    "Осталось 11 дней",
    "Осталось 21 день",
    "Осталось 22 дня",
    "Осталось 25 дней",
  ]);
  assert.deepEqual(forms(M.daysLeft, "en"), [
    "1 day left",
    "2 days left",
    "5 days left",
    "11 days left",
    "21 days left",
    "22 days left",
    "25 days left",
  ]);
});

test("accounts: 1 рахунок, 2 рахунки, 5 рахунків; 1 счёт, 2 счёта, 5 счетов", () => {
  assert.deepEqual(forms(M.accounts, "uk"), [
    "1 рахунок",
    "2 рахунки",
    "5 рахунків",
    "11 рахунків",
    "21 рахунок",
    "22 рахунки",
    "25 рахунків",
  ]);
  assert.deepEqual(forms(M.accounts, "ru"), [
    "1 счёт",
    "2 счёта",
    "5 счетов",
    "11 счетов",
    "21 счёт",
    "22 счёта",
    "25 счетов",
  ]);
  assert.deepEqual(forms(M.accounts, "en").slice(0, 2), ["1 account", "2 accounts"]);
});

test("large counts are grouped as the language writes them, and the form follows the whole number", () => {
  assert.equal(format(M.accounts, "uk", { n: 12_345 }), "12\u00a0345 рахунків");
  assert.equal(format(M.accounts, "en", { n: 12_345 }), "12,345 accounts");
});

test("an apostrophe stays as written, in a word or around a placeholder (never ICU quoting)", () => {
  assert.equal(
    format(M.apostrophes, "uk", { name: "лічильник", n: 2 }),
    "Об'єкт «лічильник» не вміщується в пам'ять, прив’язка об'єктів — з'ясуйте",
  );
  assert.equal(format(M.apostrophes, "uk", { name: "x", n: 1 }).includes("об'єкта"), true);
  assert.equal(format(M.apostrophes, "en", { name: "x", n: 1 }), "The object's name 'x' isn't it's");
  // The registry's own texts with ASCII apostrophes in Ukrainian words.
  assert.match(
    errorMessage("registry_wrong_encoding", "en", { file: "a.csv", expected: "UTF-8", found: "cp1251" }),
    /source's encoding to auto/,
  );
});

test("plurals in the error codes: tries' wait, tokens, a meter's zones and digits, a registry's lines", () => {
  const minutes = (l: Locale) =>
    COUNTS.map((n) => /(\d+ \S+)\.$/.exec(errorMessage("too_many_attempts", l, { minutes: n }))![1]);
  assert.deepEqual(minutes("uk"), [
    "1 хвилину",
    "2 хвилини",
    "5 хвилин",
    "11 хвилин",
    "21 хвилину",
    "22 хвилини",
    "25 хвилин",
  ]);
  assert.deepEqual(minutes("ru"), [
    "1 минуту",
    "2 минуты",
    "5 минут",
    "11 минут",
    "21 минуту",
    "22 минуты",
    "25 минут",
  ]);
  assert.deepEqual(minutes("en"), [
    "1 minute",
    "2 minutes",
    "5 minutes",
    "11 minutes",
    "21 minutes",
    "22 minutes",
    "25 minutes",
  ]);
  assert.match(errorMessage("too_many_tokens", "uk", { limit: 21 }), /У вас уже 21 ключ доступу/);
  assert.match(errorMessage("too_many_tokens", "ru", { limit: 25 }), /У вас уже 25 ключей доступа/);
  assert.match(errorMessage("too_many_tokens", "en", { limit: 1 }), /already have 1 access token,/);
  assert.match(
    errorMessage("reading_zones_mismatch", "uk", { zones: 3, expected: "1, 2, 3" }),
    /має 3 зони\./,
  );
  assert.match(
    errorMessage("reading_zones_mismatch", "ru", { zones: 2, expected: "1, 2" }),
    /счётчика 2 зоны\./,
  );
  assert.match(
    errorMessage("reading_too_many_digits", "uk", { maxDigits: 5, zoneLabel: "" }),
    /лише 5 цифр до коми/,
  );
  assert.match(
    errorMessage("reading_too_many_digits", "uk", { maxDigits: 4, zoneLabel: "" }),
    /лише 4 цифри до коми/,
  );
  assert.match(
    errorMessage("reading_too_many_digits", "ru", { maxDigits: 1, zoneLabel: "" }),
    /только 1 цифра до/,
  );
  assert.match(
    errorMessage("reading_too_many_decimals", "uk", { maxDecimals: 0, zoneLabel: "" }),
    /показує лише цілі числа\./,
  );
  assert.match(
    errorMessage("reading_too_many_decimals", "uk", { maxDecimals: 3, zoneLabel: "" }),
    /не більше 3 знаків/,
  );
  assert.match(
    errorMessage("reading_too_many_decimals", "en", { maxDecimals: 1, zoneLabel: "" }),
    /at most 1 decimal place\./,
  );
  const imported = (l: Locale, lines: number) =>
    errorMessage("registry_already_imported", l, {
      posted: 1,
      lines,
      source: "s",
      file: "f",
      registryId: 7,
      importedAt: "x",
    });
  assert.match(imported("uk", 21), /проведено 1 з 21 рядка\)/);
  assert.match(imported("uk", 25), /проведено 1 з 25 рядків\)/);
  assert.match(imported("ru", 1), /проведено 1 из 1 строки\)/);
  assert.match(imported("ru", 5), /проведено 1 из 5 строк\)/);
  assert.match(imported("en", 1), /1 of 1 line posted/);
});

test("a param that differs by language is taken in the message's language", () => {
  const date = { uk: "1 липня 2019", ru: "1 июля 2019", en: "1 July 2019" };
  assert.deepEqual(formatEach({ uk: "з {date}", ru: "с {date}", en: "from {date}" }, { date }), {
    uk: "з 1 липня 2019",
    ru: "с 1 июля 2019",
    en: "from 1 July 2019",
  });
});

test("a missing param shows as its {name}, as before, instead of failing the whole answer", () => {
  assert.equal(format({ uk: "Лічильник {serial}", ru: "", en: "" }, "uk"), "Лічильник {serial}");
  assert.equal(fill("Meter {serial} on {date}", { serial: "A-1" }, "en"), "Meter A-1 on {date}");
});

test("a bound catalogue says each message in its language", () => {
  const ru = bindMessages(M, "ru");
  assert.equal(ru.accounts({ n: 22 }), "22 счёта");
  assert.ok(Object.keys(ERROR_CODES).length > 0);
});

test("CLI summaries: lines and accounts counted in each language", async () => {
  const { CLI_MESSAGES } = await import("../cli/messages.ts");
  const billed = (l: Locale, n: number) =>
    format(CLI_MESSAGES.billed, l, {
      provider: "power",
      period: "2019-07",
      n,
      seconds: 3,
      runId: 9,
      resumed: "no",
    });
  assert.deepEqual(
    COUNTS.map((n) => /нараховано (.+?) за /.exec(billed("uk", n))![1]),
    ["1 рахунок", "2 рахунки", "5 рахунків", "11 рахунків", "21 рахунок", "22 рахунки", "25 рахунків"],
  );
  assert.deepEqual(
    COUNTS.map((n) => /начислено (.+?) за /.exec(billed("ru", n))![1]),
    ["1 счёт", "2 счёта", "5 счетов", "11 счетов", "21 счёт", "22 счёта", "25 счетов"],
  );
  assert.equal(billed("en", 1), "power 2019-07: 1 account billed in 3 s (run 9); the month is closed");
  assert.deepEqual(
    COUNTS.map((n) => format(CLI_MESSAGES.blankLines, "uk", { n })),
    [
      "(1 порожній рядок пропущено)",
      "(2 порожні рядки пропущено)",
      "(5 порожніх рядків пропущено)",
      "(11 порожніх рядків пропущено)",
      "(21 порожній рядок пропущено)",
      "(22 порожні рядки пропущено)",
      "(25 порожніх рядків пропущено)",
    ],
  );
  assert.equal(format(CLI_MESSAGES.blankLines, "ru", { n: 22 }), "(22 пустые строки пропущены)");
  assert.equal(format(CLI_MESSAGES.blankLines, "en", { n: 1 }), "(1 blank line skipped)");
  assert.equal(format(CLI_MESSAGES.blankLines, "en", { n: 2 }), "(2 blank lines skipped)");
});
