// A provider with a few accounts and nothing else: enough to post ledger entries to, on a schema of any migration
// since the ledger's (0004), so migrations that move the ledger can be tested with it too.
import type { Db } from "../../src/db/database.ts";

export async function ledgerAccounts(
  db: Db,
  count = 2,
): Promise<{ providerId: number; accountIds: number[] }> {
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
  const accountIds: number[] = [];
  for (let i = 1; i <= count; i++) {
    const account = await db
      .insertInto("accounts")
      .values({
        provider_id: provider.id,
        number: `77-${i}`,
        number_normalized: `77${i}`,
        premise_id: premise.id,
        holder_name: "Тест Тестович",
        opened_on: "2019-01-01",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    accountIds.push(account.id);
  }
  return { providerId: provider.id, accountIds };
}
