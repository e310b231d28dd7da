// A small region billed with known figures, for the bill and the reconciliation statement: the accounts of
// test/billing/bill-period.test.ts (their hand-computed charges are restated here), with Cyrillic names, a
// payment, and one account with a long ledger.
//   power (electricity, 2019 tiers): single (250 kWh in June = 342.00; paid 404.00 on 5 July; 70 kWh in July
//     = 63.00), twoZone (June 187.00), late (June estimated 174.00; July 203.74 and a recalculation +20.66)
//   heat: heating by norm with a 21.50 fee, its season October to April (April 1,411.20)
//   water: cold water on a meter and sewerage on its volume (June 173.64 + 115.02)

import type { Database } from "../../src/db/database.ts";
import { normalizeAccountNumber } from "../../src/domain/account-number.ts";
import { parsePeriod } from "../../src/domain/period.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import { makeDeps } from "../../src/services/deps.ts";
import { postLedgerEntries } from "../../src/services/ledger/post-entries.ts";
import { BillingFixture, ELECTRICITY_2019 } from "./billing-fixture.ts";

export interface DocumentsRegion {
  power: number;
  heat: number;
  water: number;
  single: number;
  twoZone: number;
  late: number;
  heating: number;
  waterMetered: number;
  /** Many entries: a long statement. */
  busy: number;
  busyEntries: number;
}

export const POWER = {
  code: "power",
  name: {
    uk: "ТОВ «Донецькі енергетичні послуги»",
    ru: "ООО «Донецкие энергетические услуги»",
    en: "Donetsk Energy Services LLC",
  },
  edrpou: "42350012",
  iban: "UA483052990000026004000300001",
} as const;
export const SINGLE_NUMBER = "10-000123/4";
export const SINGLE_HOLDER = "Шевченко Тарас Григорович";
export const BUSY_ENTRIES = 1_200;

export async function buildDocumentsRegion(database: Database): Promise<DocumentsRegion> {
  let now = new Date("2019-05-05T09:00:00Z");
  const deps = makeDeps(database, () => now);
  const bill = (providerId: number, period: string) =>
    billPeriod(deps, { providerId, period: parsePeriod(period), startedBy: "test", batchSize: 3 });
  const { db } = database;
  const f = await BillingFixture.create(database);

  const power = await f.provider("power", [ELECTRICITY_2019]);
  await db
    .updateTable("providers")
    .set({
      name_uk: POWER.name.uk,
      name_ru: POWER.name.ru,
      name_en: POWER.name.en,
      edrpou: POWER.edrpou,
      iban: POWER.iban,
    })
    .where("id", "=", power)
    .execute();
  const heat = await f.provider("heat", [
    {
      service: "heating",
      from: "2019-01-01",
      feeKop: 2150,
      normPerM2: "0.01680",
      blocks: [[null, "1654.41"]],
    },
  ]);
  // A season of whole months, October to April, so April is heated all month.
  await database.db
    .updateTable("providers")
    .set({ heating_season_starts: "10-01", heating_season_ends: "04-30" })
    .where("id", "=", heat)
    .execute();
  const water = await f.provider("water", [
    { service: "cold_water", from: "2019-01-01", normPerResident: "3.600", blocks: [[null, "17.364"]] },
    { service: "sewerage", from: "2019-01-01", normPerResident: "3.600", blocks: [[null, "11.502"]] },
  ]);

  const single = await f.account(power);
  await db
    .updateTable("accounts")
    .set({
      number: SINGLE_NUMBER,
      number_normalized: normalizeAccountNumber(SINGLE_NUMBER),
      holder_name: SINGLE_HOLDER,
    })
    .where("id", "=", single)
    .execute();
  // The number's key row moves by delete and insert: on Citus it is distributed by the number itself.
  const key = await db
    .deleteFrom("account_numbers")
    .where("account_id", "=", single)
    .returning("provider_id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("account_numbers")
    .values({
      number_normalized: normalizeAccountNumber(SINGLE_NUMBER),
      provider_id: key.provider_id,
      account_id: single,
    })
    .execute();
  const { premise_id } = await db
    .selectFrom("accounts")
    .select("premise_id")
    .where("id", "=", single)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("premises")
    .set({ apartment: "12", postal_code: "84100" })
    .where("id", "=", premise_id)
    .execute();
  const singleMeter = await f.meter(single, power, "electricity");
  await f.reading(single, singleMeter, ["1000"], "2019-01-01", "2018-12", "initial");
  await f.reading(single, singleMeter, ["1150"], "2019-06-01", "2019-05");
  await f.reading(single, singleMeter, ["1400"], "2019-07-01", "2019-06");

  const twoZone = await f.account(power);
  const twoZoneMeter = await f.meter(twoZone, power, "electricity", { zones: 2 });
  await f.reading(twoZone, twoZoneMeter, ["5000", "3000"], "2019-06-01", "2019-05");
  await f.reading(twoZone, twoZoneMeter, ["5120", "3060"], "2019-07-01", "2019-06");

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
  const waterMetered = await f.account(water, { residents: 3 });
  const waterMeter = await f.meter(waterMetered, water, "cold_water");
  await f.reading(waterMetered, waterMeter, ["100"], "2019-05-15", "2019-05");
  await f.reading(waterMetered, waterMeter, ["110"], "2019-06-15", "2019-06");

  // Unbilled, with a long ledger of its own: 1,200 operator entries over 2018, alternately charges and payments.
  const busy = await f.account(power);
  const entries = Array.from({ length: BUSY_ENTRIES }, (_, i) => {
    const day = new Date(Date.UTC(2018, 0, 1) + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10);
    const payment = i % 2 === 1;
    return {
      account_id: busy,
      provider_id: power,
      service_code: payment ? null : ("electricity" as const),
      period: `${day.slice(0, 7)}-01`,
      kind: payment ? ("payment" as const) : ("adjustment" as const),
      amount_kop: payment ? -(1_000 + (i % 37) * 13) : 1_500 + (i % 23) * 7,
      entry_date: day,
      source: "operator" as const,
      source_ref: `busy-${i}`,
    };
  });
  await db.transaction().execute((tx) => postLedgerEntries(tx, entries));

  now = new Date("2019-05-05T09:00:00Z");
  await bill(heat, "2019-04");
  now = new Date("2019-07-05T09:00:00Z");
  await bill(power, "2019-06");
  await bill(water, "2019-06");
  // 342.00 for June and the 62.00 planned payment, paid on 5 July without naming a service.
  await db.transaction().execute((tx) =>
    postLedgerEntries(tx, [
      {
        account_id: single,
        provider_id: power,
        service_code: null,
        period: "2019-07-01",
        kind: "payment",
        amount_kop: -40_400,
        entry_date: "2019-07-05",
        source: "bank_registry",
        source_ref: "privat-2019-07-05-0001",
      },
    ]),
  );
  await f.reading(single, singleMeter, ["1470"], "2019-08-01", "2019-07");
  await f.reading(late, lateMeter, ["1930"], "2019-08-01", "2019-07");
  now = new Date("2019-08-05T09:00:00Z");
  await bill(power, "2019-07");
  return {
    power,
    heat,
    water,
    single,
    twoZone,
    late,
    heating,
    waterMetered,
    busy,
    busyEntries: BUSY_ENTRIES,
  };
}
