import assert from "node:assert/strict";
import { test } from "node:test";
import { isPayableAmount, nextOrderStatus, type OrderStatus, type PaymentOutcome } from "./order-status.ts";

const OUTCOMES: PaymentOutcome[] = ["processing", "success", "failure", "reversed"];

test("a success credits once: from created, processing or an earlier failed attempt", () => {
  for (const from of ["created", "processing", "failure"] as const) {
    assert.deepEqual(nextOrderStatus(from, "success"), {
      status: "success",
      credit: true,
      reverse: false,
      changed: true,
    });
  }
  assert.deepEqual(nextOrderStatus("success", "success"), {
    status: "success",
    credit: false,
    reverse: false,
    changed: false,
  });
});

test("a reversal after success gives the money back once; a repeated reversal does nothing", () => {
  assert.deepEqual(nextOrderStatus("success", "reversed"), {
    status: "reversed",
    credit: false,
    reverse: true,
    changed: true,
  });
  assert.equal(nextOrderStatus("reversed", "reversed").changed, false);
});

test("a reversal before any success posts nothing, and a late success after it credits nothing", () => {
  assert.deepEqual(nextOrderStatus("processing", "reversed"), {
    status: "reversed",
    credit: false,
    reverse: false,
    changed: true,
  });
  assert.deepEqual(nextOrderStatus("reversed", "success"), {
    status: "reversed",
    credit: false,
    reverse: false,
    changed: false,
  });
});

test("stale statuses never undo a success", () => {
  for (const late of ["processing", "failure"] as const) {
    assert.deepEqual(nextOrderStatus("success", late), {
      status: "success",
      credit: false,
      reverse: false,
      changed: false,
    });
  }
});

test("property: over any sequence of callbacks, the ledger nets the amount if the order ends in success, else 0", () => {
  // Every sequence of up to 4 callbacks, in every order.
  const sequences: PaymentOutcome[][] = [[]];
  for (let n = 0; n < 4; n++) {
    for (const s of [...sequences]) for (const o of OUTCOMES) sequences.push([...s, o]);
  }
  for (const sequence of sequences) {
    let status: OrderStatus = "created";
    let net = 0;
    let credits = 0;
    for (const outcome of sequence) {
      const t = nextOrderStatus(status, outcome);
      if (t.credit) {
        net += 1;
        credits += 1;
      }
      if (t.reverse) net -= 1;
      status = t.status;
    }
    assert.ok(credits <= 1, sequence.join(","));
    assert.equal(net, status === "success" ? 1 : 0, sequence.join(","));
  }
});

test("a payable amount is a whole number of kopiykas from 0.01 to 100,000 UAH", () => {
  assert.equal(isPayableAmount(1), true);
  assert.equal(isPayableAmount(10_000_000), true);
  assert.equal(isPayableAmount(10_000_001), false);
  assert.equal(isPayableAmount(0), false);
  assert.equal(isPayableAmount(-5), false);
  assert.equal(isPayableAmount(1.5), false);
});
