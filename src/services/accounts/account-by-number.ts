// A provider's account by its number, normalised (domain/account-number.ts). The number's own table
// (account_numbers, migration 0019) is the key: on Citus it is distributed by the number, so this is one shard's
// lookup, and the account's row is then its own shard's.
import type { Db, Tx } from "../../db/database.ts";

export async function accountIdByNumber(
  db: Db | Tx,
  providerId: number,
  normalized: string,
): Promise<number | null> {
  if (normalized === "") return null;
  const row = await db
    .selectFrom("account_numbers")
    .select("account_id")
    .where("number_normalized", "=", normalized)
    .where("provider_id", "=", providerId)
    .executeTakeFirst();
  return row ? Number(row.account_id) : null;
}
