import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRegistryDate, parseRegistryPeriod } from "./registry-date.ts";

test("dates are read in the source's format and must be real days", () => {
  assert.equal(parseRegistryDate("2026-11-04", "YYYY-MM-DD"), "2026-11-04");
  assert.equal(parseRegistryDate("04.11.2026", "DD.MM.YYYY"), "2026-11-04");
  assert.equal(parseRegistryDate(" 04/11/2026 ", "DD/MM/YYYY"), "2026-11-04");
  assert.equal(parseRegistryDate("04-11-2026", "DD-MM-YYYY"), "2026-11-04");
  assert.equal(parseRegistryDate("29.02.2028", "DD.MM.YYYY"), "2028-02-29");
  assert.equal(parseRegistryDate("04.11.2026 14:05:33", "DD.MM.YYYY"), "2026-11-04");
  assert.equal(parseRegistryDate("2026-11-04T14:05", "YYYY-MM-DD"), "2026-11-04");
  for (const bad of [
    "30.02.2026",
    "2026-11-04",
    "04.13.2026",
    "4.13.2026",
    "04.11.26",
    "4..2026",
    "",
    "сьогодні",
  ])
    assert.equal(parseRegistryDate(bad, "DD.MM.YYYY"), null, bad);
  assert.equal(parseRegistryDate("2026-02-30", "YYYY-MM-DD"), null);
  assert.equal(parseRegistryDate("04.11.2026T", "DD.MM.YYYY"), null);
  assert.equal(parseRegistryDate("004.11.2026", "DD.MM.YYYY"), null);
  assert.equal(parseRegistryDate("04.11.2026 25:00", "DD.MM.YYYY"), null);
  assert.equal(parseRegistryDate("04.11.2026 вранці", "DD.MM.YYYY"), null);
});

test("a day or a month without its leading zero is read as written", () => {
  assert.equal(parseRegistryDate("4.11.2026", "DD.MM.YYYY"), "2026-11-04");
  assert.equal(parseRegistryDate("04.1.2026 9:15", "DD.MM.YYYY"), "2026-01-04");
  assert.equal(parseRegistryDate("4/1/2026", "DD/MM/YYYY"), "2026-01-04");
  assert.equal(parseRegistryDate("4-11-2026", "DD-MM-YYYY"), "2026-11-04");
  assert.equal(parseRegistryDate("2026-1-4", "YYYY-MM-DD"), "2026-01-04");
  assert.equal(parseRegistryDate("31.4.2026", "DD.MM.YYYY"), null, "April has 30 days");
});

test("a named period is a month in one of the usual spellings", () => {
  assert.equal(parseRegistryPeriod("2026-10"), "2026-10");
  assert.equal(parseRegistryPeriod("10.2026"), "2026-10");
  assert.equal(parseRegistryPeriod("3/2026"), "2026-03");
  assert.equal(parseRegistryPeriod("2026-13"), null);
  assert.equal(parseRegistryPeriod("жовтень"), null);
  assert.equal(parseRegistryPeriod("10.1926"), null);
});
