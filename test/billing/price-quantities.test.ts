// The set-based pricing of the billing run equals the domain's priceHouseholdProrated, amount for amount, for
// random tariffs (1–3 blocks, zone coefficients, a fixed fee, sometimes a change on a random day of the month) and
// random households of 1–3 meters of 1–3 zones each (one block allowance per household). Each case runs in a
// transaction that is rolled back.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { sql } from "kysely";
import type { Tx } from "../../src/db/database.ts";
import { priceHouseholdProrated } from "../../src/domain/billing/proration.ts";
import type { MeterZones, Tariff } from "../../src/domain/billing/tariff.ts";
import { parseLocalDate } from "../../src/domain/local-date.ts";
import { kop } from "../../src/domain/money.ts";
import { parsePeriod } from "../../src/domain/period.ts";
import { priceQuantities } from "../../src/services/billing/run/price-quantities.ts";
import { createPartsTable, tariffParts } from "../../src/services/billing/run/tariff-parts.ts";
import { BillingFixture } from "../support/billing-fixture.ts";
import { forEachDatabase } from "../support/databases.ts";

const decimal = (maxUnits: number, decimals: number) =>
  fc.integer({ min: 1, max: maxUnits * 10 ** decimals }).map((n) => {
    const text = String(n).padStart(decimals + 1, "0");
    return `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
  });

const tariffArb = fc.record({
  ceilings: fc.uniqueArray(fc.integer({ min: 1, max: 600 }), { minLength: 0, maxLength: 2 }),
  prices: fc.array(decimal(3000, 6), { minLength: 3, maxLength: 3 }),
  coefficients: fc.array(decimal(3, 3), { minLength: 5, maxLength: 5 }),
  feeKop: fc.integer({ min: 0, max: 5000 }),
});
interface TariffDraft {
  ceilings: number[];
  prices: string[];
  coefficients: string[];
  feeKop: number;
}

const caseArb = fc.record({
  // Months of 28, 30 and 31 days: an even month lets two parts tie on their remainders.
  period: fc.constantFrom("2019-02", "2019-06", "2019-07"),
  first: tariffArb,
  second: fc.option(tariffArb, { nil: null }),
  changeDay: fc.integer({ min: 2, max: 28 }),
  meters: fc.array(
    fc.integer({ min: 1, max: 3 }).chain((zones) =>
      fc.record({
        account: fc.integer({ min: 1, max: 3 }),
        zones: fc.constant(zones as MeterZones),
        uses: fc.array(fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 2_000_000 })), {
          minLength: zones,
          maxLength: zones,
        }),
      }),
    ),
    { minLength: 1, maxLength: 6 },
  ),
});

function domainTariff(d: TariffDraft, from: string, to: string | null): Tariff {
  const ceilings = [...d.ceilings].sort((a, b) => a - b);
  return {
    effectiveFrom: parseLocalDate(from),
    effectiveTo: to === null ? null : parseLocalDate(to),
    fixedFeeKop: kop(d.feeKop),
    blocks: [
      ...ceilings.map((c, i) => ({ upTo: BigInt(c) * 1000n, priceUah: d.prices[i]! })),
      {
        upTo: null,
        priceUah: d.prices[ceilings.length]!,
      },
    ],
    zones: [
      { zones: 2, zone: 1, name: "day", coefficient: d.coefficients[0]! },
      { zones: 2, zone: 2, name: "night", coefficient: d.coefficients[1]! },
      { zones: 3, zone: 1, name: "peak", coefficient: d.coefficients[2]! },
      { zones: 3, zone: 2, name: "half_peak", coefficient: d.coefficients[3]! },
      { zones: 3, zone: 3, name: "night", coefficient: d.coefficients[4]! },
    ],
  };
}

async function insertTariff(tx: Tx, provider: number, t: Tariff): Promise<void> {
  const id = (
    await tx
      .insertInto("tariffs")
      .values({
        provider_id: provider,
        service_code: "electricity",
        effective_from: t.effectiveFrom,
        effective_to: t.effectiveTo,
        fixed_fee_kop: t.fixedFeeKop,
        source: "property test",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await tx
    .insertInto("tariff_blocks")
    .values(
      t.blocks.map((b, i) => ({
        tariff_id: id,
        position: i + 1,
        up_to: b.upTo === null ? null : (Number(b.upTo) / 1000).toFixed(3),
        price_uah: b.priceUah,
      })),
    )
    .execute();
  await tx
    .insertInto("tariff_zones")
    .values((t.zones ?? []).map((z) => ({ tariff_id: id, ...z })))
    .execute();
}

class Rollback extends Error {}

forEachDatabase("set-based pricing equals the domain", (get) => {
  test("every zone's amount, for random tariffs and meters", async () => {
    const { database } = get();
    const f = await BillingFixture.create(database);
    const provider = await f.provider("pricing", []);
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const period = parsePeriod(c.period);
        const change = `${c.period}-${String(c.changeDay).padStart(2, "0")}`;
        const tariffs = c.second
          ? [domainTariff(c.first, "2019-01-01", change), domainTariff(c.second, change, null)]
          : [domainTariff(c.first, "2019-01-01", null)];
        // Each account's meters as one household, in meter order.
        const expected: number[][] = c.meters.map(() => []);
        for (const account of new Set(c.meters.map((m) => m.account))) {
          const members = c.meters.flatMap((m, i) => (m.account === account ? [i] : []));
          const priced = priceHouseholdProrated(
            period,
            tariffs,
            members.map((i) => ({
              meterZones: c.meters[i]!.zones,
              usage: c.meters[i]!.uses.map((used, z) => ({ zone: z + 1, used: BigInt(used) })),
            })),
          );
          members.forEach((i, k) => {
            expected[i] = priced.meterZoneKop[k]!;
          });
        }
        await database.db
          .transaction()
          .execute(async (tx) => {
            for (const t of tariffs) await insertTariff(tx, provider, t);
            const parts = await tariffParts(tx, provider, [period]);
            await createPartsTable(tx, parts.rows, true);
            const rows = c.meters.flatMap((m, meter) =>
              m.uses.map((used, z) => ({
                account: m.account,
                meter: meter + 1,
                zones: m.zones,
                zone: z + 1,
                used,
              })),
            );
            await sql`
              create temp table bill_quantities on commit drop as
              select q.account_id, ${f.town}::int as settlement_id, 'electricity'::text as service_code,
                q.meter_id, q.zones, q.zone, ${`${c.period}-01`}::date as period, 'bill'::text as purpose,
                q.quantity_th, 'actual'::text as method, null::bigint as from_v, null::bigint as to_v,
                null::bigint as to_reading_id, null::bigint as charged_kop, null::bigint as charged_th
              from unnest(${rows.map((r) => r.account)}::bigint[], ${rows.map((r) => r.meter)}::bigint[],
                ${rows.map((r) => r.zones)}::int[], ${rows.map((r) => r.zone)}::int[],
                ${rows.map((r) => r.used)}::bigint[])
                as q(account_id, meter_id, zones, zone, quantity_th)`.execute(tx);
            await priceQuantities(tx);
            const { rows: got } = await sql<{ meter_id: number; zone: number; amount_kop: number }>`
              select meter_id, zone, amount_kop from bill_amounts order by meter_id, zone`.execute(tx);
            const actual = c.meters.map((m, meter) =>
              m.uses.map((_, z) => got.find((g) => g.meter_id === meter + 1 && g.zone === z + 1)?.amount_kop),
            );
            assert.deepEqual(actual, expected);
            compared += rows.length;
            throw new Rollback();
          })
          .catch((e: unknown) => {
            if (!(e instanceof Rollback)) throw e;
          });
      }),
      { numRuns: 60 },
    );
    assert.ok(compared >= 40);
  });
});
