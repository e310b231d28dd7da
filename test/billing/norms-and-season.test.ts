// Norms through the run: a norm that changes mid-month is prorated by days, as tariffs are; heating's norm is billed
// on the days of the provider's heating season only (by default 15 October – 15 April); and a meter with no
// history and no norm is labelled 'none' on every zone, not 'norm' with nothing in it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parsePeriod } from "../../src/domain/period.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import { BillingFixture, ELECTRICITY_2019 } from "../support/billing-fixture.ts";
import { forEachDatabase } from "../support/databases.ts";

let ids: {
  f: BillingFixture;
  water: number;
  heat: number;
  ownSeason: number;
  power: number;
  byNorm: number;
  heated: number;
  heatedOwn: number;
  twoZone: number;
};

forEachDatabase(
  "norms and the heating season in the run",
  (get) => {
    const bill = (providerId: number, period: string) =>
      billPeriod(get().deps, { providerId, period: parsePeriod(period), startedBy: "test" });

    test("a norm that changes on 16 July is prorated by days", async () => {
      await bill(ids.water, "2019-07");
      // 2 residents: 3.6 m³ each for 15 days, 4.0 m³ for 16: (7.2 × 15 + 8.0 × 16) / 31 = 7.613 m³ (one rounding).
      // Priced 15:16 by days: 3.684 m³ × 17.364 = 63.97 and 3.929 × 20.000 = 78.58 → 142.55.
      assert.deepEqual(await ids.f.billed(ids.byNorm, "2019-07"), { "cold_water:charge": 14255 });
      const usage = await get()
        .database.db.selectFrom("billed_usage")
        .select(["quantity", "method"])
        .where("account_id", "=", ids.byNorm)
        .executeTakeFirstOrThrow();
      assert.deepEqual(usage, { quantity: "7.613", method: "unmetered" });
    });

    test("October: the default season starts on the 15th (17 days), a provider's own on the 28th (4 days)", async () => {
      get().setNow("2019-11-05T09:00:00Z");
      await bill(ids.heat, "2019-10");
      await bill(ids.ownSeason, "2019-10");
      // 0.0168 Gcal/m² × 50 m² = 0.84 Gcal a month; × 17/31 = 0.460645… → 0.461 Gcal × 1654.41 = 762.68, + 21.50.
      assert.deepEqual(await ids.f.billed(ids.heated, "2019-10"), { "heating:charge": 78418 });
      // × 4/31 = 0.108387… → 0.108 Gcal × 1654.41 = 178.68, + 21.50.
      assert.deepEqual(await ids.f.billed(ids.heatedOwn, "2019-10"), { "heating:charge": 20018 });
      // November is all in season for both: 0.84 × 1654.41 = 1389.70, + 21.50 — the planned payment, in hryvnias.
      assert.deepEqual(await ids.f.planned(ids.heated, "2019-11"), { heating: 141200 });
    });

    test("a two-zone meter with no history and no norm: both zones 'none', billed nothing", async () => {
      await bill(ids.power, "2019-07");
      const rows = await get()
        .database.db.selectFrom("billed_usage")
        .select(["zone", "method", "quantity", "amount_kop"])
        .where("account_id", "=", ids.twoZone)
        .orderBy("zone")
        .execute();
      assert.deepEqual(rows, [
        { zone: 1, method: "none", quantity: "0.000", amount_kop: 0 },
        { zone: 2, method: "none", quantity: "0.000", amount_kop: 0 },
      ]);
    });
  },
  async ({ database, setNow }) => {
    const f = await BillingFixture.create(database);
    const water = await f.provider("water", [
      {
        service: "cold_water",
        from: "2019-01-01",
        to: "2019-07-16",
        normPerResident: "3.600",
        blocks: [[null, "17.364"]],
      },
      { service: "cold_water", from: "2019-07-16", normPerResident: "4.000", blocks: [[null, "20.000"]] },
    ]);
    const heating = {
      service: "heating" as const,
      from: "2019-01-01",
      feeKop: 2150,
      normPerM2: "0.01680",
      blocks: [[null, "1654.41"]] as [string | null, string][],
    };
    const heat = await f.provider("heat", [heating]);
    const ownSeason = await f.provider("heat-own", [heating]);
    await database.db
      .updateTable("providers")
      .set({ heating_season_starts: "10-28", heating_season_ends: "03-31" })
      .where("id", "=", ownSeason)
      .execute();
    const power = await f.provider("power", [ELECTRICITY_2019]);
    const twoZone = await f.account(power);
    await f.meter(twoZone, power, "electricity", { zones: 2 });
    ids = {
      f,
      water,
      heat,
      ownSeason,
      power,
      byNorm: await f.account(water, { residents: 2 }),
      heated: await f.account(heat, { areaM2: "50.00" }),
      heatedOwn: await f.account(ownSeason, { areaM2: "50.00" }),
      twoZone,
    };
    setNow("2019-08-05T09:00:00Z");
  },
);
