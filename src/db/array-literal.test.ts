import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import { engines } from "../../test/support/databases.ts";
import { arrayLiteral, arraysLiteral } from "./array-literal.ts";
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

    test("texts repeated from a few values, as the billing run sends them, come back as given", async () => {
      // The quoted forms are cached per distinct text: a repeat must read back exactly as its first.
      const words = ["NULL", "null", "Null", "water", "a b", '"', "{x}", "back\\slash", "", "2026-10-01"];
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.option(fc.constantFrom(...words), { nil: null }), { maxLength: 40 }),
          async (texts) => {
            const { rows } = await sql<{
              t: (string | null)[];
            }>`select ${arrayLiteral(texts)}::text[] as t`.execute(database.db);
            assert.deepEqual(rows[0]!.t, texts);
          },
        ),
        { numRuns: 40 },
      );
    });

    test("arrays of varying lengths come back one per element, each cast to its own array", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(fc.option(fc.string({ unit: "grapheme" }), { nil: null }), { maxLength: 6 })),
          fc.array(fc.array(fc.maxSafeInteger(), { maxLength: 12 })),
          async (texts, numbers) => {
            const clean = texts.map((a) => a.map((t) => (t === null ? null : t.replace(/\0/g, ""))));
            const { rows: t } = await sql<{ a: (string | null)[] }>`
              select x::text[] as a from unnest(${arraysLiteral(clean)}::text[]) with ordinality as u(x, n)
              order by n`.execute(database.db);
            assert.deepEqual(
              t.map((r) => r.a),
              clean,
            );
            const { rows: n } = await sql<{ a: string[] }>`
              select x::bigint[]::text[] as a from unnest(${arraysLiteral(numbers)}::text[]) with ordinality as u(x, n)
              order by n`.execute(database.db);
            assert.deepEqual(
              n.map((r) => r.a),
              numbers.map((a) => a.map(String)),
            );
          },
        ),
        { numRuns: 60 },
      );
    });
  });
}
