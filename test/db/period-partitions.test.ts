// The billing run's output tables are partitioned by month (migration 0014): partitions appear on demand, once
// however many writers ask at a time; the ledger's keys are checked per statement; the ledger stays append-only in
// every partition.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import type { Db } from "../../src/db/database.ts";
import { ensurePeriodPartitions } from "../../src/db/period-partitions.ts";
import { type NewLedgerEntry, postLedgerEntries } from "../../src/services/ledger/post-entries.ts";
import { forEachDatabase } from "../support/databases.ts";
import { ledgerAccounts } from "../support/ledger-accounts.ts";

async function partitions(db: Db, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = ${table}::regclass order by 1`.execute(db);
  return rows.map((r) => r.name);
}

async function count(db: Db, where = sql`true`): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from ledger_entries where ${where}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** The locks this transaction holds: advisory ones, and those on the ledger's parent table. */
async function heldLocks(db: Db): Promise<string[]> {
  const { rows } = await sql<{ lock: string }>`
    select case when locktype = 'advisory' then 'advisory' else mode end as lock from pg_locks
    where pid = pg_backend_pid() and (locktype = 'advisory' or relation = 'ledger_entries'::regclass)
    order by 1`.execute(db);
  return rows.map((r) => r.lock);
}

async function rejectsWith(what: Promise<unknown>, code: string, pattern: RegExp) {
  await assert.rejects(what, (e: Error & { code?: string }) => {
    assert.equal(e.code, code, e.message);
    assert.match(e.message, pattern);
    return true;
  });
}

forEachDatabase("period partitions", (get) => {
  let providerId = 0;
  let accountIds: number[] = [];
  const db = () => get().database.db;
  const payment = (over: Partial<NewLedgerEntry> = {}): NewLedgerEntry => ({
    account_id: accountIds[0]!,
    provider_id: providerId,
    service_code: "electricity",
    period: "2031-05-01",
    kind: "payment",
    amount_kop: -10_000,
    entry_date: "2031-05-20",
    source: "payment_gateway",
    source_ref: "order:first",
    ...over,
  });

  test("a region with accounts and no ledger yet has no partitions", async () => {
    ({ providerId, accountIds } = await ledgerAccounts(db()));
    for (const table of ["ledger_entries", "billed_usage", "planned_payments"])
      assert.deepEqual(await partitions(db(), table), [], table);
  });

  test("a payment into a month never seen creates the month's partition, and posts once", async () => {
    const posted = await db()
      .transaction()
      .execute((trx) => postLedgerEntries(trx, [payment()]));
    assert.equal(posted, 1);
    assert.deepEqual(await partitions(db(), "ledger_entries"), ["ledger_entries_p203105"]);
    const row = await db()
      .selectFrom("ledger_entries")
      .select(["account_id", "period", "amount_kop", "source_ref"])
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      account_id: accountIds[0],
      period: "2031-05-01",
      amount_kop: -10_000,
      source_ref: "order:first",
    });
    // The same callback again: the dedup key (which holds the period) skips it.
    const again = await db()
      .transaction()
      .execute((trx) => postLedgerEntries(trx, [payment()]));
    assert.equal(again, 0);
    assert.equal(await count(db()), 1);
  });

  test("a month that exists is found without a lock; a new one takes the table's lock, not an exclusive one", async () => {
    await db()
      .transaction()
      .execute(async (trx) => {
        await ensurePeriodPartitions(trx, "ledger_entries", ["2031-05-01"]);
        assert.deepEqual(await heldLocks(trx), []);
      });
    await db()
      .transaction()
      .execute(async (trx) => {
        await ensurePeriodPartitions(trx, "ledger_entries", ["2031-06-17"]);
        const held = await heldLocks(trx);
        assert.ok(held.includes("advisory"), held.join());
        assert.ok(held.includes("ShareUpdateExclusiveLock"), held.join());
        assert.ok(!held.includes("AccessExclusiveLock"), held.join());
      });
    assert.deepEqual(await partitions(db(), "ledger_entries"), [
      "ledger_entries_p203105",
      "ledger_entries_p203106",
    ]);
  });

  test("two transactions creating the same month at once both succeed, and make one partition", async () => {
    const writer = (ref: string, delayMs: number, holdSeconds: number) =>
      new Promise((resolve) => setTimeout(resolve, delayMs)).then(() =>
        db()
          .transaction()
          .execute(async (trx) => {
            await ensurePeriodPartitions(trx, "ledger_entries", ["2032-01-01"]);
            // The first keeps its new, uncommitted partition a while: the second asks meanwhile.
            if (holdSeconds > 0) await sql`select pg_sleep(${holdSeconds})`.execute(trx);
            return postLedgerEntries(trx, [payment({ period: "2032-01-01", source_ref: ref })]);
          }),
      );
    const posted = await Promise.all([writer("order:a", 0, 0.4), writer("order:b", 100, 0)]);
    assert.deepEqual(posted, [1, 1]);
    assert.equal(
      (await partitions(db(), "ledger_entries")).filter((p) => p === "ledger_entries_p203201").length,
      1,
    );
    assert.equal(await count(db(), sql`period = '2032-01-01'`), 2);
    // And the three tables' months, as a billing run asks for them.
    await Promise.all([
      ensurePeriodPartitions(db(), "billed_usage", ["2032-01-01"]),
      ensurePeriodPartitions(db(), "billed_usage", ["2032-01-01"]),
      ensurePeriodPartitions(db(), "planned_payments", ["2032-02-01"]),
    ]);
    assert.deepEqual(await partitions(db(), "billed_usage"), ["billed_usage_p203201"]);
    assert.deepEqual(await partitions(db(), "planned_payments"), ["planned_payments_p203202"]);
  });

  test("an entry for a missing account, provider or service is refused as by a foreign key, and nothing of its statement is inserted", async () => {
    const before = await count(db());
    const post = (bad: Partial<NewLedgerEntry>) =>
      db()
        .transaction()
        .execute((trx) =>
          postLedgerEntries(trx, [
            payment({ source_ref: "order:good" }),
            payment({ source_ref: "order:bad", ...bad }),
          ]),
        );
    await rejectsWith(
      post({ account_id: 999_999 }),
      "23503",
      /violates foreign key constraint "ledger_entries_account_id_fkey"/,
    );
    await rejectsWith(
      post({ provider_id: 31_999 }),
      "23503",
      /violates foreign key constraint "ledger_entries_provider_id_fkey"/,
    );
    await rejectsWith(
      post({ service_code: "telepathy" as "gas" }),
      "23503",
      /violates foreign key constraint "ledger_entries_service_code_fkey"/,
    );
    // The key itself is named, as a foreign key's error names it.
    await assert.rejects(post({ account_id: 999_999 }), (e: Error & { detail?: string }) => {
      assert.equal(e.detail, 'Key (account_id)=(999999) is not present in table "accounts".');
      return true;
    });
    assert.equal(await count(db()), before);
    // A good statement still goes in whole.
    const posted = await db()
      .transaction()
      .execute((trx) =>
        postLedgerEntries(trx, [
          payment({ source_ref: "order:c" }),
          payment({ source_ref: "order:d", account_id: accountIds[1]!, service_code: null }),
        ]),
      );
    assert.equal(posted, 2);
  });

  test("an account, provider or service the ledger names cannot be deleted", async () => {
    await rejectsWith(
      db().deleteFrom("accounts").where("id", "=", accountIds[0]!).execute(),
      "23503",
      /update or delete on table "accounts" violates foreign key constraint "ledger_entries_account_id_fkey"/,
    );
    await rejectsWith(
      db().deleteFrom("services").where("code", "=", "electricity").execute(),
      "23503",
      /update or delete on table "services" violates foreign key constraint "ledger_entries_service_code_fkey"/,
    );
    // An account the ledger does not name (and nothing else does) still can be.
    const { rows } = await sql<{ id: number }>`
      insert into accounts (provider_id, number, number_normalized, premise_id, holder_name, opened_on)
      select provider_id, '77-99', '7799', premise_id, holder_name, opened_on from accounts where id = ${accountIds[0]!}
      returning id`.execute(db());
    await db().deleteFrom("accounts").where("id", "=", rows[0]!.id).execute();
  });

  test("a row in any partition is append-only; disabling the trigger on the parent (bench/billing.ts) disables it in every partition", async () => {
    await rejectsWith(
      db().updateTable("ledger_entries").set({ amount_kop: -1 }).where("period", "=", "2032-01-01").execute(),
      "55000",
      /append-only/,
    );
    await rejectsWith(
      db().deleteFrom("ledger_entries").where("period", "=", "2031-05-01").execute(),
      "55000",
      /append-only/,
    );
    // Straight at a partition, too.
    await rejectsWith(sql`delete from ledger_entries_p203201`.execute(db()), "55000", /append-only/);
    // A partition made after the trigger was defined has it as well.
    await ensurePeriodPartitions(db(), "ledger_entries", ["2033-03-01"]);
    await db()
      .transaction()
      .execute((trx) =>
        postLedgerEntries(trx, [payment({ period: "2033-03-01", source_ref: "order:late" })]),
      );
    await rejectsWith(
      db().deleteFrom("ledger_entries").where("period", "=", "2033-03-01").execute(),
      "55000",
      /append-only/,
    );
    const total = await count(db());
    await db()
      .transaction()
      .execute(async (trx) => {
        await sql`alter table ledger_entries disable trigger ledger_entries_append_only`.execute(trx);
        await sql`delete from ledger_entries where period = '2033-03-01'`.execute(trx);
        await sql`alter table ledger_entries enable trigger ledger_entries_append_only`.execute(trx);
      });
    assert.equal(await count(db()), total - 1);
    await rejectsWith(
      db().deleteFrom("ledger_entries").where("period", "=", "2032-01-01").execute(),
      "55000",
      /append-only/,
    );
  });

  test("new entries take ids after the ones before, from one sequence across partitions", async () => {
    const ids = await db().selectFrom("ledger_entries").select("id").orderBy("id").execute();
    await db()
      .transaction()
      .execute((trx) =>
        postLedgerEntries(trx, [payment({ period: "2030-01-01", source_ref: "order:old-month" })]),
      );
    const last = await db()
      .selectFrom("ledger_entries")
      .select("id")
      .where("source_ref", "=", "order:old-month")
      .executeTakeFirstOrThrow();
    assert.ok(last.id > ids.at(-1)!.id, `${last.id} after ${ids.at(-1)!.id}`);
    assert.equal(new Set(ids.map((r) => r.id)).size, ids.length);
  });
});
