// The demo gateway's card form accepts only test cards, like a gateway's sandbox: 4242 4242 4242 4242 is paid,
// 4000 0000 0000 0002 is declined. Any other number is refused on the form, so nobody types a real card in.
// The card number is never stored: the callback carries a mask, as LiqPay's does.

export const SUCCEEDING_CARD = "4242424242424242";
export const DECLINED_CARD = "4000000000000002";

export type CardField = "card" | "expiry" | "cvc";
export type CardProblem = "card_invalid" | "card_not_test" | "expiry_invalid" | "expiry_past" | "cvc_invalid";

export type CardDecision =
  | { ok: true; outcome: "success" | "failure"; mask: string }
  | { ok: false; problems: Partial<Record<CardField, CardProblem>> };

export interface CardInput {
  card: string;
  expiry: string;
  cvc: string;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** `thisMonth`: the current month as YYYY-MM (Kyiv): a card valid through it is still good. */
export function decideCard(input: CardInput, thisMonth: string): CardDecision {
  const problems: Partial<Record<CardField, CardProblem>> = {};
  const digits = input.card.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) problems.card = "card_invalid";
  else if (digits !== SUCCEEDING_CARD && digits !== DECLINED_CARD) problems.card = "card_not_test";

  const m = /^\s*(\d{1,2})\s*\/?\s*(\d{2})\s*$/.exec(input.expiry);
  const month = m ? Number(m[1]) : 0;
  if (!m || month < 1 || month > 12) problems.expiry = "expiry_invalid";
  else if (`20${m[2]}-${String(month).padStart(2, "0")}` < thisMonth) problems.expiry = "expiry_past";

  if (!/^\d{3}$/.test(input.cvc.trim())) problems.cvc = "cvc_invalid";

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    outcome: digits === SUCCEEDING_CARD ? "success" : "failure",
    mask: `${digits.slice(0, 6)}*${digits.slice(-2)}`,
  };
}
