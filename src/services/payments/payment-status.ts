// paymentStatus: how a payment order stands, for whoever may see its account (the one access check).

import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { orderAccountId } from "./order-account.ts";
import { ORDER_ID, orderView, type PaymentOrderView } from "./order-view.ts";

export async function paymentStatus(
  deps: Deps,
  options: { actor: Actor; orderId: string },
): Promise<PaymentOrderView> {
  const { db } = deps.database;
  if (!ORDER_ID.test(options.orderId)) throw new AppError("not_found");
  const accountId = await orderAccountId(db, options.orderId);
  if (accountId === null) throw new AppError("not_found");
  // Someone else's order is "not found", like someone else's account.
  await findAccountForActor(db, options.actor, accountId);
  const row = await db
    .selectFrom("payment_orders")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("id", "=", options.orderId)
    .executeTakeFirstOrThrow();
  return orderView(row);
}
