// A provider with a few accounts and nothing else: enough to post ledger entries to, on a schema of any migration
// since the ledger's (0004), so migrations that move the ledger can be tested with it too. Tests that open their own
// accounts take only the provider and its premise.
import type { Db } from "../../src/db/database.ts";

/** A settlement, a provider and one premise in it: what accounts need before they can be opened. */
export async function providerWithPremise(
  db: Db,
): Promise<{ settlementId: number; providerId: number; premiseId: number }> {
  const settlement = await db
    .insertInto("settlements")
    .values({ code: "ledgerville", name_uk: "Леджер", name_ru: "Леджер", name_en: "Ledgerville" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const provider = await db
    .insertInto("providers")
    .values({
      code: "ledger-power",
      name_uk: "Леджер",
      name_ru: "Леджер",
      name_en: "Ledger",
      edrpou: "00032129",
      iban: "UA213223130000026007233566001",
      channels: ["web"],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const premise = await db
    .insertInto("premises")
    .values({ settlement_id: settlement.id, street: "вул. Миру", building: "1", area_m2: "45.50" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { settlementId: settlement.id, providerId: provider.id, premiseId: premise.id };
}

export async function ledgerAccounts(
  db: Db,
  count = 2,
): Promise<{ providerId: number; accountIds: number[] }> {
  const { providerId, premiseId } = await providerWithPremise(db);
  const accountIds: number[] = [];
  for (let i = 1; i <= count; i++) {
    const account = await db
      .insertInto("accounts")
      .values({
        provider_id: providerId,
        number: `77-${i}`,
        number_normalized: `77${i}`,
        premise_id: premiseId,
        holder_name: "Тест Тестович",
        opened_on: "2019-01-01",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    accountIds.push(account.id);
  }
  return { providerId, accountIds };
}
