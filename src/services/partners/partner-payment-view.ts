// A partner's payment as the partner sees it: its transaction id, our receipt, the account and amount, and whether
// it stands or was cancelled.

import { kop } from "../../domain/money.ts";
import { type Money, money } from "../ledger/money-view.ts";
import type { PartnerPayment } from "./partner-payment-row.ts";

export interface PartnerPaymentView {
  txnId: string;
  receipt: string;
  status: "posted" | "cancelled";
  provider: string;
  account: string;
  amount: Money;
  paidAt: string;
  paidOn: string;
  service: string | null;
  period: string;
  cancelledAt: string | null;
}

export function partnerPaymentView(row: PartnerPayment): PartnerPaymentView {
  return {
    txnId: row.txn_id,
    receipt: row.receipt,
    status: row.cancelled_at ? "cancelled" : "posted",
    provider: row.provider_code,
    account: row.account_number,
    amount: money(kop(row.amount_kop)),
    paidAt: row.paid_at.toISOString(),
    paidOn: row.paid_on,
    service: row.service_code,
    period: row.period.slice(0, 7),
    cancelledAt: row.cancelled_at ? row.cancelled_at.toISOString() : null,
  };
}
