// One household, one block allowance: the month an electricity meter is replaced, the old and the new meter share
// the 100 kWh at the low price instead of getting one each (account 10104 of the demo, May 2026: 169.39 billed,
// 189.31 due).
import assert from "node:assert/strict";
import { test } from "node:test";
import { parsePeriod } from "../../src/domain/period.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import { loadBill } from "../../src/services/documents/load-bill.ts";
import { BillingFixture, ELECTRICITY_2019 } from "../support/billing-fixture.ts";
import { forEachDatabase } from "../support/databases.ts";

let ids: {
  f: BillingFixture;
  power: number;
  replaced: number;
  oldMeter: number;
  newMeter: number;
  late: number;
  lateOld: number;
  lateNew: number;
};

forEachDatabase(
  "one block allowance per household",
  (get) => {
    test("a two-zone meter replaced on 10 May: 20 + 11 kWh and 99 + 53 kWh under one limit = 189.31", async () => {
      await billPeriod(get().deps, {
        providerId: ids.power,
        period: parsePeriod("2026-05"),
        startedBy: "test",
      });
      assert.deepEqual(await ids.f.billed(ids.replaced, "2026-05"), { "electricity:charge": 18931 });
      // Each zone's amount shared between the meters by their use (day 149.19 as 20:99, night 40.12 as 11:53).
      const rows = await get()
        .database.db.selectFrom("billed_usage")
        .select(["meter_id", "zone", "method", "quantity", "amount_kop"])
        .where("account_id", "=", ids.replaced)
        .orderBy("meter_id")
        .orderBy("zone")
        .execute();
      assert.deepEqual(rows, [
        { meter_id: ids.oldMeter, zone: 1, method: "actual", quantity: "20.000", amount_kop: 2507 },
        { meter_id: ids.oldMeter, zone: 2, method: "actual", quantity: "11.000", amount_kop: 690 },
        { meter_id: ids.newMeter, zone: 1, method: "actual", quantity: "99.000", amount_kop: 12412 },
        { meter_id: ids.newMeter, zone: 2, method: "actual", quantity: "53.000", amount_kop: 3322 },
      ]);
    });

    test("the bill prints the household's zone lines once, adding up to the charge", async () => {
      const bill = await loadBill(get().deps, {
        actor: { kind: "platform_admin", userId: 1, locale: "uk" },
        accountId: ids.replaced,
        period: parsePeriod("2026-05"),
      });
      const electricity = bill.services.find((s) => s.code === "electricity")!;
      assert.deepEqual(
        electricity.lines.map((l) => [l.zone, l.block, l.quantity, l.amountKop, l.meterId]),
        [
          [1, 1, 65_027n, 5852, null],
          [1, 2, 53_973n, 9067, null],
          [2, 1, 34_973n, 1574, null],
          [2, 2, 29_027n, 2438, null],
        ],
      );
      assert.equal(electricity.readings.length, 4, "both meters' readings, zone by zone");
      assert.equal(bill.amountDueKop, 18931);
    });

    test("a new meter with no reading in its first month: its use spread by days since installation", async () => {
      const { deps, setNow } = get();
      // May, billed by the first test: the old meter's 33 kWh (29.70); the new one, installed on the 6th, has no reading yet: 'none', 0.
      assert.deepEqual(await ids.f.billed(ids.late, "2026-05"), { "electricity:charge": 2970 });
      setNow("2026-07-05T09:00:00Z");
      await billPeriod(deps, { providerId: ids.power, period: parsePeriod("2026-06"), startedBy: "test" });
      // 538 kWh since 6 May, over May's last 26 days and June's 30: 249.786 and 288.214 kWh.
      // June: 100 × 0.90 + 188.214 × 1.68 (316.20) = 406.20 — not 825.84 for all 538 under one month's limit.
      // May re-priced as a household: 33 + 249.786 = 282.786 kWh = 90.00 + 182.786 × 1.68 (307.08) = 397.08,
      // less the 29.70 billed: +367.38.
      assert.deepEqual(await ids.f.billed(ids.late, "2026-06"), {
        "electricity:charge": 40620,
        "electricity:recalculation": 36738,
      });
      const line = await get()
        .database.db.selectFrom("ledger_entries")
        .select("details")
        .where("account_id", "=", ids.late)
        .where("kind", "=", "recalculation")
        .executeTakeFirstOrThrow();
      const months = (line.details as { months: Record<string, unknown>[] }).months;
      assert.deepEqual(
        months.map((m) => [
          m["meter_id"],
          Number(m["estimated"]),
          Number(m["actual"]),
          m["charged_kop"],
          m["recalculated_kop"],
        ]),
        [
          // 397.08 shared 33 : 249.786 by use.
          [ids.lateOld, 33, 33, 2970, 4634],
          [ids.lateNew, 0, 249.786, 0, 35074],
        ],
      );
    });
  },
  async ({ database, setNow }) => {
    const f = await BillingFixture.create(database);
    const power = await f.provider("power", [ELECTRICITY_2019]);
    const replaced = await f.account(power);
    const oldMeter = await f.meter(replaced, power, "electricity", { zones: 2, removedOn: "2026-05-10" });
    await f.reading(replaced, oldMeter, ["1000", "500"], "2026-05-01", "2026-04");
    await f.reading(replaced, oldMeter, ["1020", "511"], "2026-05-10", "2026-05", "final");
    const newMeter = await f.meter(replaced, power, "electricity", { zones: 2, installedOn: "2026-05-10" });
    await f.reading(replaced, newMeter, ["0", "0"], "2026-05-10", "2026-05", "initial");
    await f.reading(replaced, newMeter, ["99", "53"], "2026-06-01", "2026-05");
    // Account 344 of the demo: a single-zone meter replaced on 6 May; the new one's first reading comes for June.
    const late = await f.account(power);
    const lateOld = await f.meter(late, power, "electricity", { removedOn: "2026-05-06" });
    await f.reading(late, lateOld, ["1586"], "2026-05-01", "2026-04");
    await f.reading(late, lateOld, ["1619"], "2026-05-06", "2026-05", "final");
    const lateNew = await f.meter(late, power, "electricity", { installedOn: "2026-05-06" });
    await f.reading(late, lateNew, ["0"], "2026-05-06", "2026-05", "initial");
    await f.reading(late, lateNew, ["538"], "2026-07-01", "2026-06");
    ids = { f, power, replaced, oldMeter, newMeter, late, lateOld, lateNew };
    setNow("2026-06-05T09:00:00Z");
  },
);
