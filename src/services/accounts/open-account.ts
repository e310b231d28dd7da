// Opens a provider's account: its row and its number's key (account_numbers, migration 0019) in one transaction,
// so that the number stays unique per provider and findable on every engine, Citus included. The demo generator
// writes the same two rows set-based (demo/generate-batch.ts).
import type { Insertable } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { AccountsTable } from "../../db/tables/people.table.ts";

export async function openAccount(db: Db | Tx, values: Insertable<AccountsTable>): Promise<number> {
  const write = async (trx: Tx) => {
    const { id } = await trx.insertInto("accounts").values(values).returning("id").executeTakeFirstOrThrow();
    await trx
      .insertInto("account_numbers")
      .values({
        number_normalized: values.number_normalized,
        provider_id: values.provider_id,
        account_id: id,
      })
      .execute();
    return id;
  };
  return db.isTransaction ? write(db as Tx) : db.transaction().execute(write);
}
