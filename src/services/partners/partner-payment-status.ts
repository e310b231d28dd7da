// partnerPaymentStatus: what became of a transaction, by the partner's own id.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findPartnerPayment } from "./partner-payment-row.ts";
import { type PartnerPaymentView, partnerPaymentView } from "./partner-payment-view.ts";

export async function partnerPaymentStatus(
  deps: Deps,
  o: { actor: Extract<Actor, { kind: "partner" }>; txnId: string },
): Promise<PartnerPaymentView> {
  const row = await findPartnerPayment(deps.database.db, o.actor.partnerId, o.txnId);
  if (!row) throw new AppError("not_found", {}, { txnId: o.txnId });
  return partnerPaymentView(row);
}
