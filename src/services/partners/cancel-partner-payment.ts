// cancelPartnerPayment: a partner takes a payment back on the day it was paid (a terminal's void, a bank's same-day
// reversal). The ledger keeps the payment and gets a reversal beside it; cancelling again answers the same.
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { postLedgerEntries } from "../ledger/post-entries.ts";
import { partnerOfActor } from "./load-partner.ts";
import { findPartnerPayment } from "./partner-payment-row.ts";
import { type PartnerPaymentView, partnerPaymentView } from "./partner-payment-view.ts";

export async function cancelPartnerPayment(
  deps: Deps,
  o: { actor: Extract<Actor, { kind: "partner" }>; txnId: string },
): Promise<PartnerPaymentView> {
  const now = deps.now();
  const partner = await partnerOfActor(deps.database.db, o.actor);
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await findPartnerPayment(trx, partner.id, o.txnId, { forUpdate: true });
    if (!row) throw new AppError("not_found", {}, { txnId: o.txnId });
    if (row.cancelled_at) return partnerPaymentView(row);
    if (kyivDateOf(now) !== row.paid_on)
      throw new AppError("partner_cancel_too_late", { paidOn: row.paid_on });
    await postLedgerEntries(
      trx,
      [
        {
          account_id: row.account_id,
          provider_id: row.provider_id,
          service_code: row.service_code as never,
          period: row.period,
          kind: "adjustment",
          amount_kop: row.amount_kop,
          entry_date: kyivDateOf(now),
          source: "bank_registry",
          source_ref: `${partner.sourceName}:${row.txn_id}:cancel`,
          details: { partner: partner.code, txnId: row.txn_id, receipt: row.receipt, cancels: true },
        },
      ],
      now,
    );
    // A cancelled payment gives its day's limit back.
    await trx
      .updateTable("partner_day_totals")
      .set((eb) => ({ taken_kop: eb("taken_kop", "-", row.amount_kop) }))
      .where("partner_id", "=", partner.id)
      .where("day", "=", row.paid_on)
      .execute();
    await trx
      .updateTable("partner_payments")
      .set({ cancelled_at: now })
      .where("partner_id", "=", partner.id)
      .where("txn_id", "=", row.txn_id)
      .execute();
    return partnerPaymentView({ ...row, cancelled_at: now });
  });
}
