// The demo region: deterministic from its seed, consistent with the domain's own rules.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { sql } from "kysely";
import type { Database } from "../../src/db/database.ts";
import { openDatabase } from "../../src/db/database.ts";
import { migrate } from "../../src/db/migrate.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { normalizeAccountNumber } from "../../src/domain/account-number.ts";
import { placeSubmission } from "../../src/domain/submission-window.ts";
import { forEachDatabase } from "../support/databases.ts";

const OPTIONS = { accounts: 120, seed: 7, asOf: "2026-11-25" };

async function digest(database: Database): Promise<string> {
  const rows = await sql<{ line: string }>`
    select concat_ws('|', 'a', id, number, provider_id, premise_id) as line from accounts
    union all select concat_ws('|', 'r', account_id, id, meter_id, zone, kind, value, deemed_on, period, channel, submitted_at)
      from readings
    union all select concat_ws('|', 'l', account_id, period, amount_kop, entry_date) from ledger_entries
    order by 1`.execute(database.db);
  const h = createHash("sha256");
  for (const r of rows.rows) h.update(r.line + "\n");
  return h.digest("hex");
}

const digests = new Map<string, string>();

forEachDatabase(
  "the demo region",
  (get, engine) => {
    const db = () => get().database.db;

    test("holds exactly the accounts asked for, with meters and readings; money comes with the billed history", async () => {
      const count = async (table: "accounts" | "meters" | "readings" | "ledger_entries" | "premises") =>
        Number(
          (
            await db()
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      assert.equal(await count("accounts"), OPTIONS.accounts);
      assert.ok((await count("meters")) >= OPTIONS.accounts * 0.8);
      assert.ok((await count("readings")) > OPTIONS.accounts * 8);
      assert.equal(await count("ledger_entries"), 0);
      const region = await db().selectFrom("demo_region").selectAll().executeTakeFirstOrThrow();
      assert.equal(region.accounts, OPTIONS.accounts);
      assert.equal(region.as_of, OPTIONS.asOf);
    });

    test("is the same region for the same seed and date, on every engine", async () => {
      const mine = await digest(get().database);
      digests.set(engine, mine);
      if (engine === "pglite") {
        const again = await openDatabase({});
        try {
          await migrate(again);
          await seedRegion(again, OPTIONS);
          assert.equal(await digest(again), mine);
          const other = await openDatabase({});
          await migrate(other);
          await seedRegion(other, { ...OPTIONS, seed: 8 });
          assert.notEqual(await digest(other), mine);
          await other.close();
        } finally {
          await again.close();
        }
      } else {
        const fromPglite = digests.get("pglite");
        if (fromPglite) assert.equal(mine, fromPglite);
      }
    });

    test("stores every account number with the domain's normalised form", async () => {
      const rows = await db().selectFrom("accounts").select(["number", "number_normalized"]).execute();
      for (const r of rows) assert.equal(r.number_normalized, normalizeAccountNumber(r.number), r.number);
      assert.ok(
        rows.some((r) => /[А-ЯІ]/.test(r.number)),
        "some numbers carry Cyrillic letters",
      );
      assert.ok(
        rows.some((r) => /[-/.]/.test(r.number)),
        "some numbers carry special characters",
      );
    });

    test("every generated reading was submitted inside its provider's window and counts for that window's period", async () => {
      const rows = await db()
        .selectFrom("readings as r")
        .innerJoin("meters as m", (j) =>
          j.onRef("m.account_id", "=", "r.account_id").onRef("m.id", "=", "r.meter_id"),
        )
        .innerJoin("submission_windows as w", (j) =>
          j.onRef("w.provider_id", "=", "r.provider_id").onRef("w.service_code", "=", "m.service_code"),
        )
        .select([
          "r.submitted_at",
          "r.period",
          "r.deemed_on",
          "w.opens_day",
          "w.closes_day",
          "w.deemed_date_rule",
          "w.late_policy",
        ])
        .where("r.kind", "=", "regular")
        .execute();
      assert.ok(rows.length > 500);
      for (const r of rows) {
        const rule = {
          opensDay: r.opens_day,
          closesDay: r.closes_day,
          deemedDateRule: r.deemed_date_rule,
          latePolicy: "refuse" as const,
        };
        const placed = placeSubmission(rule, r.submitted_at);
        assert.ok(
          placed.accepted,
          `submitted ${r.submitted_at.toISOString()} outside ${r.opens_day}..${r.closes_day}`,
        );
        assert.equal(`${placed.period}-01`, r.period);
        assert.equal(placed.deemedOn, r.deemed_on);
      }
    });

    test("meter values only grow, except a roll-over from near the top of the dial to near zero", async () => {
      const { rows } = await sql<{ prev: string; value: string; digits: number }>`
        select x.prev, x.value, m.digits from (
          select account_id, meter_id, value,
            lag(value) over (partition by account_id, meter_id, zone order by deemed_on, id) as prev
          from readings) x
        join meters m on m.account_id = x.account_id and m.id = x.meter_id
        where x.value < x.prev`.execute(db());
      for (const r of rows) {
        const capacity = 10 ** r.digits;
        assert.ok(
          Number(r.prev) > capacity * 0.9 && Number(r.value) < capacity * 0.1,
          `${r.prev} → ${r.value}`,
        );
      }
    });

    test("gives the README's demo resident accounts at several providers, and the staff their roles", async () => {
      const resident = await db()
        .selectFrom("users as u")
        .innerJoin("user_accounts as ua", "ua.user_id", "u.id")
        .select((eb) => [eb.fn.count("ua.provider_id").distinct().as("providers")])
        .where("u.email", "=", "resident@demo.abonent.ua")
        .executeTakeFirstOrThrow();
      assert.ok(Number(resident.providers) >= 2);
      const roles = await db()
        .selectFrom("staff_roles as s")
        .innerJoin("users as u", "u.id", "s.user_id")
        .select(["u.email", "s.role"])
        .orderBy("u.email")
        .execute();
      assert.deepEqual(roles, [
        { email: "admin@deu.demo.abonent.ua", role: "administrator" },
        { email: "operator@deu.demo.abonent.ua", role: "operator" },
        { email: "platform@demo.abonent.ua", role: "platform_admin" },
      ]);
    });

    test("refuses to seed a database that already holds a region", async () => {
      await assert.rejects(seedRegion(get().database, OPTIONS), /already holds providers/);
    });
  },
  async ({ database }) => {
    await seedRegion(database, OPTIONS);
  },
);
