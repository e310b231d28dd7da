// paymentResult: what the page a gateway sends the resident back to (result_url) shows. No sign-in: the browser
// coming back from the gateway carries no token. The random order id is the key, and the page tells only the
// status, the amount and the provider, nothing about the account or its holder.

import type { OrderStatus } from "../../domain/payments/order-status.ts";
import type { Translated } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { orderAccountId } from "./order-account.ts";
import { ORDER_ID } from "./order-view.ts";

export interface PaymentResult {
  orderId: string;
  status: OrderStatus;
  amountKop: number;
  provider: Translated;
  paidAt: Date | null;
}

export async function paymentResult(deps: Deps, options: { orderId: string }): Promise<PaymentResult> {
  if (!ORDER_ID.test(options.orderId)) throw new AppError("not_found");
  const { db } = deps.database;
  const accountId = await orderAccountId(db, options.orderId);
  const row =
    accountId === null
      ? undefined
      : await db
          .selectFrom("payment_orders as o")
          .innerJoin("providers as p", "p.id", "o.provider_id")
          .select(["o.id", "o.status", "o.amount_kop", "o.paid_at", "p.name_uk", "p.name_ru", "p.name_en"])
          .where("o.account_id", "=", accountId)
          .where("o.id", "=", options.orderId)
          .executeTakeFirst();
  if (!row) throw new AppError("not_found");
  return {
    orderId: row.id,
    status: row.status,
    amountKop: row.amount_kop,
    provider: { uk: row.name_uk, ru: row.name_ru, en: row.name_en },
    paidAt: row.paid_at,
  };
}
