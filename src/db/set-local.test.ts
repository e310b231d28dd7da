import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { engines } from "../../test/support/databases.ts";
import type { Database, Tx } from "./database.ts";
import { setLocal } from "./set-local.ts";

const setting = async (tx: Tx | Database["db"], name: string) =>
  (await sql<{ v: string }>`select current_setting(${name}) as v`.execute(tx)).rows[0]!.v;

for (const engine of engines()) {
  describe(`setLocal [${engine.name}]`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ database, dispose } = await engine.open());
    });
    after(() => dispose());

    test("sets several settings at once, returns the ones it replaced, and they end with the transaction", async () => {
      const outside = await setting(database.db, "random_page_cost");
      await database.db.transaction().execute(async (tx) => {
        const old = await setLocal(tx, { random_page_cost: "1.7", enable_hashjoin: "off" });
        assert.deepEqual(old, { random_page_cost: outside, enable_hashjoin: "on" });
        assert.equal(await setting(tx, "random_page_cost"), "1.7");
        assert.equal(await setting(tx, "enable_hashjoin"), "off");
        // Set back with what it returned, and the second call returns what the first set.
        assert.deepEqual(await setLocal(tx, old), { random_page_cost: "1.7", enable_hashjoin: "off" });
        assert.equal(await setting(tx, "random_page_cost"), outside);
        await setLocal(tx, { enable_nestloop: "off" });
      });
      assert.equal(await setting(database.db, "enable_nestloop"), "on");
      assert.equal(await setting(database.db, "random_page_cost"), outside);
    });

    test("a setting that does not exist fails the statement and sets nothing", async () => {
      await assert.rejects(
        database.db.transaction().execute(async (tx) => {
          await setLocal(tx, { random_page_cost: "1.3", no_such_setting: "1" });
        }),
        /no_such_setting/,
      );
      assert.notEqual(await setting(database.db, "random_page_cost"), "1.3");
    });
  });
}
