import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { listMigrations, migrate } from "../../src/db/migrate.ts";
import { type Engine, engines, forEachDatabase } from "../support/databases.ts";
import { ledgerAccounts } from "../support/ledger-accounts.ts";

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

  test("register states are unlogged, and everything else of the schema is logged (migration 0035)", async () => {
    const { rows } = await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relpersistence = 'u'
      order by 1`.execute(get().database.db);
    assert.deepEqual(
      rows.map((r) => r.name),
      ["register_states"],
    );
  });
});

// Migration 0014 moves the ledger, billed usage and planned payments into monthly partitions: an installation that
// already holds them keeps every row, and its ids and dedup keys go on where they were.
for (const engine of engines()) {
  describe(`migration 0014 on a database with a ledger [${engine.name}]`, () => {
    let opened: Awaited<ReturnType<Engine["open"]>> | undefined;
    const db = () => opened!.database.db;
    before(async () => {
      opened = await engine.open();
    });
    after(async () => {
      await opened?.dispose();
    });

    test("rows written before it are all there after it, in their months' partitions", async () => {
      await migrate(opened!.database, { through: "0013_identities_codes_outbox.sql" });
      const { providerId, accountIds } = await ledgerAccounts(db());
      const [a, b] = accountIds as [number, number];
      const entry = (account: number, period: string, ref: string | null, amount: number) => ({
        account_id: account,
        provider_id: providerId,
        service_code: "electricity" as const,
        period,
        kind: "charge" as const,
        amount_kop: amount,
        entry_date: period.replace(/01$/, "28"),
        source: "billing" as const,
        source_ref: ref,
        details: JSON.stringify({ n: amount }),
      });
      await db()
        .insertInto("ledger_entries")
        .values([
          entry(a, "2019-01-01", "bill:2019-01:electricity:charge", 100),
          entry(a, "2019-02-01", "bill:2019-02:electricity:charge", 200),
          entry(b, "2019-02-01", "bill:2019-02:electricity:charge", 300),
          entry(b, "2019-02-01", null, 400),
        ])
        .execute();
      await db()
        .insertInto("billed_usage")
        .values([
          {
            account_id: a,
            meter_id: null,
            period: "2019-01-01",
            service_code: "electricity",
            provider_id: providerId,
            method: "unmetered",
            quantity: "12.500",
            amount_kop: 100,
            run_id: 1,
          },
          {
            account_id: a,
            meter_id: 5,
            period: "2019-01-01",
            service_code: "electricity",
            provider_id: providerId,
            method: "opening",
            quantity: "0",
            to_value: "1234.000",
            amount_kop: 0,
            run_id: null,
          },
        ])
        .execute();
      await db()
        .insertInto("planned_payments")
        .values({
          account_id: a,
          period: "2019-03-01",
          service_code: "electricity",
          provider_id: providerId,
          amount_kop: 500,
          run_id: 1,
        })
        .execute();
      const snapshot = async () => ({
        ledger: (await sql`select * from ledger_entries order by id`.execute(db())).rows,
        usage: (await sql`select * from billed_usage order by account_id, meter_id nulls first`.execute(db()))
          .rows,
        planned: (await sql`select * from planned_payments order by account_id`.execute(db())).rows,
      });
      const written = await snapshot();

      assert.deepEqual(await migrate(opened!.database, { through: "0014_period_partitions.sql" }), [
        "0014_period_partitions.sql",
      ]);
      assert.deepEqual(await snapshot(), written);
      const { rows: parts } = await sql<{ name: string }>`
        select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent in ('ledger_entries'::regclass, 'billed_usage'::regclass, 'planned_payments'::regclass)
        order by 1`.execute(db());
      assert.deepEqual(
        parts.map((p) => p.name),
        [
          "billed_usage_p201901",
          "ledger_entries_p201901",
          "ledger_entries_p201902",
          "planned_payments_p201903",
        ],
      );

      // The same billing entry again is skipped by the dedup key; a new one takes the next id.
      const { rows: again } = await sql<{ id: number }>`
        insert into ledger_entries (account_id, provider_id, service_code, period, kind, amount_kop, entry_date,
                                    source, source_ref)
        values (${a}, ${providerId}, 'electricity', '2019-02-01', 'charge', 200, '2019-02-28', 'billing',
                'bill:2019-02:electricity:charge'),
               (${a}, ${providerId}, 'electricity', '2019-02-01', 'charge', 1, '2019-02-28', 'billing', 'new')
        on conflict (account_id, source, source_ref, period) where source_ref is not null do nothing
        returning id`.execute(db());
      const maxBefore = Math.max(...written.ledger.map((r) => Number((r as { id: number }).id)));
      assert.equal(again.length, 1);
      assert.ok(again[0]!.id > maxBefore, `${again[0]!.id} > ${maxBefore}`);
      // The moved rows are as append-only as before.
      await assert.rejects(
        sql`delete from ledger_entries where account_id = ${b}`.execute(db()),
        /append-only/,
      );
    });
  });
}
