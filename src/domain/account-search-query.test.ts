import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  ACCOUNT_KEY_UNPADDED_SQL,
  namesSettlement,
  readSearchQuery,
  unpaddedAccountKey,
} from "./account-search-query.ts";

test("a number's key loses the zeros that lead each run of digits as typed, and only those", () => {
  assert.equal(unpaddedAccountKey("ВК0291000"), "BK291000");
  assert.equal(unpaddedAccountKey("вк 291000"), "BK291000");
  assert.equal(unpaddedAccountKey("0000123"), "123");
  assert.equal(unpaddedAccountKey("10-020835/3"), "10208353");
  assert.equal(unpaddedAccountKey("10-20835/3"), "10208353");
  // Inside a run the zeros stay: the separators were dropped already.
  assert.equal(unpaddedAccountKey("100208353"), "100208353");
  assert.equal(unpaddedAccountKey("K.072750"), "K72750");
  assert.equal(unpaddedAccountKey("000"), "0");
});

test("the migration indexes exactly the SQL the search compares", () => {
  const migration = readFileSync(
    new URL("../db/migrations/0023_account_search.sql", import.meta.url),
    "utf8",
  );
  assert.ok(migration.includes(`((${ACCOUNT_KEY_UNPADDED_SQL}))`));
});

test("a number typed any way gives the stored key and its unpadded twin", () => {
  const q = readSearchQuery("  вк-0291 000 ");
  assert.equal(q.numberKey, "BK0291000");
  assert.equal(readSearchQuery("BK 0291000").unpaddedKey, "BK291000");
  assert.equal(q.phone, null);
  // Its letters belong to the number, not to a name.
  assert.equal(q.name, null);
});

test("a phone number is read as one, in any of its spellings", () => {
  assert.equal(readSearchQuery("067 111-22-33").phone, "+380671112233");
  assert.equal(readSearchQuery("+38 (067) 111 22 33").phone, "+380671112233");
  assert.equal(readSearchQuery("Шевченко").phone, null);
});

test("an address splits into its words and its numbers, the street types dropped", () => {
  const q = readSearchQuery("м. Краматорськ, вул. Шкільна, буд. 82/23");
  assert.deepEqual(q.placeWords, ["Краматорськ", "Шкільна"]);
  assert.deepEqual(q.placeNumbers, ["82", "23"]);
  assert.equal(q.numberKey, null);
  const joined = readSearchQuery("вул.Шкільна 12а кв.5");
  assert.deepEqual(joined.placeWords, ["Шкільна"]);
  assert.deepEqual(joined.placeNumbers, ["12А", "5"]);
});

test("a name keeps its words of two letters or more", () => {
  assert.equal(readSearchQuery("Шевченко  Марія").name, "Шевченко Марія");
  assert.equal(readSearchQuery("12345").name, null);
  assert.equal(readSearchQuery("").numberKey, null);
});

test("a settlement is recognised in its case forms and languages", () => {
  const kramatorsk = ["Краматорськ", "Краматорск", "Kramatorsk"];
  assert.ok(namesSettlement("Краматорську", kramatorsk));
  assert.ok(namesSettlement("краматорска", kramatorsk));
  assert.ok(namesSettlement("Kramatorsk", kramatorsk));
  assert.ok(!namesSettlement("Краматорськоюмістом", kramatorsk));
  assert.ok(!namesSettlement("Шкільна", kramatorsk));
  assert.ok(namesSettlement("Словʼянськ", ["Словʼянськ"]));
});
