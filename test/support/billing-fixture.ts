// A tiny region for billing tests: a town, providers with the tariffs a test names, and helpers that add an
// account with its premise, a meter and its readings, each with the period the reading closes given explicitly.
import { randomUUID } from "node:crypto";
import type { Database } from "../../src/db/database.ts";
import type { ServiceCode } from "../../src/db/tables/reference.table.ts";
import { openAccount } from "../../src/services/accounts/open-account.ts";

export interface TariffSpec {
  service: ServiceCode;
  /** A settlement's own tariff; by default provider-wide. */
  settlementId?: number;
  from: string;
  to?: string;
  feeKop?: number;
  normPerResident?: string;
  normPerM2?: string;
  blocks: [upTo: string | null, priceUah: string][];
  zones?: { zones: 2 | 3; zone: number; name: "day" | "night" | "peak" | "half_peak"; coefficient: string }[];
}

/** The 2019 household electricity prices: 0.90 UAH up to 100 kWh, 1.68 above; night 0.5 / day 1.0. */
export const ELECTRICITY_2019: TariffSpec = {
  service: "electricity",
  from: "2017-03-01",
  blocks: [
    ["100", "0.90"],
    [null, "1.68"],
  ],
  zones: [
    { zones: 2, zone: 1, name: "day", coefficient: "1.0" },
    { zones: 2, zone: 2, name: "night", coefficient: "0.5" },
    { zones: 3, zone: 1, name: "peak", coefficient: "1.5" },
    { zones: 3, zone: 2, name: "half_peak", coefficient: "1.0" },
    { zones: 3, zone: 3, name: "night", coefficient: "0.4" },
  ],
};

export class BillingFixture {
  private n = 0;
  constructor(
    readonly database: Database,
    readonly town: number,
  ) {}

  static async create(database: Database): Promise<BillingFixture> {
    const town = (
      await database.db
        .insertInto("settlements")
        .values({ code: "test-town", name_uk: "Тестове", name_ru: "Тестовое", name_en: "Testove" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    return new BillingFixture(database, town);
  }

  async provider(code: string, tariffs: TariffSpec[]): Promise<number> {
    const { db } = this.database;
    const id = (
      await db
        .insertInto("providers")
        .values({
          code,
          name_uk: code,
          name_ru: code,
          name_en: code,
          edrpou: "00032129",
          iban: "UA213223130000026007233566001",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    for (const t of tariffs) {
      const tariff = (
        await db
          .insertInto("tariffs")
          .values({
            provider_id: id,
            service_code: t.service,
            settlement_id: t.settlementId ?? null,
            effective_from: t.from,
            effective_to: t.to ?? null,
            fixed_fee_kop: t.feeKop ?? 0,
            norm_per_resident: t.normPerResident ?? null,
            norm_per_m2: t.normPerM2 ?? null,
            source: "test",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      await db
        .insertInto("tariff_blocks")
        .values(
          t.blocks.map(([upTo, price], i) => ({
            tariff_id: tariff,
            position: i + 1,
            up_to: upTo,
            price_uah: price,
          })),
        )
        .execute();
      if (t.zones?.length) {
        await db
          .insertInto("tariff_zones")
          .values(t.zones.map((z) => ({ tariff_id: tariff, ...z })))
          .execute();
      }
    }
    return id;
  }

  /** Another settlement beside the fixture's town. */
  async settlement(code: string): Promise<number> {
    return (
      await this.database.db
        .insertInto("settlements")
        .values({ code, name_uk: code, name_ru: code, name_en: code })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }

  async account(
    providerId: number,
    extra: { residents?: number; areaM2?: string; settlementId?: number } = {},
  ): Promise<number> {
    const { db } = this.database;
    const premise = (
      await db
        .insertInto("premises")
        .values({
          settlement_id: extra.settlementId ?? this.town,
          street: "вул. Тестова",
          building: String(++this.n),
          area_m2: extra.areaM2 ?? "50.00",
          residents: extra.residents ?? 1,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    return openAccount(db, {
      provider_id: providerId,
      number: `T-${this.n}`,
      number_normalized: `T${this.n}`,
      premise_id: premise,
      holder_name: "Абонент",
      opened_on: "2015-01-01",
    });
  }

  async meter(
    accountId: number,
    providerId: number,
    service: ServiceCode,
    extra: { zones?: number; digits?: number; installedOn?: string; removedOn?: string } = {},
  ): Promise<number> {
    return (
      await this.database.db
        .insertInto("meters")
        .values({
          account_id: accountId,
          provider_id: providerId,
          service_code: service,
          serial: `S${++this.n}`,
          zones: extra.zones ?? 1,
          digits: extra.digits ?? 6,
          installed_on: extra.installedOn ?? "2015-01-01",
          removed_on: extra.removedOn ?? null,
          verification_due: "2030-01-01",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }

  /** Readings of one submission: values per zone, deemed on `deemedOn`, closing `period` (YYYY-MM). */
  async reading(
    accountId: number,
    meterId: number,
    values: string[],
    deemedOn: string,
    period: string,
    kind: "initial" | "regular" | "final" = "regular",
  ): Promise<void> {
    const { db } = this.database;
    const meter = await db
      .selectFrom("meters")
      .select("provider_id")
      .where("account_id", "=", accountId)
      .where("id", "=", meterId)
      .executeTakeFirstOrThrow();
    const submission = randomUUID();
    await db
      .insertInto("readings")
      .values(
        values.map((value, i) => ({
          account_id: accountId,
          provider_id: meter.provider_id,
          meter_id: meterId,
          zone: i + 1,
          value,
          kind,
          taken_at: new Date(`${deemedOn}T09:00:00Z`),
          submitted_at: new Date(`${deemedOn}T09:00:00Z`),
          deemed_on: deemedOn,
          period: `${period}-01`,
          channel: "import" as const,
          actor_user_id: null,
          submission_id: submission,
          receipt: "TEST-0000",
          raw_input: value,
          status: "accepted" as const,
        })),
      )
      .execute();
  }

  /** The billing ledger entries of an account: "service:kind" → kopiykas, per period. */
  async billed(accountId: number, period: string): Promise<Record<string, number>> {
    const rows = await this.database.db
      .selectFrom("ledger_entries")
      .select(["service_code", "kind", "amount_kop"])
      .where("account_id", "=", accountId)
      .where("period", "=", `${period}-01`)
      .where("source", "=", "billing")
      .execute();
    return Object.fromEntries(rows.map((r) => [`${r.service_code}:${r.kind}`, r.amount_kop]));
  }

  async planned(accountId: number, period: string): Promise<Record<string, number>> {
    const rows = await this.database.db
      .selectFrom("planned_payments")
      .select(["service_code", "amount_kop"])
      .where("account_id", "=", accountId)
      .where("period", "=", `${period}-01`)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.service_code, r.amount_kop]));
  }
}
