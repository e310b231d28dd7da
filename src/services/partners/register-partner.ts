// registerPartner: the platform administrator adds a bank, terminal network or aggregator, grants it providers and
// gets its first key, whose secret is shown this once. The partner gets a registry source of its own
// ("partner-<code>"), the layout of the daily registry it downloads and uploads, and a robot user its readings name.
import { sql } from "kysely";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { newPartnerKey } from "./partner-keys.ts";
import {
  checkIpAllow,
  checkLimitOrder,
  checkProviderCodes,
  type PartnerSettings,
  settingsValues,
} from "./partner-settings.ts";

/** The daily registry's columns: the import reads a partner's file, and we write ours, by these. */
export const PARTNER_REGISTRY_COLUMNS = {
  reference: "txn_id",
  account: "account",
  amount: "amount",
  paid_on: "paid_on",
  provider_edrpou: "provider_edrpou",
  service: "service",
  period: "period",
} as const;

export interface RegisteredPartner {
  id: number;
  code: string;
  keyId: string;
  /** Shown once: only its holder can sign. */
  secret: string;
  registrySource: string;
}

export async function registerPartner(
  deps: Deps,
  input: { code: string; name: string; providers: string[] } & Partial<PartnerSettings>,
): Promise<RegisteredPartner> {
  const { db } = deps.database;
  checkIpAllow(input.ipAllow);
  // Unset limits take the table's defaults: 1.00, 50,000.00 and 10,000,000.00 UAH.
  checkLimitOrder(
    input.minPaymentKop ?? 100,
    input.maxPaymentKop ?? 5_000_000,
    input.dailyLimitKop ?? 1_000_000_000,
  );
  const now = deps.now();
  const key = newPartnerKey();
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom("partners")
      .select("id")
      .where("code", "=", input.code)
      .executeTakeFirst();
    if (taken) throw new AppError("partner_code_taken", { code: input.code });
    const providerIds = await checkProviderCodes(trx, input.providers);
    const { rows } = await sql<{ id: number }>`
      select nextval(pg_get_serial_sequence('partners', 'id'))::int4 as id`.execute(trx);
    const id = rows[0]!.id;
    const user = await trx
      .insertInto("users")
      .values({ full_name: `Партнер: ${input.name}`.slice(0, 200), locale: "uk", robot: `partner:${id}` })
      .returning("id")
      .executeTakeFirstOrThrow();
    const source = await trx
      .insertInto("registry_sources")
      .values({
        name: `partner-${input.code}`,
        description: `${input.name}: the partner's daily registry`,
        provider_id: null,
        encoding: "utf-8",
        delimiter: ";",
        decimal_separator: ".",
        date_format: "YYYY-MM-DD",
        header: true,
        columns: JSON.stringify(PARTNER_REGISTRY_COLUMNS) as never,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("partners")
      .values({
        id,
        code: input.code,
        name: input.name,
        registry_source_id: source.id,
        user_id: user.id,
        created_at: now,
        ...settingsValues(input),
      })
      .execute();
    if (providerIds.length > 0)
      await trx
        .insertInto("partner_providers")
        .values(providerIds.map((provider_id) => ({ partner_id: id, provider_id })))
        .execute();
    await trx
      .insertInto("partner_keys")
      .values({ key_id: key.keyId, partner_id: id, secret: key.secret, created_at: now })
      .execute();
    return {
      id,
      code: input.code,
      keyId: key.keyId,
      secret: key.secret,
      registrySource: `partner-${input.code}`,
    };
  });
}
