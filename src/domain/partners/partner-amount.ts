// A partner's amount limits: each payment between its minimum and maximum, and all of a Kyiv day's payments
// together under its daily limit. The terminals' protocol answers 241 / 242 for the first two.

export interface PartnerLimits {
  minPaymentKop: number;
  maxPaymentKop: number;
  dailyLimitKop: number;
}

export type AmountRefusal = "partner_amount_too_small" | "partner_amount_too_large" | "partner_daily_limit";

/** Why a payment of amountKop is refused, given what the partner took today already; null: within the limits. */
export function amountRefusal(
  amountKop: number,
  limits: PartnerLimits,
  takenTodayKop: number,
): AmountRefusal | null {
  if (amountKop < limits.minPaymentKop) return "partner_amount_too_small";
  if (amountKop > limits.maxPaymentKop) return "partner_amount_too_large";
  if (takenTodayKop + amountKop > limits.dailyLimitKop) return "partner_daily_limit";
  return null;
}
