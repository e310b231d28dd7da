// What a gateway's callback does to a payment order: the order's next status, and whether the ledger gets the
// payment (credit) or gives it back (reverse). Pure, so every order of arrival can be tested: gateways repeat
// callbacks, and a late or stale one must never undo money received or credit it twice.

export type OrderStatus = "created" | "processing" | "success" | "failure" | "reversed";

/** What a gateway's own status word means for us (each adapter maps its words to these). */
export type PaymentOutcome = "processing" | "success" | "failure" | "reversed";

export interface OrderTransition {
  status: OrderStatus;
  /** Post the payment to the ledger (once per order: the ledger's source key guards it too). */
  credit: boolean;
  /** Post the reversal's adjustment (once per order). */
  reverse: boolean;
  /** False when the callback changes nothing: a repeat, or a stale status after a final one. */
  changed: boolean;
}

const same = (status: OrderStatus): OrderTransition => ({
  status,
  credit: false,
  reverse: false,
  changed: false,
});
const move = (status: OrderStatus, effects: Partial<OrderTransition> = {}): OrderTransition => ({
  status,
  credit: false,
  reverse: false,
  changed: true,
  ...effects,
});

export function nextOrderStatus(current: OrderStatus, outcome: PaymentOutcome): OrderTransition {
  switch (current) {
    // Final: the money went back (or never stayed); nothing may credit it again.
    case "reversed":
      return same("reversed");
    // Money received: only a reversal moves it; a late "processing" or "failure" of an earlier attempt is stale.
    case "success":
      return outcome === "reversed" ? move("reversed", { reverse: true }) : same("success");
    // Not paid yet (a failed attempt may be followed by a successful one with the same order).
    default:
      if (outcome === "success") return move("success", { credit: true });
      // Reversed before we ever heard of its success: the money came and went, nothing to post.
      if (outcome === "reversed") return move("reversed");
      return outcome === current ? same(current) : move(outcome);
  }
}

/** 100,000 UAH: a utility payment above this is a typo far more often than a bill. */
export const MAX_PAYMENT_KOP = 10_000_000;

export function isPayableAmount(amountKop: number): boolean {
  return Number.isSafeInteger(amountKop) && amountKop > 0 && amountKop <= MAX_PAYMENT_KOP;
}
