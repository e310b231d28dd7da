// The demo's billed history looks like a real region's: the first bill measures one month from the opening basis
// (not everything since a meter was installed), balances are mostly near zero with some debts and advances, and
// the demo resident's accounts are in her name.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { billHistory } from "../../src/demo/bill-history.ts";
import { DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { forEachDatabase } from "../support/databases.ts";

const AS_OF = "2026-11-25";

forEachDatabase(
  "the demo's billed history",
  (get) => {
    const db = () => get().database.db;

    test("every meter zone on at the start has an opening basis, and the first bill is one month's use", async () => {
      const { rows: missing } = await sql<{ n: number }>`
        select count(*)::int as n from meters m
        cross join generate_series(1, m.zones) z(zone)
        where m.installed_on < '2026-05-01' and (m.removed_on is null or m.removed_on >= '2026-05-01')
          and not exists (select 1 from billed_usage b where b.account_id = m.account_id and b.meter_id = m.id
            and b.zone = z.zone and b.method = 'opening' and b.period = '2026-04-01')`.execute(db());
      assert.equal(missing[0]!.n, 0);
      // The first month's use is of the same order as the months after it, meter zone by meter zone.
      const { rows } = await sql<{ first: string; later: string; charge: number }>`
        with actual as (
          select account_id, meter_id, zone, service_code, period, quantity from billed_usage
          where method = 'actual' and service_code = 'electricity'
        )
        select max(f.quantity)::text as first, max(l.quantity)::text as later,
          (select max(amount_kop)::int from ledger_entries where period = '2026-05-01' and source = 'billing')
            as charge
        from actual f
        join actual l on l.account_id = f.account_id and l.meter_id = f.meter_id and l.zone = f.zone
          and l.period > f.period
        where f.period = '2026-05-01'`.execute(db());
      const { first, later, charge } = rows[0]!;
      assert.ok(Number(first) < 2 * Number(later), `first month up to ${first} kWh, later ${later}`);
      assert.ok(charge < 300_000, `the largest first charge is ${charge / 100} UAH`);
    });

    test("balances: most accounts near zero, some in debt, some paid ahead", async () => {
      const { rows } = await sql<{ near: number; debt: number; advance: number; total: number }>`
        with b as (select a.id, coalesce(sum(e.amount_kop), 0) as balance
                   from accounts a left join ledger_entries e on e.account_id = a.id group by a.id)
        select count(*) filter (where abs(balance) <= 5000)::int as near,
          count(*) filter (where balance > 50000)::int as debt,
          count(*) filter (where balance < -5000)::int as advance, count(*)::int as total
        from b`.execute(db());
      const { near, debt, advance, total } = rows[0]!;
      assert.ok(near / total > 0.6, `${near} of ${total} within ±50 UAH`);
      assert.ok(debt / total > 0.03, `${debt} of ${total} owe over 500 UAH`);
      assert.ok(advance / total > 0.01, `${advance} of ${total} paid ahead over 50 UAH`);
      const kinds = await db()
        .selectFrom("ledger_entries")
        .select("kind")
        .distinct()
        .orderBy("kind")
        .execute();
      assert.deepEqual(
        kinds.map((k) => k.kind),
        ["charge", "estimated_charge", "opening_balance", "payment", "recalculation"],
      );
      const late = await db()
        .selectFrom("ledger_entries")
        .select("entry_date")
        .where("kind", "=", "payment")
        .where("entry_date", ">", AS_OF)
        .execute();
      assert.deepEqual(late, [], "no payment after the history's last day");
    });

    test("the demo resident's accounts are in her name", async () => {
      const holders = await db()
        .selectFrom("accounts as a")
        .innerJoin("user_accounts as ua", "ua.account_id", "a.id")
        .innerJoin("users as u", "u.id", "ua.user_id")
        .select("a.holder_name")
        .where("u.email", "=", DEMO_PEOPLE.resident.email)
        .execute();
      assert.ok(holders.length >= 2);
      for (const h of holders) assert.equal(h.holder_name, DEMO_PEOPLE.resident.holderName);
    });
  },
  async ({ database, deps, setNow }) => {
    await seedRegion(database, { accounts: 300, seed: 42, asOf: AS_OF });
    setNow(`${AS_OF}T12:00:00+02:00`);
    await billHistory(deps, { asOf: AS_OF, seed: 42 });
  },
);
