import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import { engines } from "../../test/support/databases.ts";
import type { Database } from "./database.ts";
import { PackedRow, packed } from "./packed-row.ts";

// A row as the billing run's reads have them: big integers (ids, thousandths), small ones, negative ones, booleans,
// codes, any of them NULL.
const row = fc.record(
  {
    big: fc.option(
      fc.maxSafeInteger().filter((n) => n >= -(2 ** 53) + 1),
      { nil: null },
    ),
    small: fc.option(fc.integer({ min: -40_000, max: 40_000 }), { nil: null }),
    flag: fc.option(fc.boolean(), { nil: null }),
    code: fc.option(fc.stringMatching(/^[a-z_]{1,20}$/), { nil: null }),
    last: fc.option(fc.integer(), { nil: null }),
  },
  { noNullPrototype: true },
);

describe("PackedRow", () => {
  test("reads fields in order, empty ones as null", () => {
    const r = new PackedRow().of("12,-3,,regular,1,0,");
    assert.equal(r.int(), 12);
    assert.equal(r.need(), -3);
    assert.equal(r.text(), null);
    assert.equal(r.text(), "regular");
    assert.equal(r.bool(), true);
    assert.equal(r.bool(), false);
    assert.equal(r.int(), null);
    r.end();
  });

  test("refuses what is not what it was asked for, and a row read short or long", () => {
    assert.throws(() => new PackedRow().of("1.5").int(), /not an integer/);
    assert.throws(() => new PackedRow().of("x").int(), /not an integer/);
    assert.throws(() => new PackedRow().of("-").int(), /not an integer/);
    assert.throws(() => new PackedRow().of("").need(), /empty field/);
    assert.throws(() => new PackedRow().of("2").bool(), /not a boolean/);
    assert.throws(() => new PackedRow().of("99999999999999999").int(), /beyond/);
    const short = new PackedRow().of("1,2");
    short.int();
    assert.throws(() => short.end(), /more fields/);
    const long = new PackedRow().of("1");
    long.int();
    assert.throws(() => long.int(), /past the row's end/);
  });

  test("says when every field has been read, for rows of repeated groups", () => {
    const r = new PackedRow().of("1,a,2,b");
    const groups: [number, string | null][] = [];
    do groups.push([r.need(), r.text()]);
    while (!r.done());
    assert.deepEqual(groups, [
      [1, "a"],
      [2, "b"],
    ]);
    r.end();
    const open = new PackedRow().of("1,a,2");
    open.need();
    open.text();
    assert.equal(open.done(), false);
  });
});

for (const engine of engines()) {
  describe(`packed rows from the database [${engine.name}]`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ database, dispose } = await engine.open());
    });
    after(() => dispose());

    test("any row packed by the SQL reads back as it was", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), async (rows) => {
          const { rows: out } = await sql<{ r: string }>`
            select ${packed([sql`x.big`, sql`x.small`, sql`x.flag::int`, sql`x.code`, sql`x.last`])} as r
            from unnest(${rows.map((r) => r.big)}::bigint[], ${rows.map((r) => r.small)}::int[],
              ${rows.map((r) => r.flag)}::boolean[], ${rows.map((r) => r.code)}::text[],
              ${rows.map((r) => r.last)}::int[]) with ordinality as x(big, small, flag, code, last, n)
            order by x.n`.execute(database.db);
          const reader = new PackedRow();
          const back = out.map(({ r }) => {
            reader.of(r);
            const v = {
              big: reader.int(),
              small: reader.int(),
              flag: reader.bool(),
              code: reader.text(),
              last: reader.int(),
            };
            reader.end();
            return v;
          });
          assert.deepEqual(back, rows);
        }),
        { numRuns: 40 },
      );
    });

    test("rows aggregated into one text, in groups, read back as they were", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), async (rows) => {
          const { rows: out } = await sql<{ r: string }>`
            select string_agg(${packed([sql`x.big`, sql`x.small`, sql`x.flag::int`, sql`x.code`, sql`x.last`])},
              ',' order by x.n) as r
            from unnest(${rows.map((r) => r.big)}::bigint[], ${rows.map((r) => r.small)}::int[],
              ${rows.map((r) => r.flag)}::boolean[], ${rows.map((r) => r.code)}::text[],
              ${rows.map((r) => r.last)}::int[]) with ordinality as x(big, small, flag, code, last, n)`.execute(
            database.db,
          );
          const reader = new PackedRow().of(out[0]!.r);
          const back: (typeof rows)[number][] = [];
          do {
            back.push({
              big: reader.int(),
              small: reader.int(),
              flag: reader.bool(),
              code: reader.text(),
              last: reader.int(),
            });
          } while (!reader.done());
          reader.end();
          assert.deepEqual(back, rows);
        }),
        { numRuns: 40 },
      );
    });
  });
}
