// The process computes an account's hash as PostgreSQL's hashint8 does (both engines), and finds its shard by the
// shards' lower bounds.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import { forEachDatabase } from "../../../test/support/databases.ts";
import { hashint8, shardIndex } from "./shard-of.ts";

forEachDatabase("hashint8 in the process", (get) => {
  test("equals PostgreSQL's for ids of every size and sign", async () => {
    const ids = [
      0,
      1,
      -1,
      4,
      61,
      93,
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31),
      2 ** 32,
      2 ** 53 - 1,
      -(2 ** 53 - 1),
      ...fc.sample(fc.maxSafeInteger(), { numRuns: 300, seed: 7 }),
    ];
    const { rows } = await sql<{ id: string; h: number }>`
      select id::text, hashint8(id) as h from unnest(${ids.map(String)}::bigint[]) as id`.execute(
      get().database.db,
    );
    assert.equal(rows.length, ids.length);
    for (const r of rows) assert.equal(hashint8(Number(r.id)), r.h, `id ${r.id}`);
  });
});

test("a hash's shard is the last whose lower bound is not above it", () => {
  const bounds = [-2147483648, -1073741824, 0, 1073741824];
  assert.equal(shardIndex(bounds, -2147483648), 0);
  assert.equal(shardIndex(bounds, -1073741825), 0);
  assert.equal(shardIndex(bounds, -1073741824), 1);
  assert.equal(shardIndex(bounds, -1), 1);
  assert.equal(shardIndex(bounds, 0), 2);
  assert.equal(shardIndex(bounds, 2147483647), 3);
});
