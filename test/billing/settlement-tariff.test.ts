// A settlement's own tariff applies from its start date; before it (and in every other settlement) the provider-wide
// one does. Before the fix, any settlement tariff made the provider-wide one vanish there for every month, so
// billing a month before the local tariff began refused the whole provider ("no tariff … on the 1st").
import assert from "node:assert/strict";
import { test } from "node:test";
import { parsePeriod } from "../../src/domain/period.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import { BillingFixture, ELECTRICITY_2019 } from "../support/billing-fixture.ts";
import { forEachDatabase } from "../support/databases.ts";

let ids: { f: BillingFixture; power: number; inTown: number; elsewhere: number };

forEachDatabase(
  "a settlement's own tariff",
  (get) => {
    const bill = (period: string) =>
      billPeriod(get().deps, { providerId: ids.power, period: parsePeriod(period), startedBy: "test" });

    test("the month before it is billed by the provider-wide tariff, in that town too", async () => {
      await bill("2019-06");
      // 150 kWh: 100 × 0.90 + 50 × 1.68 = 174.00, in both settlements.
      assert.deepEqual(await ids.f.billed(ids.inTown, "2019-06"), { "electricity:charge": 17400 });
      assert.deepEqual(await ids.f.billed(ids.elsewhere, "2019-06"), { "electricity:charge": 17400 });
    });

    test("the month it starts in is cut by days: 14 days provider-wide, 17 days the town's own", async () => {
      await bill("2019-07");
      // 310 kWh over 31 days: 140 kWh to the first 14 days, 170 kWh to the last 17 (by days).
      // Provider-wide part: ceiling 100 × 14/31 = 45.161; 45.161 × 0.90 = 40.64, 94.839 × 1.68 = 159.33.
      // Town part: ceiling 100 × 17/31 = 54.839 at 1.00 = 54.84; 115.161 × 2.00 = 230.32. Total 485.13.
      assert.deepEqual(await ids.f.billed(ids.inTown, "2019-07"), { "electricity:charge": 48513 });
      // Elsewhere the provider-wide tariff all month: 100 × 0.90 + 210 × 1.68 = 442.80.
      assert.deepEqual(await ids.f.billed(ids.elsewhere, "2019-07"), { "electricity:charge": 44280 });
    });
  },
  async ({ database, setNow }) => {
    const f = await BillingFixture.create(database);
    const town = await f.settlement("sviatohirsk");
    const power = await f.provider("power", [
      ELECTRICITY_2019,
      {
        service: "electricity",
        settlementId: town,
        from: "2019-07-15",
        blocks: [
          ["100", "1.00"],
          [null, "2.00"],
        ],
      },
    ]);
    const inTown = await f.account(power, { settlementId: town });
    const elsewhere = await f.account(power);
    for (const account of [inTown, elsewhere]) {
      const meter = await f.meter(account, power, "electricity");
      await f.reading(account, meter, ["1000"], "2019-06-01", "2019-05");
      await f.reading(account, meter, ["1150"], "2019-07-01", "2019-06");
      await f.reading(account, meter, ["1460"], "2019-08-01", "2019-07");
    }
    ids = { f, power, inTown, elsewhere };
    setNow("2019-08-05T09:00:00Z");
  },
);
