import assert from "node:assert/strict";
import { test } from "node:test";
import { amountToKop, mapLiqpayStatus } from "./liqpay-protocol.ts";

test("LiqPay's statuses: final ones mapped, sandbox paid only in sandbox mode, the rest still on its way", () => {
  assert.equal(mapLiqpayStatus("success", false), "success");
  assert.equal(mapLiqpayStatus("failure", false), "failure");
  assert.equal(mapLiqpayStatus("error", false), "failure");
  assert.equal(mapLiqpayStatus("reversed", false), "reversed");
  assert.equal(mapLiqpayStatus("sandbox", true), "success");
  assert.equal(mapLiqpayStatus("sandbox", false), "failure");
  for (const s of [
    "wait_accept",
    "3ds_verify",
    "otp_verify",
    "processing",
    "hold_wait",
    "prepared",
    "new_word",
  ]) {
    assert.equal(mapLiqpayStatus(s, false), "processing", s);
  }
});

test("amounts convert to kopiykas exactly, and a third decimal or a non-number is refused", () => {
  assert.equal(amountToKop(123.45), 12345);
  assert.equal(amountToKop("123.45"), 12345);
  assert.equal(amountToKop(100), 10000);
  assert.equal(amountToKop(0.1), 10);
  assert.equal(amountToKop(1.005), null);
  assert.equal(amountToKop(0.1 + 0.2), null);
  assert.equal(amountToKop(-5), null);
  assert.equal(amountToKop("12,30"), null);
  assert.equal(amountToKop(null), null);
  assert.equal(amountToKop(1e21), null);
});
