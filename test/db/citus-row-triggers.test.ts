// The row triggers Citus runs in place of the statement triggers (src/db/citus/layout.ts, migration 0019), run here
// on one server against the statement triggers they replace: the same writes of readings leave every register state
// changed or unchanged, stale or not, alike (the counts may differ: a statement trigger counts a statement, a row
// trigger a row, and both are only ever compared for change); and a user's logins become the same identities.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { swapCreates, swapDrops } from "../../src/db/citus/distribute.ts";
import { CITUS_TRIGGER_SWAPS } from "../../src/db/citus/layout.ts";
import type { Db } from "../../src/db/database.ts";
import { openAccount } from "../../src/services/accounts/open-account.ts";
import { forEachDatabase } from "../support/databases.ts";
import { providerWithPremise } from "../support/ledger-accounts.ts";

interface Region {
  providerId: number;
  accountId: number;
  meters: number[];
}

async function region(db: Db): Promise<Region> {
  const { providerId, premiseId } = await providerWithPremise(db);
  const accountId = await openAccount(db, {
    provider_id: providerId,
    number: "1",
    number_normalized: "1",
    premise_id: premiseId,
    holder_name: "Тест",
    opened_on: "2020-01-01",
  });
  const meters: number[] = [];
  for (const serial of ["A", "B"]) {
    const m = await db
      .insertInto("meters")
      .values({
        account_id: accountId,
        provider_id: providerId,
        service_code: "electricity",
        serial,
        zones: 2,
        digits: 6,
        installed_on: "2020-01-01",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    meters.push(m.id);
  }
  return { providerId, accountId, meters };
}

type Snapshot = Record<string, { changed: boolean; stale: boolean }>;

// States covering up to 2026-10-10 for meter A's zones and B's zone 1 (B's zone 2 has none), then a sequence of
// writes: readings before and after what the states cover, a status change, a move to another date, a delete; one
// of them while a billing run of the provider is in progress.
async function scenario(db: Db, r: Region): Promise<Snapshot> {
  await sql`delete from readings`.execute(db);
  await sql`delete from register_states`.execute(db);
  await sql`delete from billing_runs`.execute(db);
  const [a, b] = r.meters as [number, number];
  for (const [meter, zone] of [
    [a, 1],
    [a, 2],
    [b, 1],
  ] as const) {
    await db
      .insertInto("register_states")
      .values({
        account_id: r.accountId,
        meter_id: meter,
        zone,
        provider_id: r.providerId,
        period: "2026-10-01",
        covered_on: "2026-10-10",
      })
      .execute();
  }
  const reading = (meter: number, zone: number, deemedOn: string, value: string) => ({
    account_id: r.accountId,
    provider_id: r.providerId,
    meter_id: meter,
    zone,
    value,
    kind: "regular" as const,
    taken_at: new Date(`${deemedOn}T09:00:00Z`),
    deemed_on: deemedOn,
    period: `${deemedOn.slice(0, 7)}-01`,
    channel: "web" as const,
    submission_id: crypto.randomUUID(),
    receipt: "0000-0000",
    status: "accepted" as const,
  });
  // After what the states cover: neither stale nor changed (no run in progress).
  await db
    .insertInto("readings")
    .values([reading(a, 1, "2026-11-05", "100"), reading(a, 2, "2026-11-05", "50")])
    .execute();
  // On or before it: meter A zone 1 is stale; B zone 2 has no state to touch.
  await db
    .insertInto("readings")
    .values([reading(a, 1, "2026-10-09", "90"), reading(b, 2, "2026-10-01", "7")])
    .execute();
  // A run of the provider in progress: every written register's version moves, placeholders made where none was.
  await db
    .insertInto("billing_runs")
    .values({ provider_id: r.providerId, period: "2026-11-01", status: "running", started_by: "test" })
    .execute();
  await db
    .insertInto("readings")
    .values(reading(b, 1, "2026-11-20", "300"))
    .execute();
  // An update moves a reading of B zone 1 back before its state's cover: stale, and changed twice over.
  await sql`update readings set deemed_on = '2026-10-05' where meter_id = ${b} and zone = 1`.execute(db);
  await sql`update billing_runs set status = 'finished'`.execute(db);
  // A delete of meter A zone 2's reading, after the cover: nothing.
  await sql`delete from readings where meter_id = ${a} and zone = 2`.execute(db);
  const rows = await db
    .selectFrom("register_states")
    .select(["meter_id", "zone", "version", "late_count"])
    .orderBy("meter_id")
    .orderBy("zone")
    .execute();
  return Object.fromEntries(
    rows.map((s) => [
      `${s.meter_id === a ? "A" : "B"}${s.zone}`,
      { changed: s.version > 0, stale: s.late_count > 0 },
    ]),
  );
}

forEachDatabase("the row triggers Citus runs", (get) => {
  test("leave the register states as the statement triggers do", async () => {
    const { db } = get().database;
    const r = await region(db);
    const byStatement = await scenario(db, r);
    assert.deepEqual(byStatement, {
      A1: { changed: false, stale: true },
      A2: { changed: false, stale: false },
      B1: { changed: true, stale: true },
    });
    for (const swap of CITUS_TRIGGER_SWAPS.filter((s) => s.table === "readings")) {
      for (const statement of [...swapDrops(swap), ...swapCreates(swap)])
        await sql.raw(statement).execute(db);
    }
    assert.deepEqual(await scenario(db, r), byStatement);
  });

  test("keep a user's logins as identities as the statement triggers do", async () => {
    const { db } = get().database;
    const logins = async (email: string, phone: string) => {
      const u = await db
        .insertInto("users")
        .values({ email, phone, full_name: "Тест" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .updateTable("users")
        .set({ email: `new.${email}` })
        .where("id", "=", u.id)
        .execute();
      const rows = await db
        .selectFrom("identities")
        .select(["kind", "external_id"])
        .where("user_id", "=", u.id)
        .orderBy("kind")
        .execute();
      const named = (id: string) =>
        id === email
          ? "the first e-mail"
          : id === `new.${email}`
            ? "the new e-mail"
            : id === phone
              ? "the phone"
              : id;
      return rows.map((i) => `${i.kind}: ${named(i.external_id)}`);
    };
    const byStatement = await logins("one@example.com", "+380501110001");
    assert.deepEqual(byStatement, ["email: the new e-mail", "phone: the phone"]);
    for (const swap of CITUS_TRIGGER_SWAPS.filter((s) => s.table === "users")) {
      for (const statement of [...swapDrops(swap), ...swapCreates(swap)])
        await sql.raw(statement).execute(db);
    }
    assert.deepEqual(await logins("two@example.com", "+380501110002"), byStatement);
  });
});
