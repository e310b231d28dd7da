// The ledger on both engines: whatever history a channel posts (charges, estimates, recalculations, payments,
// adjustments, some posted twice), the balance on a day is the sum of the entries dated up to it, per service
// and in total, and the open debts less the advance come to that same balance.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Db } from "../../src/db/database.ts";
import type { LedgerKind, LedgerSource } from "../../src/db/tables/money.table.ts";
import type { ServiceCode } from "../../src/db/tables/reference.table.ts";
import { addDays, localDate } from "../../src/domain/local-date.ts";
import { AppError } from "../../src/services/errors.ts";
import { accountBalance } from "../../src/services/ledger/account-balance.ts";
import { accountDebts } from "../../src/services/ledger/account-debts.ts";
import { type NewLedgerEntry, postLedgerEntries } from "../../src/services/ledger/post-entries.ts";
import { forEachDatabase } from "../support/databases.ts";
import { providerWithPremise } from "../support/ledger-accounts.ts";

interface Region {
  providerId: number;
  premiseId: number;
}

async function minimalRegion(db: Db): Promise<Region> {
  const { providerId, premiseId } = await providerWithPremise(db);
  return { providerId, premiseId };
}

let accounts = 0;
async function newAccount(db: Db, region: Region): Promise<number> {
  accounts++;
  const { id } = await db
    .insertInto("accounts")
    .values({
      provider_id: region.providerId,
      number: `L-${accounts}`,
      number_normalized: `L${accounts}`,
      premise_id: region.premiseId,
      holder_name: "Тест Тестович",
      opened_on: "2020-01-01",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

const START = localDate(2025, 1, 1);
const PERIODS = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"];
const ALL_SERVICES: ServiceCode[] = ["electricity", "cold_water", "gas"];

/** One entry of a generated history, before it has an account. */
interface Step {
  kind: LedgerKind;
  serviceIndex: number;
  /** Adjustments and payments may be for the whole account. */
  wholeAccount: boolean;
  periodIndex: number;
  dayOffset: number;
  amount: number;
  /** The payer named a period and/or a service in the payment's details. */
  namesPeriod: boolean;
  namesService: boolean;
  noRef: boolean;
  postTwice: boolean;
  batch: number;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<LedgerKind>(
    "charge",
    "estimated_charge",
    "recalculation",
    "payment",
    "adjustment",
    "opening_balance",
  ),
  serviceIndex: fc.nat({ max: 2 }),
  wholeAccount: fc.boolean(),
  periodIndex: fc.nat({ max: PERIODS.length - 1 }),
  dayOffset: fc.nat({ max: 50 }),
  amount: fc.integer({ min: 1, max: 300_000 }),
  namesPeriod: fc.boolean(),
  namesService: fc.boolean(),
  noRef: fc.boolean(),
  postTwice: fc.boolean(),
  batch: fc.nat({ max: 2 }),
});

function toEntry(
  step: Step,
  i: number,
  accountId: number,
  providerId: number,
  services: number,
): NewLedgerEntry {
  const service = ALL_SERVICES[step.serviceIndex % services]!;
  const periodText = PERIODS[step.periodIndex]!;
  const period = `${periodText}-01`;
  const entryDate = addDays(localDate(2025, step.periodIndex + 1, 1), step.dayOffset);
  const base = { account_id: accountId, provider_id: providerId, period, entry_date: entryDate };
  switch (step.kind) {
    case "charge":
    case "estimated_charge":
      return {
        ...base,
        kind: step.kind,
        service_code: service,
        amount_kop: step.amount % 4 === 0 ? 0 : step.amount,
        source: "billing",
        source_ref: `run-${i}`,
      };
    case "recalculation":
      return {
        ...base,
        kind: "recalculation",
        service_code: service,
        amount_kop: step.amount % 2 === 0 ? -step.amount / 2 : step.amount,
        source: "billing",
        source_ref: `recalc-${i}`,
      };
    case "adjustment":
    case "opening_balance":
      return {
        ...base,
        kind: step.kind,
        service_code: step.wholeAccount ? null : service,
        amount_kop: step.amount % 2 === 0 ? -step.amount / 2 : step.amount,
        source: "operator",
        source_ref: step.noRef ? null : `adj-${i}`,
      };
    case "payment": {
      const details: Record<string, unknown> = {};
      if (step.namesPeriod) details["period"] = periodText;
      if (step.namesService) details["service"] = service;
      return {
        ...base,
        kind: "payment",
        service_code: step.wholeAccount ? null : service,
        amount_kop: -step.amount,
        source: step.serviceIndex === 0 ? "bank_registry" : "payment_gateway",
        source_ref: `pay-${i}`,
        details: Object.keys(details).length > 0 ? details : null,
      };
    }
  }
}

const historyArb = fc.record({
  services: fc.integer({ min: 2, max: 3 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 40 }),
  asOf: fc.array(fc.nat({ max: 230 }), { minLength: 3, maxLength: 6 }),
});

forEachDatabase("the ledger", (get) => {
  let region: Region | undefined;
  const db = () => get().database.db;
  const theRegion = async () => {
    region ??= await minimalRegion(db());
    return region;
  };

  test("balances are the sums of the entries up to the day; open debts less the advance come to them", async () => {
    const { providerId } = await theRegion();
    await fc.assert(
      fc.asyncProperty(historyArb, async ({ services, steps, asOf }) => {
        const accountId = await newAccount(db(), await theRegion());
        const entries = steps.map((s, i) => toEntry(s, i, accountId, providerId, services));

        // Posted in up to three transactions, then the repeats: some alone, some beside a new entry.
        let posted = 0;
        for (let batch = 0; batch < 3; batch++) {
          const these = entries.filter((_, i) => steps[i]!.batch === batch);
          posted += await db()
            .transaction()
            .execute((trx) => postLedgerEntries(trx, these));
        }
        const again = entries.filter((e, i) => steps[i]!.postTwice && e.source_ref !== null);
        const late = { ...entries[0]!, kind: "adjustment" as const, amount_kop: 1, source_ref: "late" };
        const repeats = await db()
          .transaction()
          .execute((trx) => postLedgerEntries(trx, [...again, ...again.slice(0, 1), late]));
        assert.equal(posted, entries.length);
        assert.equal(repeats, 1, "only the late entry is new");
        const all = [...entries, late];

        for (const offset of asOf) {
          const day = addDays(addDays(START, -20), offset);
          const upTo = all.filter((e) => e.entry_date <= day);
          const total = upTo.reduce((s, e) => s + e.amount_kop, 0);

          const balance = await accountBalance(db(), accountId, day);
          assert.equal(balance.totalKop, total, `total on ${day}`);

          const debts = await accountDebts(db(), accountId, day);
          const open = debts.outstanding.reduce((s, d) => s + d.amountKop, 0);
          assert.equal(open - debts.advanceKop, balance.totalKop, `debts less advance on ${day}`);
          assert.equal(debts.totalKop, balance.totalKop);
          assert.ok(debts.outstanding.every((d) => d.amountKop > 0));
          assert.ok(debts.advanceKop >= 0);
          assert.ok(debts.advanceKop === 0 || debts.outstanding.length === 0, "credit left beside a debt");

          // Per service: the services and the advance add up to the total, and each service's figure is its open
          // debts as accountDebts settles them — on a one-service account, the whole balance.
          const perService = balance.services.reduce((s, l) => s + l.balanceKop, 0);
          assert.equal(perService - balance.advanceKop, balance.totalKop, `services less advance on ${day}`);
          const named = [...new Set(upTo.flatMap((e) => (e.service_code ? [e.service_code] : [])))].sort();
          const owed = (service: string | null) =>
            debts.outstanding.filter((d) => d.service === service).reduce((s, d) => s + d.amountKop, 0);
          if (named.length === 1) {
            assert.deepEqual(balance.services, [{ service: named[0], balanceKop: balance.totalKop }]);
            assert.equal(balance.advanceKop, 0);
          } else {
            const wholeAccount = owed(null) > 0 ? [{ service: null, balanceKop: owed(null) }] : [];
            assert.deepEqual(
              balance.services,
              [...named.map((service) => ({ service, balanceKop: owed(service) })), ...wholeAccount],
              `per service on ${day}`,
            );
            assert.equal(balance.advanceKop, debts.advanceKop);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  test("a payment pays what its details or its service name, then the oldest debts", async () => {
    const { providerId } = await theRegion();
    const accountId = await newAccount(db(), await theRegion());
    const base = { account_id: accountId, provider_id: providerId };
    const charge = (service: ServiceCode, period: string, amount: number, date: string) => ({
      ...base,
      service_code: service,
      period: `${period}-01`,
      kind: "charge" as const,
      amount_kop: amount,
      entry_date: date,
      source: "billing" as const,
      source_ref: `${period}:${service}`,
    });
    const payment = (
      amount: number,
      date: string,
      ref: string,
      service: ServiceCode | null,
      details: Record<string, unknown> | null,
      source: LedgerSource = "payment_gateway",
    ) => ({
      ...base,
      service_code: service,
      period: `${date.slice(0, 7)}-01`,
      kind: "payment" as const,
      amount_kop: -amount,
      entry_date: date,
      source,
      source_ref: ref,
      details,
    });
    const note = `O'Brien paid "twice" \\ {x,y}`;
    const posted = await db()
      .transaction()
      .execute((trx) =>
        postLedgerEntries(trx, [
          charge("electricity", "2025-01", 30_000, "2025-02-01"),
          charge("cold_water", "2025-01", 10_000, "2025-02-01"),
          charge("electricity", "2025-02", 25_000, "2025-03-01"),
          payment(20_000, "2025-03-10", "order-1", null, { period: "2025-02", service: "electricity", note }),
          payment(5_000, "2025-03-11", "order-2", "cold_water", null),
          {
            ...base,
            service_code: null,
            period: "2025-03-01",
            kind: "adjustment",
            amount_kop: 1_000,
            entry_date: "2025-03-15",
            source: "operator",
            source_ref: null,
          },
          payment(100_000, "2025-04-02", "line-7", null, { period: "за березень" }, "bank_registry"),
          // The same ref from another source is another entry.
          payment(1, "2025-05-01", "order-1", null, null, "bank_registry"),
        ]),
      );
    assert.equal(posted, 8);
    const stored = await db()
      .selectFrom("ledger_entries")
      .select("details")
      .where("account_id", "=", accountId)
      .where("source_ref", "=", "order-1")
      .where("source", "=", "payment_gateway")
      .executeTakeFirstOrThrow();
    assert.equal(stored.details?.["note"], note);

    assert.deepEqual(await accountDebts(db(), accountId, "2025-02-15"), {
      outstanding: [
        { period: "2025-01", service: "cold_water", amountKop: 10_000 },
        { period: "2025-01", service: "electricity", amountKop: 30_000 },
      ],
      advanceKop: 0,
      totalKop: 40_000,
    });
    // The first payment named February's electricity; without that it would have gone to January.
    assert.deepEqual((await accountDebts(db(), accountId, "2025-03-10")).outstanding, [
      { period: "2025-01", service: "cold_water", amountKop: 10_000 },
      { period: "2025-01", service: "electricity", amountKop: 30_000 },
      { period: "2025-02", service: "electricity", amountKop: 5_000 },
    ]);
    // The second was posted to cold water; the adjustment is for the whole account.
    assert.deepEqual(await accountDebts(db(), accountId, "2025-03-31"), {
      outstanding: [
        { period: "2025-01", service: "cold_water", amountKop: 5_000 },
        { period: "2025-01", service: "electricity", amountKop: 30_000 },
        { period: "2025-02", service: "electricity", amountKop: 5_000 },
        { period: "2025-03", service: null, amountKop: 1_000 },
      ],
      advanceKop: 0,
      totalKop: 41_000,
    });
    // Per service, the payments count where they were settled: what is left open, as above.
    assert.deepEqual(await accountBalance(db(), accountId, "2025-03-31"), {
      totalKop: 41_000,
      services: [
        { service: "cold_water", balanceKop: 5_000 },
        { service: "electricity", balanceKop: 35_000 },
        { service: null, balanceKop: 1_000 },
      ],
      advanceKop: 0,
    });
    // A period in words names nothing: the registry's payment clears every debt, 590.00 is paid ahead.
    assert.deepEqual(await accountDebts(db(), accountId, "2025-04-30"), {
      outstanding: [],
      advanceKop: 59_000,
      totalKop: -59_000,
    });
    // Two services: the advance is a line of its own, not spread over them.
    assert.deepEqual(await accountBalance(db(), accountId, "2025-04-30"), {
      totalKop: -59_000,
      services: [
        { service: "cold_water", balanceKop: 0 },
        { service: "electricity", balanceKop: 0 },
      ],
      advanceKop: 59_000,
    });
    assert.deepEqual(await accountBalance(db(), accountId, "2024-12-31"), {
      totalKop: 0,
      services: [],
      advanceKop: 0,
    });
    await assert.rejects(
      accountBalance(db(), accountId, "2025-02-30"),
      (e) => e instanceof AppError && e.code === "validation_failed",
    );
    await assert.rejects(
      accountDebts(db(), accountId, "31.03.2025"),
      (e) => e instanceof AppError && e.code === "validation_failed",
    );
  });

  test("a payment that names no service counts on the debts it settled; one service carries the whole balance", async () => {
    const region = await theRegion();
    const { id: settlementId } = await db()
      .selectFrom("premises")
      .select("settlement_id as id")
      .where("id", "=", region.premiseId)
      .executeTakeFirstOrThrow();
    const provider = async (code: string, services: ServiceCode[]) => {
      const { id } = await db()
        .insertInto("providers")
        .values({
          code,
          name_uk: code,
          name_ru: code,
          name_en: code,
          edrpou: "00032129",
          iban: "UA213223130000026007233566001",
          channels: ["web"],
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db()
        .insertInto("provider_services")
        .values(
          services.map((service_code) => ({ provider_id: id, service_code, settlement_id: settlementId })),
        )
        .execute();
      return id;
    };
    const power = await provider("ledger-electricity", ["electricity"]);
    const water = await provider("ledger-water", ["cold_water", "sewerage"]);
    const entry = (
      accountId: number,
      providerId: number,
      service: ServiceCode | null,
      kind: LedgerKind,
      amount: number,
      date: string,
    ): NewLedgerEntry => ({
      account_id: accountId,
      provider_id: providerId,
      service_code: service,
      period: `${date.slice(0, 7)}-01`,
      kind,
      amount_kop: amount,
      entry_date: date,
      source: kind === "payment" ? "bank_registry" : "billing",
      source_ref: `${kind}-${service}-${date}`,
    });
    const post = (entries: NewLedgerEntry[]) =>
      db()
        .transaction()
        .execute((trx) => postLedgerEntries(trx, entries));

    // The account: electricity charged, then paid by a registry line that named no service.
    const single = await newAccount(db(), { ...region, providerId: power });
    await post([
      entry(single, power, null, "payment", -10_000, "2025-01-05"),
      entry(single, power, "electricity", "charge", 34_200, "2025-01-31"),
      entry(single, power, null, "payment", -40_400, "2025-02-05"),
      entry(single, power, null, "adjustment", 500, "2025-02-10"),
    ]);
    // Paid before anything was charged: the provider supplies one service, so the advance is on it.
    assert.deepEqual(await accountBalance(db(), single, "2025-01-10"), {
      totalKop: -10_000,
      services: [{ service: "electricity", balanceKop: -10_000 }],
      advanceKop: 0,
    });
    assert.deepEqual(await accountBalance(db(), single, "2025-02-28"), {
      totalKop: -15_700,
      services: [{ service: "electricity", balanceKop: -15_700 }],
      advanceKop: 0,
    });
    assert.equal((await accountDebts(db(), single, "2025-02-28")).advanceKop, 15_700);

    // Two services, one of them never charged: each shows what is open on it, the advance apart.
    const two = await newAccount(db(), { ...region, providerId: water });
    await post([
      entry(two, water, "cold_water", "charge", 12_000, "2025-01-31"),
      entry(two, water, "cold_water", "charge", 13_000, "2025-02-28"),
      entry(two, water, null, "payment", -20_000, "2025-03-03"),
    ]);
    assert.deepEqual(await accountBalance(db(), two, "2025-03-03"), {
      totalKop: 5_000,
      services: [
        { service: "cold_water", balanceKop: 5_000 },
        { service: "sewerage", balanceKop: 0 },
      ],
      advanceKop: 0,
    });
    await post([
      entry(two, water, "sewerage", "charge", 4_000, "2025-03-31"),
      entry(two, water, null, "payment", -30_000, "2025-04-02"),
    ]);
    assert.deepEqual(await accountBalance(db(), two, "2025-04-02"), {
      totalKop: -21_000,
      services: [
        { service: "cold_water", balanceKop: 0 },
        { service: "sewerage", balanceKop: 0 },
      ],
      advanceKop: 21_000,
    });
    // April's charges take the advance as soon as they are posted, oldest service code first.
    await post([
      entry(two, water, "cold_water", "charge", 15_000, "2025-04-30"),
      entry(two, water, "sewerage", "charge", 9_000, "2025-04-30"),
    ]);
    assert.deepEqual(await accountBalance(db(), two, "2025-04-30"), {
      totalKop: 3_000,
      services: [
        { service: "cold_water", balanceKop: 0 },
        { service: "sewerage", balanceKop: 3_000 },
      ],
      advanceKop: 0,
    });
  });

  test("posting nothing posts nothing; a batch that repeats itself posts each entry once", async () => {
    const { providerId } = await theRegion();
    const accountId = await newAccount(db(), await theRegion());
    const entry: NewLedgerEntry = {
      account_id: accountId,
      provider_id: providerId,
      service_code: "gas",
      period: "2025-01-01",
      kind: "charge",
      amount_kop: 777,
      entry_date: "2025-02-01",
      source: "billing",
      source_ref: "run-1",
    };
    const noRef = { ...entry, source: "import" as const, source_ref: null };
    const count = (entries: NewLedgerEntry[]) =>
      db()
        .transaction()
        .execute((trx) => postLedgerEntries(trx, entries));
    assert.equal(await count([]), 0);
    assert.equal(await count([entry, entry, noRef, noRef]), 3);
    assert.equal(await count([entry]), 0);
    assert.equal((await accountBalance(db(), accountId, "2025-02-01")).totalKop, 3 * 777);
  });

  test("entries cannot be changed or deleted, and a refused batch posts none of its entries", async () => {
    const { providerId } = await theRegion();
    const accountId = await newAccount(db(), await theRegion());
    const entry: NewLedgerEntry = {
      account_id: accountId,
      provider_id: providerId,
      service_code: "electricity",
      period: "2025-01-01",
      kind: "charge",
      amount_kop: 12_345,
      entry_date: "2025-02-01",
      source: "billing",
      source_ref: "run-1",
    };
    await db()
      .transaction()
      .execute((trx) => postLedgerEntries(trx, [entry]));
    const appendOnly = (e: Error) => /append-only/.test(e.message) || assert.fail(`unexpected: ${e.message}`);
    await assert.rejects(
      db().updateTable("ledger_entries").set({ amount_kop: 1 }).where("account_id", "=", accountId).execute(),
      appendOnly,
    );
    await assert.rejects(
      db().deleteFrom("ledger_entries").where("account_id", "=", accountId).execute(),
      appendOnly,
    );
    // A payment must be negative: the whole batch is refused, its good entry included.
    await assert.rejects(
      db()
        .transaction()
        .execute((trx) =>
          postLedgerEntries(trx, [
            { ...entry, source_ref: "run-2" },
            { ...entry, kind: "payment", amount_kop: 500, source: "payment_gateway", source_ref: "p" },
          ]),
        ),
      /check constraint/,
    );
    assert.deepEqual(await accountBalance(db(), accountId, "2025-12-31"), {
      totalKop: 12_345,
      services: [{ service: "electricity", balanceKop: 12_345 }],
      advanceKop: 0,
    });
  });
});
