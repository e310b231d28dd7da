// A partner's per-payment and daily limits, refused with the limits named: one rule for a payment, a terminal's
// check before it, and the JSON lookup asked with an amount.
import { kop, uahString } from "../../domain/money.ts";
import { amountRefusal } from "../../domain/partners/partner-amount.ts";
import { AppError } from "../errors.ts";
import type { PartnerRecord } from "./load-partner.ts";

export function refuseOverLimit(partner: PartnerRecord, amountKop: number, takenTodayKop: number): void {
  const refusal = amountRefusal(amountKop, partner, takenTodayKop);
  if (refusal === null) return;
  throw new AppError(refusal, {
    min: uahString(kop(partner.minPaymentKop)),
    max: uahString(kop(partner.maxPaymentKop)),
    limit: uahString(kop(partner.dailyLimitKop)),
  });
}
