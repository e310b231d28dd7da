import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import {
  canonicalRequest,
  SIGNATURE_WINDOW_SECONDS,
  signatureMatches,
  signRequest,
  timestampFresh,
} from "./request-signature.ts";

const parts = {
  method: "post",
  path: "/api/partners/v1/payments?x=1",
  timestamp: 1796162565,
  body: '{"a":1}',
};

test("the canonical request is the four documented lines", () => {
  assert.equal(
    canonicalRequest(parts),
    // sha256('{"a":1}')
    "POST\n/api/partners/v1/payments?x=1\n1796162565\n015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862",
  );
  // A GET hashes the empty body.
  assert.ok(
    canonicalRequest({ ...parts, body: "" }).endsWith(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ),
  );
});

test("the signature is the HMAC of the canonical request, checked in constant time", () => {
  const secret = "s".repeat(43);
  const expected = createHmac("sha256", secret).update(canonicalRequest(parts)).digest("hex");
  assert.equal(signRequest(secret, parts), expected);
  assert.ok(signatureMatches(secret, parts, expected));
  assert.ok(!signatureMatches(secret, { ...parts, body: '{"a":2}' }, expected), "another body");
  assert.ok(
    !signatureMatches(secret, { ...parts, path: "/api/partners/v1/payments" }, expected),
    "another query",
  );
  assert.ok(
    !signatureMatches(secret, { ...parts, timestamp: parts.timestamp + 1 }, expected),
    "another time",
  );
  assert.ok(!signatureMatches(`${secret}x`, parts, expected), "another secret");
  assert.ok(!signatureMatches(secret, parts, "zz"), "not hex");
});

test("a timestamp is fresh within five minutes either way", () => {
  const now = 1_800_000_000;
  assert.ok(timestampFresh(now - SIGNATURE_WINDOW_SECONDS, now));
  assert.ok(timestampFresh(now + SIGNATURE_WINDOW_SECONDS, now));
  assert.ok(!timestampFresh(now - SIGNATURE_WINDOW_SECONDS - 1, now));
  assert.ok(!timestampFresh(Number.NaN, now));
});
