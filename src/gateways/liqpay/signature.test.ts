import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeData, encodeData, sign, signatureMatches } from "./signature.ts";

// LiqPay's documented checkout example (liqpay.ua/documentation, "Checkout"): the JSON below, base64-encoded,
// signed with `echo -n "${PRIVATE_KEY}${DATA}${PRIVATE_KEY}" | openssl dgst -binary -sha1 | base64`.
const DOC_DATA =
  "eyAidmVyc2lvbiIgOiAzLCAicHVibGljX2tleSIgOiAieW91cl9wdWJsaWNfa2V5IiwgImFjdGlvbiIgOiAicGF5IiwgImFtb3VudCIgOiAxLCAiY3VycmVuY3kiIDogIlVTRCIsICJkZXNjcmlwdGlvbiIgOiAiZGVzY3JpcHRpb24gdGV4dCIsICJvcmRlcl9pZCIgOiAib3JkZXJfaWRfMSIgfQ==";

test("signs as LiqPay documents: base64(sha1_binary(private_key + data + private_key)), same as openssl", () => {
  assert.deepEqual(decodeData(DOC_DATA), {
    version: 3,
    public_key: "your_public_key",
    action: "pay",
    amount: 1,
    currency: "USD",
    description: "description text",
    order_id: "order_id_1",
  });
  // The value openssl gives for the documented recipe with PRIVATE_KEY='your_private_key'.
  assert.equal(sign("your_private_key", DOC_DATA), "MPgGw632itnbRVDSd/KyNEGrAsQ=");
  assert.equal(signatureMatches("your_private_key", DOC_DATA, "MPgGw632itnbRVDSd/KyNEGrAsQ="), true);
});

test("a signature by another key, of other data, truncated or empty does not match", () => {
  const good = sign("your_private_key", DOC_DATA);
  assert.equal(signatureMatches("another_key", DOC_DATA, good), false);
  assert.equal(signatureMatches("your_private_key", `${DOC_DATA}x`, good), false);
  assert.equal(signatureMatches("your_private_key", DOC_DATA, good.slice(0, -1)), false);
  assert.equal(signatureMatches("your_private_key", DOC_DATA, ""), false);
});

test("data round-trips UTF-8 text, and anything but base64 of a JSON object decodes to null", () => {
  const data = encodeData({ description: "Оплата: особовий рахунок 12-345/6", amount: 123.45 });
  assert.deepEqual(decodeData(data), { description: "Оплата: особовий рахунок 12-345/6", amount: 123.45 });
  assert.equal(decodeData("not base64!"), null);
  assert.equal(decodeData(Buffer.from("[1,2]").toString("base64")), null);
  assert.equal(decodeData(Buffer.from("{oops").toString("base64")), null);
});
