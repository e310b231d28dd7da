// The embedded engine has one connection. A query sent on `db` from inside an open transaction's work waits for
// that transaction forever; it must fail with a message that says so, and free the transaction, rather than leave
// the process to end in silence (node:test then reports the test "cancelled", with no word of where).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import type { Database } from "../../src/db/database.ts";
import { openPglite } from "../../src/db/engines/pglite.ts";

let database: Database;
before(async () => {
  database = await openPglite(undefined, { connectionWaitMs: 300 });
});
after(() => database.close());

test("a query outside a transaction, sent from within it, fails after the wait and names the cause", async () => {
  await sql`create table t (n int)`.execute(database.db);
  const started = Date.now();
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await sql`insert into t values (1)`.execute(trx);
      // The mistake: `database.db`, not `trx`.
      await sql`select count(*) from t`.execute(database.db);
    }),
    (error: Error) => {
      assert.match(error.message, /one connection was held for 0\.3 s by another transaction/);
      assert.ok(error.cause instanceof Error, "the cause carries the stack of the waiting query");
      return true;
    },
  );
  assert.ok(Date.now() - started >= 290, "it waited first");
  // The transaction was rolled back and the connection is free again: the next query runs at once.
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from t`.execute(database.db);
  assert.equal(rows[0]!.n, 0);
});

test("queries that merely queue behind a short transaction wait their turn and succeed", async () => {
  const [inside, outside] = await Promise.all([
    database.db.transaction().execute(async (trx) => {
      await sql`insert into t values (2)`.execute(trx);
      await new Promise((r) => setTimeout(r, 100));
      return (await sql<{ n: number }>`select count(*)::int as n from t`.execute(trx)).rows[0]!.n;
    }),
    sql<{ n: number }>`select count(*)::int as n from t`.execute(database.db),
  ]);
  assert.equal(inside, 1);
  assert.equal(outside.rows[0]!.n, 1, "the outside query ran after the transaction committed");
});
