// The database itself refuses data that would break the model, whatever code path writes it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import type { Db } from "../../src/db/database.ts";
import { ensurePeriodPartitions } from "../../src/db/period-partitions.ts";
import { openAccount } from "../../src/services/accounts/open-account.ts";
import { forEachDatabase } from "../support/databases.ts";
import { providerWithPremise } from "../support/ledger-accounts.ts";

async function rejects(what: Promise<unknown>, pattern: RegExp) {
  await assert.rejects(
    what,
    (e: Error) => pattern.test(e.message) || assert.fail(`unexpected: ${e.message}`),
  );
}

async function minimalRegion(db: Db) {
  const { settlementId, providerId, premiseId } = await providerWithPremise(db);
  const account = {
    id: await openAccount(db, {
      provider_id: providerId,
      number: "12-345/6",
      number_normalized: "123456",
      premise_id: premiseId,
      holder_name: "Тест Тестович",
      opened_on: "2019-01-01",
    }),
  };
  const meter = await db
    .insertInto("meters")
    .values({
      account_id: account.id,
      provider_id: providerId,
      service_code: "electricity",
      serial: "A1",
      zones: 2,
      digits: 5,
      installed_on: "2019-01-01",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    settlementId,
    providerId,
    premiseId,
    accountId: account.id,
    meterId: meter.id,
  };
}

forEachDatabase("schema constraints", (get) => {
  let ids: Awaited<ReturnType<typeof minimalRegion>>;
  const db = () => get().database.db;

  test("a small region can be written", async () => {
    ids = await minimalRegion(db());
    assert.ok(ids.meterId > 0);
  });

  test("an account number is unique per provider by its normalised form", async () => {
    const before = await db()
      .selectFrom("accounts")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    await rejects(
      openAccount(db(), {
        provider_id: ids.providerId,
        number: "123456",
        number_normalized: "123456",
        premise_id: ids.premiseId,
        holder_name: "Інший",
        opened_on: "2019-01-01",
      }),
      /duplicate key|unique/,
    );
    // The account's row went with its refused number: one transaction.
    const after = await db()
      .selectFrom("accounts")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });

  test("bad provider codes are refused: EDRPOU of 7 digits, a foreign IBAN, an unknown channel", async () => {
    const base = {
      code: "x",
      name_uk: "x",
      name_ru: "x",
      name_en: "x",
      edrpou: "00032129",
      iban: "UA213223130000026007233566001",
    };
    await rejects(
      db()
        .insertInto("providers")
        .values({ ...base, edrpou: "1234567" })
        .execute(),
      /check constraint/,
    );
    await rejects(
      db()
        .insertInto("providers")
        .values({ ...base, iban: "DE89370400440532013000" })
        .execute(),
      /check constraint/,
    );
    await rejects(
      db()
        .insertInto("providers")
        .values({ ...base, channels: ["carrier_pigeon" as "web"] })
        .execute(),
      /check constraint/,
    );
  });

  test("a meter belongs to an existing account, with 1–3 zones", async () => {
    const meter = {
      provider_id: ids.providerId,
      service_code: "electricity" as const,
      serial: "Z",
      digits: 5,
      installed_on: "2019-01-01",
    };
    await rejects(
      db()
        .insertInto("meters")
        .values({ ...meter, account_id: 999_999 })
        .execute(),
      /foreign key/,
    );
    await rejects(
      db()
        .insertInto("meters")
        .values({ ...meter, account_id: ids.accountId, zones: 4 })
        .execute(),
      /check constraint/,
    );
  });

  const reading = () => ({
    account_id: ids.accountId,
    provider_id: ids.providerId,
    meter_id: ids.meterId,
    zone: 1,
    value: "12345.000",
    taken_at: new Date("2019-07-30T10:00:00Z"),
    deemed_on: "2019-08-01",
    period: "2019-07-01",
    channel: "web" as const,
    actor_user_id: null,
    submission_id: "00000000-0000-4000-8000-000000000001",
    receipt: "7K3M-Q9TD",
    raw_input: "12 345",
    status: "accepted" as const,
  });

  test("only one current reading per meter, zone and period; a superseded one may stay beside it", async () => {
    const first = await db()
      .insertInto("readings")
      .values(reading())
      .returning("id")
      .executeTakeFirstOrThrow();
    await rejects(db().insertInto("readings").values(reading()).execute(), /duplicate key|unique/);
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable("readings").set({ status: "superseded" }).where("id", "=", first.id).execute();
        await trx
          .insertInto("readings")
          .values({ ...reading(), value: "12346.000", corrects_reading_id: first.id })
          .execute();
      });
    const rows = await db()
      .selectFrom("readings")
      .select(["status"])
      .where("meter_id", "=", ids.meterId)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      rows.map((r) => r.status),
      ["superseded", "accepted"],
    );
  });

  test("readings keep their values exact, refuse negatives and periods that are not a month's first day", async () => {
    const row = await db()
      .selectFrom("readings")
      .select("value")
      .where("status", "=", "accepted")
      .executeTakeFirstOrThrow();
    assert.equal(row.value, "12346.000");
    await rejects(
      db()
        .insertInto("readings")
        .values({ ...reading(), zone: 2, value: "-1" })
        .execute(),
      /check constraint/,
    );
    await rejects(
      db()
        .insertInto("readings")
        .values({ ...reading(), zone: 2, period: "2019-07-15" })
        .execute(),
      /check constraint/,
    );
    await rejects(
      db()
        .insertInto("readings")
        .values({ ...reading(), zone: 2, channel: "fax" as "web" })
        .execute(),
      /check constraint/,
    );
  });

  test("the ledger is append-only and signs its amounts", async () => {
    const entry = {
      account_id: ids.accountId,
      provider_id: ids.providerId,
      service_code: "electricity" as const,
      period: "2019-07-01",
      kind: "charge" as const,
      amount_kop: 12_345,
      entry_date: "2019-08-01",
      source: "billing" as const,
      source_ref: "run-1",
    };
    await ensurePeriodPartitions(db(), "ledger_entries", [entry.period]);
    const { id } = await db()
      .insertInto("ledger_entries")
      .values(entry)
      .returning("id")
      .executeTakeFirstOrThrow();
    await rejects(
      db().updateTable("ledger_entries").set({ amount_kop: 1 }).where("id", "=", id).execute(),
      /append-only/,
    );
    await rejects(db().deleteFrom("ledger_entries").where("id", "=", id).execute(), /append-only/);
    await rejects(
      db()
        .insertInto("ledger_entries")
        .values({ ...entry, source_ref: "run-1" })
        .execute(),
      /duplicate key|unique/,
    );
    await rejects(
      db()
        .insertInto("ledger_entries")
        .values({ ...entry, kind: "payment", amount_kop: 500, source_ref: "p" })
        .execute(),
      /check constraint/,
    );
    await rejects(
      db()
        .insertInto("ledger_entries")
        .values({ ...entry, amount_kop: -5, source_ref: "c" })
        .execute(),
      /check constraint/,
    );
    const sum = await sql<{ s: number }>`select sum(amount_kop)::int8 as s from ledger_entries`.execute(db());
    assert.equal(sum.rows[0]?.s, 12_345);
  });

  test("a provider's tariff periods for one service may not overlap", async () => {
    const tariff = {
      provider_id: ids.providerId,
      service_code: "electricity" as const,
      settlement_id: null,
      source: "test",
    };
    await db()
      .insertInto("tariffs")
      .values({ ...tariff, effective_from: "2019-01-01", effective_to: "2019-07-01" })
      .execute();
    await db()
      .insertInto("tariffs")
      .values({ ...tariff, effective_from: "2019-07-01", effective_to: null })
      .execute();
    await rejects(
      db()
        .insertInto("tariffs")
        .values({ ...tariff, effective_from: "2019-06-01", effective_to: "2019-08-01" })
        .execute(),
      /overlap/,
    );
  });

  test("submission windows check their day numbers", async () => {
    const w = {
      provider_id: ids.providerId,
      service_code: "electricity" as const,
      settlement_id: ids.settlementId,
    };
    await rejects(
      db()
        .insertInto("submission_windows")
        .values({ ...w, opens_day: 0, closes_day: 2 })
        .execute(),
      /check constraint/,
    );
    await rejects(
      db()
        .insertInto("submission_windows")
        .values({ ...w, opens_day: 1, closes_day: 32 })
        .execute(),
      /check constraint/,
    );
    await db()
      .insertInto("submission_windows")
      .values({ ...w, opens_day: -3, closes_day: 2 })
      .execute();
    await rejects(
      db()
        .insertInto("submission_windows")
        .values({ ...w, opens_day: -2, closes_day: 3 })
        .execute(),
      /duplicate key|unique/,
    );
  });

  test("a platform administrator has no provider; an operator must have one", async () => {
    const user = await db()
      .insertInto("users")
      .values({ email: "staff@example.org", full_name: "Staff" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await rejects(
      db()
        .insertInto("staff_roles")
        .values({ user_id: user.id, provider_id: null, role: "operator" })
        .execute(),
      /check constraint/,
    );
    await db()
      .insertInto("staff_roles")
      .values({ user_id: user.id, provider_id: ids.providerId, role: "operator" })
      .execute();
    await rejects(
      db().insertInto("users").values({ email: "Mixed@Example.org", full_name: "Case" }).execute(),
      /check constraint/,
    );
  });
});
