import assert from "node:assert/strict";
import { test } from "node:test";
import { amountRefusal } from "./partner-amount.ts";

const limits = { minPaymentKop: 100, maxPaymentKop: 50_000, dailyLimitKop: 100_000 };

test("a payment is refused below the minimum, above the maximum, and over the day's limit", () => {
  assert.equal(amountRefusal(99, limits, 0), "partner_amount_too_small");
  assert.equal(amountRefusal(100, limits, 0), null);
  assert.equal(amountRefusal(50_000, limits, 0), null);
  assert.equal(amountRefusal(50_001, limits, 0), "partner_amount_too_large");
  assert.equal(amountRefusal(50_000, limits, 50_000), null);
  assert.equal(amountRefusal(50_000, limits, 50_001), "partner_daily_limit");
});
