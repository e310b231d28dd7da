// A payment order as the API shows it.
import type { PaymentOrder } from "../../db/tables/payments.table.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { kop, uahString } from "../../domain/money.ts";
import type { OrderStatus } from "../../domain/payments/order-status.ts";

export interface PaymentOrderView {
  orderId: string;
  accountId: number;
  providerId: number;
  gateway: string;
  status: OrderStatus;
  amountKop: number;
  /** The same amount in hryvnias, "1234.56". */
  amount: string;
  currency: "UAH";
  /** YYYY-MM, or null: the payment settles the oldest debt first. */
  period: string | null;
  service: ServiceCode | null;
  createdAt: Date;
  paidAt: Date | null;
  reversedAt: Date | null;
}

export function orderView(row: PaymentOrder): PaymentOrderView {
  return {
    orderId: row.id,
    accountId: row.account_id,
    providerId: row.provider_id,
    gateway: row.gateway,
    status: row.status,
    amountKop: row.amount_kop,
    amount: uahString(kop(row.amount_kop)),
    currency: row.currency,
    period: row.period?.slice(0, 7) ?? null,
    service: row.service_code,
    createdAt: row.created_at,
    paidAt: row.paid_at,
    reversedAt: row.reversed_at,
  };
}

/** Random uuids: an order id names a public result page and must not be guessable. */
export const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
