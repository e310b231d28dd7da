import assert from "node:assert/strict";
import { test } from "node:test";
import { decideCard, luhnValid } from "./test-cards.ts";

const MONTH = "2026-11";

test("the succeeding test card pays and the declining one is declined, with LiqPay-style masks", () => {
  assert.deepEqual(decideCard({ card: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" }, MONTH), {
    ok: true,
    outcome: "success",
    mask: "424242*42",
  });
  assert.deepEqual(decideCard({ card: "4000-0000-0000-0002", expiry: "1130", cvc: "999" }, MONTH), {
    ok: true,
    outcome: "failure",
    mask: "400000*02",
  });
});

test("a card still valid in its expiry month is accepted; the month before is past", () => {
  assert.equal(decideCard({ card: "4242424242424242", expiry: "11/26", cvc: "123" }, MONTH).ok, true);
  assert.deepEqual(decideCard({ card: "4242424242424242", expiry: "10/26", cvc: "123" }, MONTH), {
    ok: false,
    problems: { expiry: "expiry_past" },
  });
});

test("bad input is refused field by field, and a real-looking card is not taken", () => {
  assert.deepEqual(decideCard({ card: "4242 4242 4242 4241", expiry: "13/30", cvc: "12" }, MONTH), {
    ok: false,
    problems: { card: "card_invalid", expiry: "expiry_invalid", cvc: "cvc_invalid" },
  });
  assert.deepEqual(decideCard({ card: "5555 5555 5555 4444", expiry: "12/30", cvc: "123" }, MONTH), {
    ok: false,
    problems: { card: "card_not_test" },
  });
});

test("Luhn", () => {
  assert.equal(luhnValid("4242424242424242"), true);
  assert.equal(luhnValid("4000000000000002"), true);
  assert.equal(luhnValid("4242424242424241"), false);
});
