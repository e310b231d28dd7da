import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { addDays, type LocalDate, localDate } from "../local-date.ts";
import { kop } from "../money.ts";
import { type Period, period } from "../period.ts";
import { type Charge, type Payment, settleOldestFirst, splitBalance } from "./settlement.ts";

const P = (text: string) => text as Period;
const D = (text: string) => text as LocalDate;
const charge = (p: string, service: string, amount: number): Charge => ({
  period: P(p),
  service,
  amountKop: kop(amount),
});
const payment = (
  date: string,
  amount: number,
  names: { period?: string; service?: string } = {},
): Payment => ({
  date: D(date),
  amountKop: kop(amount),
  ...(names.period ? { period: P(names.period) } : {}),
  ...(names.service ? { service: names.service } : {}),
});

describe("settleOldestFirst", () => {
  test("a payment covers the oldest month and part of the next", () => {
    const charges = [
      charge("2025-03", "electricity", 28_000),
      charge("2025-01", "electricity", 30_000),
      charge("2025-02", "electricity", 25_000),
    ];
    // 400.00 UAH: January's 300.00 in full, 100.00 of February's 250.00.
    assert.deepEqual(settleOldestFirst(charges, [payment("2025-02-20", 40_000)]), {
      outstanding: [
        { period: "2025-02", service: "electricity", amountKop: 15_000 },
        { period: "2025-03", service: "electricity", amountKop: 28_000 },
      ],
      advanceKop: 0,
    });
  });

  test("within a period, debts go by service code", () => {
    const charges = [
      charge("2025-01", "electricity", 10_000),
      charge("2025-01", "cold_water", 5_000),
      charge("2025-02", "cold_water", 5_000),
    ];
    assert.deepEqual(settleOldestFirst(charges, [payment("2025-02-01", 8_000)]).outstanding, [
      { period: "2025-01", service: "electricity", amountKop: 7_000 },
      { period: "2025-02", service: "cold_water", amountKop: 5_000 },
    ]);
  });

  test("a payment naming a later period pays it first; its rest goes to the oldest debt", () => {
    const charges = [charge("2025-01", "electricity", 30_000), charge("2025-02", "electricity", 25_000)];
    assert.deepEqual(settleOldestFirst(charges, [payment("2025-03-05", 20_000, { period: "2025-02" })]), {
      outstanding: [
        { period: "2025-01", service: "electricity", amountKop: 30_000 },
        { period: "2025-02", service: "electricity", amountKop: 5_000 },
      ],
      advanceKop: 0,
    });
    assert.deepEqual(settleOldestFirst(charges, [payment("2025-03-05", 30_000, { period: "2025-02" })]), {
      outstanding: [{ period: "2025-01", service: "electricity", amountKop: 25_000 }],
      advanceKop: 0,
    });
  });

  test("a payment naming a service pays that service's debts oldest first", () => {
    const charges = [
      charge("2025-01", "electricity", 10_000),
      charge("2025-01", "cold_water", 5_000),
      charge("2025-02", "cold_water", 3_000),
      charge("2025-02", "electricity", 9_000),
    ];
    assert.deepEqual(
      settleOldestFirst(charges, [payment("2025-03-01", 6_000, { service: "cold_water" })]).outstanding,
      [
        { period: "2025-01", service: "electricity", amountKop: 10_000 },
        { period: "2025-02", service: "cold_water", amountKop: 2_000 },
        { period: "2025-02", service: "electricity", amountKop: 9_000 },
      ],
    );
    // Period and service together name one debt; the 1 000 beyond it goes to the oldest.
    assert.deepEqual(
      settleOldestFirst(charges, [
        payment("2025-03-01", 10_000, { period: "2025-02", service: "electricity" }),
      ]).outstanding,
      [
        { period: "2025-01", service: "cold_water", amountKop: 4_000 },
        { period: "2025-01", service: "electricity", amountKop: 10_000 },
        { period: "2025-02", service: "cold_water", amountKop: 3_000 },
      ],
    );
  });

  test("an overpayment is an advance, and the next charge uses it", () => {
    const january = charge("2025-01", "electricity", 30_000);
    const paid = [payment("2025-02-05", 50_000)];
    assert.deepEqual(settleOldestFirst([january], paid), { outstanding: [], advanceKop: 20_000 });
    // February's 250.00 takes the 200.00 advance: 50.00 is left to pay.
    assert.deepEqual(settleOldestFirst([january, charge("2025-02", "electricity", 25_000)], paid), {
      outstanding: [{ period: "2025-02", service: "electricity", amountKop: 5_000 }],
      advanceKop: 0,
    });
    assert.deepEqual(settleOldestFirst([january, charge("2025-02", "cold_water", 15_000)], paid), {
      outstanding: [],
      advanceKop: 5_000,
    });
  });

  test("a downward recalculation lowers its month's debt; below zero it is credit for the others", () => {
    const charges = [
      charge("2025-01", "electricity", 30_000),
      charge("2025-02", "electricity", 25_000),
      charge("2025-03", "electricity", -10_000), // recalculated in March for February
      charge("2025-02", "electricity", -5_000),
    ];
    assert.deepEqual(settleOldestFirst(charges, []).outstanding, [
      { period: "2025-01", service: "electricity", amountKop: 20_000 },
      { period: "2025-02", service: "electricity", amountKop: 20_000 },
    ]);
    const overRecalculated = [
      charge("2025-01", "electricity", 30_000),
      charge("2025-01", "electricity", -40_000),
    ];
    assert.deepEqual(settleOldestFirst(overRecalculated, []), { outstanding: [], advanceKop: 10_000 });
    assert.deepEqual(settleOldestFirst([...overRecalculated, charge("2025-02", "gas", 25_000)], []), {
      outstanding: [{ period: "2025-02", service: "gas", amountKop: 15_000 }],
      advanceKop: 0,
    });
  });

  test("payments apply in date order, whatever order they come in", () => {
    const charges = [charge("2025-01", "electricity", 10_000), charge("2025-02", "electricity", 10_000)];
    const payments = [payment("2025-03-10", 5_000, { period: "2025-02" }), payment("2025-01-20", 12_000)];
    const settled = settleOldestFirst(charges, payments);
    assert.deepEqual(settled, settleOldestFirst(charges, [...payments].reverse()));
    // 120.00 first: January and 20.00 of February; then 50.00 for February: 30.00 of it is left.
    assert.deepEqual(settled.outstanding, [{ period: "2025-02", service: "electricity", amountKop: 3_000 }]);
  });

  test("nothing charged, nothing paid: nothing open", () => {
    assert.deepEqual(settleOldestFirst([], []), { outstanding: [], advanceKop: 0 });
    assert.deepEqual(settleOldestFirst([charge("2025-01", "gas", 0)], []), {
      outstanding: [],
      advanceKop: 0,
    });
  });

  test("refuses a payment that is not positive, a bad period or a fractional amount", () => {
    assert.throws(() => settleOldestFirst([], [payment("2025-01-01", 0)]), /positive/);
    assert.throws(
      () => settleOldestFirst([], [{ date: D("2025-01-01"), amountKop: -5 as never }]),
      /positive/,
    );
    assert.throws(() => settleOldestFirst([charge("2025-13", "gas", 1)], []), /period/);
    assert.throws(() => settleOldestFirst([], [payment("2025-02-30", 1)]), /date/);
    assert.throws(() => settleOldestFirst([{ ...charge("2025-01", "gas", 1), amountKop: 1.5 as never }], []));
  });

  test("property: Σ outstanding − advance = Σ charges − Σ payments; no debt is negative or left beside credit", () => {
    const services = ["cold_water", "electricity", "gas"];
    const periodArb = fc
      .integer({ min: 0, max: 7 })
      .map((i) => period(2024 + Math.floor((10 + i) / 12), ((10 + i) % 12) + 1));
    const chargeArb = fc.record({
      period: periodArb,
      service: fc.constantFrom(...services),
      amountKop: fc.integer({ min: -50_000, max: 150_000 }).map(kop),
    });
    const paymentArb = fc.record(
      {
        date: fc.integer({ min: 0, max: 240 }).map((d) => addDays(localDate(2024, 11, 1), d)),
        amountKop: fc.integer({ min: 1, max: 200_000 }).map(kop),
        period: periodArb,
        service: fc.constantFrom(...services),
      },
      { requiredKeys: ["date", "amountKop"] },
    );
    fc.assert(
      fc.property(
        fc.array(chargeArb, { maxLength: 30 }),
        fc.array(paymentArb, { maxLength: 15 }),
        (charges, payments) => {
          const { outstanding, advanceKop } = settleOldestFirst(charges, payments);
          const sum = (xs: { amountKop: number }[]) => xs.reduce((s, x) => s + x.amountKop, 0);
          assert.equal(sum(outstanding) - advanceKop, sum(charges) - sum(payments));
          assert.ok(advanceKop >= 0);
          assert.ok(outstanding.every((d) => d.amountKop > 0));
          // Credit is spent while any debt is open.
          assert.ok(advanceKop === 0 || outstanding.length === 0);
          // Oldest first, one line per period and service, never more than was charged for it.
          for (let i = 1; i < outstanding.length; i++) {
            const a = outstanding[i - 1]!;
            const b = outstanding[i]!;
            assert.ok(a.period < b.period || (a.period === b.period && a.service < b.service));
          }
          for (const d of outstanding) {
            const charged = sum(charges.filter((c) => c.period === d.period && c.service === d.service));
            assert.ok(d.amountKop <= charged);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("splitBalance", () => {
  const charges = [
    charge("2025-01", "electricity", 30_000),
    charge("2025-01", "gas", 10_000),
    charge("2025-02", "gas", 12_000),
    charge("2025-02", "", 1_000), // an adjustment of the whole account
  ];

  test("a payment that names no service counts on the services whose debts it settled", () => {
    // 350.00: January's electricity 300.00 (services by code within a month), then 50.00 of January's gas.
    const settled = settleOldestFirst(charges, [payment("2025-02-05", 35_000)]);
    assert.deepEqual(splitBalance(settled, ["gas", "electricity"]), {
      services: [
        { service: "electricity", balanceKop: 0 },
        { service: "gas", balanceKop: 17_000 },
        { service: "", balanceKop: 1_000 },
      ],
      advanceKop: 0,
    });
  });

  test("an advance is a line of its own; services never go below zero", () => {
    const settled = settleOldestFirst(charges, [payment("2025-02-05", 60_000)]);
    assert.deepEqual(splitBalance(settled, ["electricity", "gas"]), {
      services: [
        { service: "electricity", balanceKop: 0 },
        { service: "gas", balanceKop: 0 },
      ],
      advanceKop: 7_000,
    });
    // No service at all yet: only the advance.
    assert.deepEqual(splitBalance(settleOldestFirst([], [payment("2025-01-01", 100)]), []), {
      services: [],
      advanceKop: 100,
    });
  });

  test("one service carries the whole balance: its debts, debts of the whole account, less the advance", () => {
    const power = [charge("2025-01", "electricity", 34_200), charge("2025-02", "", 500)];
    assert.deepEqual(
      splitBalance(settleOldestFirst(power, [payment("2025-02-05", 20_000)]), ["electricity"]),
      {
        services: [{ service: "electricity", balanceKop: 14_700 }],
        advanceKop: 0,
      },
    );
    assert.deepEqual(
      splitBalance(settleOldestFirst(power, [payment("2025-02-05", 40_400)]), ["electricity"]),
      {
        services: [{ service: "electricity", balanceKop: -5_700 }],
        advanceKop: 0,
      },
    );
  });

  test("property: services less the advance are the balance, and each service is its open debts", () => {
    const services = ["cold_water", "electricity", "gas", ""];
    const periodArb = fc.integer({ min: 0, max: 5 }).map((i) => period(2025, i + 1));
    const chargeArb = fc.record({
      period: periodArb,
      service: fc.constantFrom(...services),
      amountKop: fc.integer({ min: -50_000, max: 150_000 }).map(kop),
    });
    const paymentArb = fc.record(
      {
        date: fc.integer({ min: 0, max: 180 }).map((d) => addDays(localDate(2025, 1, 1), d)),
        amountKop: fc.integer({ min: 1, max: 200_000 }).map(kop),
        period: periodArb,
        service: fc.constantFrom(...services.slice(0, 3)),
      },
      { requiredKeys: ["date", "amountKop"] },
    );
    fc.assert(
      fc.property(
        fc.array(chargeArb, { maxLength: 25 }),
        fc.array(paymentArb, { maxLength: 12 }),
        fc.subarray(services.slice(0, 3)),
        (cs, ps, supplied) => {
          const own = [...new Set([...supplied, ...cs.map((c) => c.service).filter((x) => x !== "")])];
          const settled = settleOldestFirst(cs, ps);
          const split = splitBalance(settled, own);
          const sum = (xs: { amountKop: number }[]) => xs.reduce((a, x) => a + x.amountKop, 0);
          const balance = sum(cs) - sum(ps);
          assert.equal(split.services.reduce((a, s) => a + s.balanceKop, 0) - split.advanceKop, balance);
          assert.equal(new Set(split.services.map((s) => s.service)).size, split.services.length);
          if (own.length === 1) {
            assert.deepEqual(split, { services: [{ service: own[0], balanceKop: balance }], advanceKop: 0 });
            return;
          }
          assert.equal(split.advanceKop, settled.advanceKop);
          for (const s of split.services) {
            assert.ok(s.balanceKop >= 0);
            assert.equal(s.balanceKop, sum(settled.outstanding.filter((d) => d.service === s.service)));
          }
          for (const code of own)
            assert.ok(
              split.services.some((s) => s.service === code),
              code,
            );
        },
      ),
      { numRuns: 500 },
    );
  });
});
