import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import { engines } from "../../test/support/databases.ts";
import { arrayLiteral } from "./array-literal.ts";
import type { Database } from "./database.ts";

for (const engine of engines()) {
  describe(`array literals [${engine.name}]`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ database, dispose } = await engine.open());
    });
    after(() => dispose());

    test("the database reads back every text and number as given", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.option(fc.string({ unit: "grapheme" }), { nil: null })),
          fc.array(fc.option(fc.maxSafeInteger(), { nil: null })),
          async (texts, numbers) => {
            const clean = texts.map((t) => (t === null ? null : t.replace(/\0/g, "")));
            const { rows } = await sql<{ t: (string | null)[]; n: (string | null)[] }>`
              select ${arrayLiteral(clean)}::text[] as t, ${arrayLiteral(numbers)}::bigint[]::text[] as n`.execute(
              database.db,
            );
            assert.deepEqual(rows[0]!.t, clean);
            assert.deepEqual(
              rows[0]!.n,
              numbers.map((x) => (x === null ? null : String(x))),
            );
          },
        ),
        { numRuns: 60 },
      );
    });
  });
}
