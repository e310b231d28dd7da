// The account an order id belongs to (payment_order_lookup): the first of two single-shard reads on Citus,
// where the lookup is distributed by the order id and the order by its account (migration 0008). Joined in one
// statement, the two would need a repartitioning join there.
import type { Db, Tx } from "../../db/database.ts";

export async function orderAccountId(db: Db | Tx, orderId: string): Promise<number | null> {
  const row = await db
    .selectFrom("payment_order_lookup")
    .select("account_id")
    .where("order_id", "=", orderId)
    .executeTakeFirst();
  return row ? Number(row.account_id) : null;
}
