import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { type Kopiykas, kop } from "../money.ts";
import { plannedPayment } from "./planned-payment.ts";
import { priceConsumption } from "./tariff.ts";
import { ELECTRICITY_2019, u } from "./test-tariffs.ts";

const price = (use: bigint): Kopiykas =>
  priceConsumption(ELECTRICITY_2019, [{ zone: 1, used: use }], 1).totalKop;

describe("plannedPayment", () => {
  test("190/61 kWh a day × 31 days = 96.557 kWh × 0.90 = 86.90 → 87.00 UAH", () => {
    const perDay = { num: 190_000n, den: 61n };
    assert.equal(price(96_557n), 8690);
    assert.equal(
      plannedPayment({ averageDailyUse: perDay, daysInNextPeriod: 31, price, fixedFeeKop: kop(0) }),
      8700,
    );
  });

  test("a whole sum stays; a kopiyka more rounds up to the next hryvnia", () => {
    // 10 kWh × 30 = 300 kWh: 90.00 + 200 × 1.68 = 426.00
    const perDay = { num: u(10), den: 1n };
    const base = { averageDailyUse: perDay, daysInNextPeriod: 30, price };
    assert.equal(plannedPayment({ ...base, fixedFeeKop: kop(0) }), 42600);
    assert.equal(plannedPayment({ ...base, fixedFeeKop: kop(1) }), 42700);
    assert.equal(plannedPayment({ ...base, fixedFeeKop: kop(100) }), 42700);
  });

  test("the days of the coming period matter", () => {
    // 3 kWh a day: 28 days = 84 kWh → 75.60 → 76.00; 31 days = 93 kWh → 83.70 → 84.00
    const base = { averageDailyUse: { num: u(3), den: 1n }, price, fixedFeeKop: kop(0) };
    assert.equal(plannedPayment({ ...base, daysInNextPeriod: 28 }), 7600);
    assert.equal(plannedPayment({ ...base, daysInNextPeriod: 31 }), 8400);
  });

  test("no history: nothing to plan; zero use: the fixed fee alone", () => {
    assert.equal(
      plannedPayment({ averageDailyUse: null, daysInNextPeriod: 30, price, fixedFeeKop: kop(5000) }),
      0,
    );
    assert.equal(
      plannedPayment({
        averageDailyUse: { num: 0n, den: 1n },
        daysInNextPeriod: 30,
        price,
        fixedFeeKop: kop(1550),
      }),
      1600,
    );
  });

  test("refuses a negative amount or a bad average", () => {
    const base = { averageDailyUse: { num: 1n, den: 1n }, daysInNextPeriod: 30, fixedFeeKop: kop(0) };
    assert.throws(() => plannedPayment({ ...base, price: () => kop(-1) }), /negative/);
    assert.throws(
      () => plannedPayment({ ...base, averageDailyUse: { num: 1n, den: 0n }, price }),
      RangeError,
    );
    assert.throws(() => plannedPayment({ ...base, daysInNextPeriod: -1, price }), RangeError);
  });

  test("property: whole hryvnias, at least the expected bill and less than 1 UAH above it", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: u(100) }),
        fc.bigInt({ min: 1n, max: 1000n }),
        fc.integer({ min: 28, max: 31 }),
        fc.integer({ min: 0, max: 100_000 }),
        (num, den, days, fee) => {
          const paid = plannedPayment({
            averageDailyUse: { num, den },
            daysInNextPeriod: days,
            price,
            fixedFeeKop: kop(fee),
          });
          const due = price((num * BigInt(days) * 2n + den) / (2n * den)) + fee;
          assert.equal(paid % 100, 0);
          assert.ok(paid >= due && paid < due + 100, `${paid} vs ${due}`);
        },
      ),
    );
  });
});
