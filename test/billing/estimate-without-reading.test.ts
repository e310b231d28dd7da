// "If no reading is given you will be billed about X": the same dated rule and tariffs the run uses, per meter,
// for the month its window is for.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Actor } from "../../src/services/actor.ts";
import { estimateWithoutReading } from "../../src/services/billing/estimate-without-reading.ts";
import { BillingFixture, ELECTRICITY_2019 } from "../support/billing-fixture.ts";
import { type DbFixture, forEachDatabase } from "../support/databases.ts";

const platform: Actor = { kind: "platform_admin", userId: 0, locale: "uk" };
let ids: { late: number; water: number; given: number; twoMeters: number };

async function prepare({ database, setNow }: DbFixture): Promise<void> {
  const f = await BillingFixture.create(database);
  const power = await f.provider("power", [ELECTRICITY_2019]);
  const water = await f.provider("water", [
    { service: "cold_water", from: "2019-01-01", normPerResident: "3.600", blocks: [[null, "17.364"]] },
    { service: "sewerage", from: "2019-01-01", normPerResident: "3.600", blocks: [[null, "11.502"]] },
  ]);
  await database.db
    .insertInto("submission_windows")
    .values([
      {
        provider_id: power,
        service_code: "electricity",
        settlement_id: null,
        opens_day: -3,
        closes_day: 2,
        deemed_date_rule: "first_of_month",
        late_policy: "refuse",
        rule_source: "test",
      },
      {
        provider_id: water,
        service_code: "cold_water",
        settlement_id: null,
        opens_day: 10,
        closes_day: 25,
        deemed_date_rule: "submission_day",
        late_policy: "next_period",
        rule_source: "test",
      },
    ])
    .execute();
  const late = await f.account(power);
  const meter = await f.meter(late, power, "electricity");
  for (const [value, deemed, period] of [
    ["1000", "2019-02-01", "2019-01"],
    ["1150", "2019-03-01", "2019-02"],
    ["1300", "2019-04-01", "2019-03"],
    ["1450", "2019-05-01", "2019-04"],
    ["1600", "2019-06-01", "2019-05"],
  ] as const) {
    await f.reading(late, meter, [value], deemed, period);
  }
  const waterAccount = await f.account(water, { residents: 2 });
  await f.meter(waterAccount, water, "cold_water", { installedOn: "2019-06-20" });
  const given = await f.account(power);
  const givenMeter = await f.meter(given, power, "electricity");
  await f.reading(given, givenMeter, ["500"], "2019-06-01", "2019-05");
  await f.reading(given, givenMeter, ["650"], "2019-08-01", "2019-07");
  const twoMeters = await f.account(power);
  for (const _ of [1, 2]) {
    const meter = await f.meter(twoMeters, power, "electricity");
    await f.reading(twoMeters, meter, ["1000"], "2019-02-01", "2019-01");
    await f.reading(twoMeters, meter, ["1600"], "2019-06-01", "2019-05");
  }
  ids = { late, water: waterAccount, given, twoMeters };
  // 5 July: the electricity window for July opens on the 28th, water's on the 10th.
  setNow("2019-07-05T09:00:00Z");
}

forEachDatabase(
  "estimate without a reading",
  (get) => {
    test("electricity by the average daily use, priced on the tiers", async () => {
      const e = await estimateWithoutReading(get().deps, { actor: platform, accountId: ids.late });
      assert.equal(e.meters.length, 1);
      const m = e.meters[0]!;
      assert.equal(m.period, "2019-07");
      assert.equal(m.readingGiven, false);
      assert.equal(m.billedBy, "average_daily");
      assert.equal(m.method, "average_daily");
      // 600 kWh over the 120 days 1 Feb – 1 Jun = 5 a day × 31 = 155 kWh: 90.00 + 55 × 1.68 = 182.40.
      assert.deepEqual(m.zones, [{ zone: 1, quantity: "155.000" }]);
      assert.equal(m.amountKop, 18240);
      assert.match(m.citation, /NEURC resolution No\. 311/);
      assert.equal(e.totalKop, 18240);
    });

    test("water with no history by the norm, sewerage included", async () => {
      const e = await estimateWithoutReading(get().deps, { actor: platform, accountId: ids.water });
      const m = e.meters[0]!;
      assert.equal(m.method, "norm");
      // 2 residents × 3.6 m³ = 7.2 m³: 125.02 water + 82.81 sewerage.
      assert.deepEqual(m.zones, [{ zone: 1, quantity: "7.200" }]);
      assert.equal(m.amountKop, 12502 + 8281);
    });

    test("a meter whose reading for the month is in says it will be billed by it, with no estimate", async () => {
      const e = await estimateWithoutReading(get().deps, { actor: platform, accountId: ids.given });
      const m = e.meters[0]!;
      assert.equal(m.readingGiven, true);
      assert.equal(m.billedBy, "reading");
      assert.equal(m.method, null);
      assert.deepEqual(m.zones, []);
      assert.equal(m.amountKop, null);
      assert.equal(e.totalKop, 0);
    });

    test("two meters of a household are estimated under one block allowance", async () => {
      const e = await estimateWithoutReading(get().deps, { actor: platform, accountId: ids.twoMeters });
      // 155 kWh on each (5 a day × 31): 310 kWh = 90.00 + 210 × 1.68 = 442.80, shared 50:50 by use.
      assert.deepEqual(
        e.meters.map((m) => [m.billedBy, m.zones[0]?.quantity, m.amountKop]),
        [
          ["average_daily", "155.000", 22140],
          ["average_daily", "155.000", 22140],
        ],
      );
      assert.equal(e.totalKop, 44280);
    });

    test("a resident who is not the holder gets not_found", async () => {
      await assert.rejects(
        estimateWithoutReading(get().deps, {
          actor: { kind: "resident", userId: 999, locale: "uk" },
          accountId: ids.late,
        }),
        (e: unknown) => (e as { code?: string }).code === "not_found",
      );
    });
  },
  prepare,
);
