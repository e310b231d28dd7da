import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { listMigrations, migrate } from "../../src/db/migrate.ts";
import { forEachDatabase } from "../support/databases.ts";

forEachDatabase("migrations", (get) => {
  test("every migration is recorded once, and a second run applies nothing", async () => {
    const { database } = get();
    const rows = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(
      database.db,
    );
    assert.deepEqual(
      rows.rows.map((r) => r.name),
      listMigrations().map((m) => m.name),
    );
    assert.deepEqual(await migrate(database), []);
  });

  test("a migration edited after it was applied is refused", async () => {
    const { database } = get();
    const first = listMigrations()[0]!;
    await sql`update schema_migrations set checksum = 'edited' where name = ${first.name}`.execute(
      database.db,
    );
    try {
      await assert.rejects(migrate(database), /was changed after it was applied/);
    } finally {
      await sql`update schema_migrations set checksum = ${first.checksum} where name = ${first.name}`.execute(
        database.db,
      );
    }
  });

  test("the six services are there with their units", async () => {
    const rows = await get()
      .database.db.selectFrom("services")
      .select(["code", "unit"])
      .orderBy("position")
      .execute();
    assert.deepEqual(rows, [
      { code: "electricity", unit: "kWh" },
      { code: "cold_water", unit: "m3" },
      { code: "hot_water", unit: "m3" },
      { code: "sewerage", unit: "m3" },
      { code: "gas", unit: "m3" },
      { code: "heating", unit: "Gcal" },
    ]);
  });
});
