// The readings of the demo region are computed in the process and its households in SQL, from the same draws: the
// process's demoRandom must give the database's demo_rand bit for bit, and a reading's value must come out as the
// database turned the same float8 into numeric (15 significant digits, mod the meter's capacity, truncated).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import { demoRandom } from "../../src/demo/demo-random.ts";
import { DEMO_FUNCTIONS_SQL } from "../../src/demo/generate-batch.ts";
import { readingValueText } from "../../src/demo/generate-readings.ts";
import { forEachDatabase } from "../support/databases.ts";

forEachDatabase("demo draws in the process and in the database", (get) => {
  test("demoRandom equals demo_rand for any seed, key and salt", async () => {
    const { database } = get();
    await database.exec(DEMO_FUNCTIONS_SQL);
    const cases = fc.sample(
      fc.tuple(
        fc.integer({ min: 0, max: 100_000 }),
        fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
        fc.integer({ min: 0, max: 100 }),
      ),
      { numRuns: 400, seed: 15 },
    );
    cases.push([1, 0, 1], [42, 4294967295, 50], [42, 4294967296, 56], [0, 12345, 0]);
    const { rows } = await sql<{ v: number }>`
      select demo_rand(s, k, t) as v
      from unnest(${cases.map((c) => c[0])}::int[], ${cases.map((c) => c[1])}::bigint[],
        ${cases.map((c) => c[2])}::int[]) with ordinality as x(s, k, t, n)
      order by n`.execute(database.db);
    cases.forEach(([seed, key, salt], i) => {
      assert.equal(demoRandom(seed)(key, salt), Number(rows[i]!.v), `demo_rand(${seed}, ${key}, ${salt})`);
    });
  });

  test("a reading's value text equals the database's float8 → numeric, mod and trunc", async () => {
    const { database } = get();
    const values = fc.sample(
      fc.oneof(
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        fc.double({ min: 0, max: 1e-3, noNaN: true }),
        fc.integer({ min: 0, max: 10 ** 7 }).map((n) => n / 1000),
      ),
      { numRuns: 300, seed: 15 },
    );
    values.push(0, 1e-7, 0.1 + 0.2, 99999.99999999999, 100000, 5.1);
    for (const [decimals, digits] of [
      [0, 5],
      [3, 5],
      [0, 6],
    ] as const) {
      const { rows } = await sql<{ plain: string; wrapped: string }>`
        select trunc(x::numeric, ${decimals})::text as plain,
          trunc(mod(x::numeric, (10::float8 ^ ${digits})::numeric), ${decimals})::text as wrapped
        from unnest(${values}::float8[]) with ordinality as v(x, n) order by n`.execute(database.db);
      values.forEach((x, i) => {
        assert.equal(readingValueText(x, decimals), rows[i]!.plain, `trunc(${x}, ${decimals})`);
        assert.equal(readingValueText(x, decimals, digits), rows[i]!.wrapped, `mod ${digits} digits: ${x}`);
      });
    }
  });
});
