// The hot statements go to PostgreSQL as named prepared statements: a marked text is parsed once per connection
// and run by name after; an unmarked one stays unnamed. Checked in the server's own view of the connection.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import type { Database } from "../../src/db/database.ts";
import { openDatabase } from "../../src/db/database.ts";
import { prepared } from "../../src/db/engines/prepared-statements.ts";
import { postgresUrl } from "../support/databases.ts";

let database: Database;
before(async () => {
  if (postgresUrl) database = await openDatabase({ databaseUrl: postgresUrl, poolSize: 1 });
});
after(() => database?.close());

const serverStatements = async (db: Database) =>
  (
    await sql<{
      name: string;
      statement: string;
    }>`select name, statement from pg_prepared_statements`.execute(db.db)
  ).rows;

test("a marked statement is prepared once on its connection and run by name after", {
  skip: !postgresUrl,
}, async () => {
  const lookUp = (ids: number[]) =>
    prepared(sql<{ n: string }>`select n::text from unnest(${ids}::int[]) as t(n) where n > 1 order by n`);
  assert.deepEqual((await lookUp([1, 2, 3]).execute(database.db)).rows, [{ n: "2" }, { n: "3" }]);
  // Other values, and another number of them: the same text, so the same statement.
  assert.deepEqual((await lookUp([5, 0, 7, 9]).execute(database.db)).rows, [
    { n: "5" },
    { n: "7" },
    { n: "9" },
  ]);
  await sql`select 1 as unmarked`.execute(database.db);
  const mine = (await serverStatements(database)).filter((s) => s.statement.includes("unnest($1::int[])"));
  assert.equal(mine.length, 1, "one prepared statement for the marked text");
  assert.match(mine[0]!.name, /^abonent_\d+$/);
  assert.ok(!(await serverStatements(database)).some((s) => s.statement.includes("unmarked")));
});

test("a failing marked statement leaves the connection usable, its transaction rolled back", {
  skip: !postgresUrl,
}, async () => {
  const divide = (d: number) => prepared(sql<{ q: number }>`select 10 / ${d}::int as q`);
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await divide(0).execute(trx);
    }),
    /division by zero/,
  );
  assert.deepEqual((await divide(5).execute(database.db)).rows, [{ q: 2 }]);
});
