// The billing run against hand-computed bills: tiers, zones, roll-over, estimation by average, the
// recalculation after a late reading, a tariff that changes mid-month, norms, the fixed fee, sewerage on the
// water meter's volume, planned payments and the advance that pays the next charge; and the rules that keep a
// run safe: a closed period is refused, a period that is not over is refused, a second run adds nothing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parsePeriod } from "../../src/domain/period.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import { AppError } from "../../src/services/errors.ts";
import { accountDebts } from "../../src/services/ledger/account-debts.ts";
import { postLedgerEntries } from "../../src/services/ledger/post-entries.ts";
import { BillingFixture, ELECTRICITY_2019 } from "../support/billing-fixture.ts";
import { type DbFixture, forEachDatabase } from "../support/databases.ts";

interface Ids {
  f: BillingFixture;
  power: number;
  heat: number;
  water: number;
  single: number;
  singleMeter: number;
  twoZone: number;
  rollover: number;
  late: number;
  lateMeter: number;
  heating: number;
  waterByNorm: number;
  waterMetered: number;
  flat: number;
  flatTariff: number;
}
let ids: Ids;

async function prepare({ database, setNow }: DbFixture): Promise<void> {
  const f = await BillingFixture.create(database);
  const power = await f.provider("power", [ELECTRICITY_2019]);
  const heat = await f.provider("heat", [
    {
      service: "heating",
      from: "2019-01-01",
      feeKop: 2150,
      normPerM2: "0.01680",
      blocks: [[null, "1654.41"]],
    },
  ]);
  // Cold water goes from 17.364 to 20.000 UAH/m³ on 16 July 2019: 15 days at the old price, 16 at the new.
  const water = await f.provider("water", [
    {
      service: "cold_water",
      from: "2019-01-01",
      to: "2019-07-16",
      normPerResident: "3.600",
      blocks: [[null, "17.364"]],
    },
    { service: "cold_water", from: "2019-07-16", normPerResident: "3.600", blocks: [[null, "20.000"]] },
    { service: "sewerage", from: "2019-01-01", normPerResident: "3.600", blocks: [[null, "11.502"]] },
  ]);

  const single = await f.account(power);
  const singleMeter = await f.meter(single, power, "electricity");
  await f.reading(single, singleMeter, ["1000"], "2019-01-01", "2018-12", "initial");
  await f.reading(single, singleMeter, ["1150"], "2019-06-01", "2019-05");
  await f.reading(single, singleMeter, ["1400"], "2019-07-01", "2019-06");

  const twoZone = await f.account(power);
  const twoZoneMeter = await f.meter(twoZone, power, "electricity", { zones: 2 });
  await f.reading(twoZone, twoZoneMeter, ["5000", "3000"], "2019-06-01", "2019-05");
  await f.reading(twoZone, twoZoneMeter, ["5120", "3060"], "2019-07-01", "2019-06");

  const rollover = await f.account(power);
  const rolloverMeter = await f.meter(rollover, power, "electricity", { digits: 5 });
  await f.reading(rollover, rolloverMeter, ["99950"], "2019-06-01", "2019-05");
  await f.reading(rollover, rolloverMeter, ["30"], "2019-07-01", "2019-06");

  // 150 kWh a month until 1 June, then no reading for June.
  const late = await f.account(power);
  const lateMeter = await f.meter(late, power, "electricity");
  for (const [value, deemed, period] of [
    ["1000", "2019-02-01", "2019-01"],
    ["1150", "2019-03-01", "2019-02"],
    ["1300", "2019-04-01", "2019-03"],
    ["1450", "2019-05-01", "2019-04"],
    ["1600", "2019-06-01", "2019-05"],
  ] as const) {
    await f.reading(late, lateMeter, [value], deemed, period);
  }

  const heating = await f.account(heat, { areaM2: "50.00" });
  const waterByNorm = await f.account(water, { residents: 2 });
  const waterMetered = await f.account(water, { residents: 3 });
  const waterMeter = await f.meter(waterMetered, water, "cold_water");
  await f.reading(waterMetered, waterMeter, ["100"], "2019-05-15", "2019-05");
  await f.reading(waterMetered, waterMeter, ["110"], "2019-06-15", "2019-06");

  // A provider whose tariff has no zone coefficients, and a two-zone meter to bill by it.
  const flat = await f.provider("flat", [{ ...ELECTRICITY_2019, zones: [] }]);
  const flatAccount = await f.account(flat);
  const flatMeter = await f.meter(flatAccount, flat, "electricity", { zones: 2 });
  await f.reading(flatAccount, flatMeter, ["100", "50"], "2019-06-01", "2019-05");
  await f.reading(flatAccount, flatMeter, ["200", "90"], "2019-07-01", "2019-06");
  const flatTariff = (
    await database.db
      .selectFrom("tariffs")
      .select("id")
      .where("provider_id", "=", flat)
      .executeTakeFirstOrThrow()
  ).id;

  ids = {
    flat,
    flatTariff,
    f,
    power,
    heat,
    water,
    single,
    singleMeter,
    twoZone,
    rollover,
    late,
    lateMeter,
    heating,
    waterByNorm,
    waterMetered,
  };
  setNow("2019-07-05T09:00:00Z");
}

forEachDatabase(
  "billing run",
  (get) => {
    const bill = (providerId: number, period: string) =>
      billPeriod(get().deps, { providerId, period: parsePeriod(period), startedBy: "test", batchSize: 2 });

    test("a period that is not over yet is refused", async () => {
      await assert.rejects(bill(ids.power, "2019-07"), (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.code, "billing_period_not_over");
        assert.match(e.messageIn("uk"), /2019-08-01/);
        return true;
      });
    });

    test("June 2019: tiers, zones, roll-over, estimate by average, heating and water by norm", async () => {
      const { f } = ids;
      const power = await bill(ids.power, "2019-06");
      // 250 kWh: 100 × 0.90 + 150 × 1.68 = 90.00 + 252.00.
      assert.deepEqual(await f.billed(ids.single, "2019-06"), { "electricity:charge": 34200 });
      // Day 120 + night 60 = 180 kWh. Block 1 (100) goes 66.667 to the day zone (round(120·100/180)), 33.333 to
      // the night; block 2 (80) 53.333 / 26.667. 66.667 × 0.90 = 60.00; 53.333 × 1.68 = 89.60;
      // 33.333 × 0.90 × 0.5 = 15.00; 26.667 × 1.68 × 0.5 = 22.40: 187.00.
      assert.deepEqual(await f.billed(ids.twoZone, "2019-06"), { "electricity:charge": 18700 });
      // 99 950 → 00 030 on a 5-digit dial: 80 kWh × 0.90.
      assert.deepEqual(await f.billed(ids.rollover, "2019-06"), { "electricity:charge": 7200 });
      // No reading: 600 kWh over the 120 days 1 Feb – 1 Jun = 5 kWh a day × 30 = 150 kWh: 90.00 + 84.00.
      assert.deepEqual(await f.billed(ids.late, "2019-06"), { "electricity:estimated_charge": 17400 });
      assert.equal(power.accounts, 4);
      assert.equal(power.charged, 3);
      assert.equal(power.estimated, 1);
      assert.equal(power.totalKop, 34200 + 18700 + 7200 + 17400);

      await bill(ids.heat, "2019-04");
      // The heating season ends on 15 April (the default): 0.0168 Gcal/m² × 50 m² = 0.84 Gcal a month, for 15 of
      // April's 30 days = 0.42 Gcal × 1654.41 = 694.85, plus the 21.50 fee.
      assert.deepEqual(await f.billed(ids.heating, "2019-04"), { "heating:charge": 71635 });
      await bill(ids.heat, "2019-06");
      // June is not: the fee alone.
      assert.deepEqual(await f.billed(ids.heating, "2019-06"), { "heating:charge": 2150 });

      await bill(ids.water, "2019-06");
      // 2 residents × 3.6 m³ = 7.2 m³: × 17.364 = 125.02; sewerage × 11.502 = 82.81.
      assert.deepEqual(await f.billed(ids.waterByNorm, "2019-06"), {
        "cold_water:charge": 12502,
        "sewerage:charge": 8281,
      });
      // 10 m³ on the meter: 173.64; sewerage on the same 10 m³: 115.02.
      assert.deepEqual(await f.billed(ids.waterMetered, "2019-06"), {
        "cold_water:charge": 17364,
        "sewerage:charge": 11502,
      });
    });

    test("a two-zone meter on a tariff without zone coefficients: refused by name, nothing written", async () => {
      await assert.rejects(bill(ids.flat, "2019-06"), (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.code, "billing_tariff_invalid");
        assert.equal(
          e.messageIn("en"),
          `Tariff #${ids.flatTariff} for electricity is not valid: it has no zone coefficients for a 2-zone meter ` +
            "(Testove, 2019-06)",
        );
        return true;
      });
      const { db } = get().database;
      const entries = await db
        .selectFrom("ledger_entries")
        .select("id")
        .where("provider_id", "=", ids.flat)
        .execute();
      const usage = await db
        .selectFrom("billed_usage")
        .select("zone")
        .where("provider_id", "=", ids.flat)
        .execute();
      // Refused before a run began: no run is left behind as running.
      const runs = await db
        .selectFrom("billing_runs")
        .select("id")
        .where("provider_id", "=", ids.flat)
        .execute();
      assert.deepEqual([entries, usage, runs], [[], [], []]);
    });

    test("planned payments for July: expected use priced, plus the fee, rounded up to whole hryvnias", async () => {
      const { f } = ids;
      // 400 kWh over 181 days (1 Jan – 1 Jul) × 31 = 68.508 kWh × 0.90 = 61.66 → 62.00.
      assert.deepEqual(await f.planned(ids.single, "2019-07"), { electricity: 6200 });
      // For May (after April's run) and July: out of season, the 21.50 fee rounded up to 22.00.
      assert.deepEqual(await f.planned(ids.heating, "2019-05"), { heating: 2200 });
      assert.deepEqual(await f.planned(ids.heating, "2019-07"), { heating: 2200 });
    });

    test("the run is recorded and the period closed; billing it again is refused and adds nothing", async () => {
      const { db } = get().database;
      const before = await db
        .selectFrom("ledger_entries")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      await assert.rejects(bill(ids.power, "2019-06"), (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.code, "billing_period_closed");
        assert.match(e.messageIn("en"), /2019-06 of power is already billed and closed/);
        return true;
      });
      // Even with the period reopened by hand, a run finds every entry posted and adds none.
      await db.deleteFrom("closed_periods").where("provider_id", "=", ids.power).execute();
      const again = await bill(ids.power, "2019-06");
      const after = await db
        .selectFrom("ledger_entries")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
      // Its totals are what it added: nothing (a run's totals are its batches', billing-totals.ts).
      assert.equal(again.totalKop, 0);
      assert.equal(again.accounts, 0);
      const runs = await db
        .selectFrom("billing_runs")
        .select(["status"])
        .where("provider_id", "=", ids.power)
        .execute();
      assert.deepEqual(
        runs.map((r) => r.status),
        ["finished", "finished"],
      );
    });

    test("a month before the last closed one, or before the first tariff, is refused and writes nothing", async () => {
      const { db } = get().database;
      const count = async () =>
        Number(
          (
            await db
              .selectFrom("ledger_entries")
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      // June is closed: May would change a bill already issued.
      await assert.rejects(bill(ids.power, "2019-05"), (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.code, "billing_period_before_closed");
        assert.equal(e.status, 409);
        assert.match(e.messageIn("en"), /2019-05 is before power's last closed period 2019-06/);
        assert.match(e.messageIn("uk"), /перерахунок/);
        return true;
      });
      // No period of "flat" is closed, but its first tariff starts in March 2017.
      await assert.rejects(bill(ids.flat, "1999-01"), (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.code, "billing_period_before_tariffs");
        assert.equal(e.status, 422);
        assert.match(e.messageIn("en"), /first tariff \(from 2017-03-01\)/);
        return true;
      });
      assert.equal(await count(), before);
      const runs = await db
        .selectFrom("billing_runs")
        .select("period")
        .where("period", "in", ["2019-05-01", "1999-01-01"])
        .execute();
      assert.deepEqual(runs, []);
    });

    test("an advance paid with the June bill pays the July charge", async () => {
      const { database, setNow } = get();
      // 342.00 for June + the 62.00 planned payment.
      await database.db.transaction().execute((tx) =>
        postLedgerEntries(tx, [
          {
            account_id: ids.single,
            provider_id: ids.power,
            service_code: null,
            period: "2019-07-01",
            kind: "payment",
            amount_kop: -40400,
            entry_date: "2019-07-05",
            source: "operator",
            source_ref: "test-payment-1",
          },
        ]),
      );
      const paid = await accountDebts(database.db, ids.single, "2019-07-31");
      assert.deepEqual(paid.outstanding, []);
      assert.equal(paid.advanceKop, 6200);
      await ids.f.reading(ids.single, ids.singleMeter, ["1470"], "2019-08-01", "2019-07");
      // The late account's real reading arrives for July: 1 930.
      await ids.f.reading(ids.late, ids.lateMeter, ["1930"], "2019-08-01", "2019-07");
      setNow("2019-08-05T09:00:00Z");
      await bill(ids.power, "2019-07");
      // 70 kWh × 0.90 = 63.00, of which the advance pays 62.00.
      assert.deepEqual(await ids.f.billed(ids.single, "2019-07"), { "electricity:charge": 6300 });
      const after = await accountDebts(database.db, ids.single, "2019-08-31");
      assert.deepEqual(after.outstanding, [{ period: "2019-07", service: "electricity", amountKop: 100 }]);
      assert.equal(after.advanceKop, 0);
    });

    test("a real reading after an estimated month: the true use re-spread by days, the difference its own line", async () => {
      // 1 930 − 1 600 = 330 kWh since 1 June, over June (30 days) and July (31): 162.295 and 167.705 kWh.
      // June re-priced: 90.00 + 62.295 × 1.68 (104.66) = 194.66, less the 174.00 estimated: +20.66.
      // July: 90.00 + 67.705 × 1.68 (113.74) = 203.74.
      assert.deepEqual(await ids.f.billed(ids.late, "2019-07"), {
        "electricity:charge": 20374,
        "electricity:recalculation": 2066,
      });
      const line = await get()
        .database.db.selectFrom("ledger_entries")
        .select("details")
        .where("account_id", "=", ids.late)
        .where("kind", "=", "recalculation")
        .executeTakeFirstOrThrow();
      const months = (line.details as { months: Record<string, unknown>[] }).months;
      assert.equal(months.length, 1);
      assert.equal(months[0]?.["period"], "2019-06");
      assert.equal(months[0]?.["charged_kop"], 17400);
      assert.equal(months[0]?.["recalculated_kop"], 19466);
      assert.equal(Number(months[0]?.["estimated"]), 150);
      assert.equal(Number(months[0]?.["actual"]), 162.295);
    });

    test("July water: a mid-month price change prorated by days, and an estimate for the metered account", async () => {
      await bill(ids.water, "2019-07");
      // 7.2 m³ split 15:16 by days: 3.484 m³ × 17.364 = 60.50 and 3.716 × 20.000 = 74.32.
      assert.deepEqual(await ids.f.billed(ids.waterByNorm, "2019-07"), {
        "cold_water:charge": 13482,
        "sewerage:charge": 8281,
      });
      // No July reading: 10 m³ over 31 days × 31 = 10 m³, split 4.839 / 5.161: 84.02 + 103.22; sewerage 115.02.
      assert.deepEqual(await ids.f.billed(ids.waterMetered, "2019-07"), {
        "cold_water:estimated_charge": 18724,
        "sewerage:estimated_charge": 11502,
      });
    });
  },
  prepare,
);
