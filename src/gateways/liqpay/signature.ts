// LiqPay API v3 signing, as its documentation defines it (liqpay.ua/documentation/data_signature, /api/callback):
//   data      = base64( json_string )
//   signature = base64( sha1_binary( private_key + data + private_key ) )
// The same for the checkout request we send and for the callback LiqPay posts back.
import { createHash, timingSafeEqual } from "node:crypto";

export function encodeData(params: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(params), "utf8").toString("base64");
}

export function sign(privateKey: string, data: string): string {
  return createHash("sha1")
    .update(privateKey + data + privateKey, "utf8")
    .digest("base64");
}

/** Constant-time: how much of a guessed signature is right must not show in the response time. */
export function signatureMatches(privateKey: string, data: string, signature: string): boolean {
  const expected = Buffer.from(sign(privateKey, data), "utf8");
  const given = Buffer.from(signature, "utf8");
  // A sha1 in base64 is always 28 characters; a different length is wrong whatever it holds.
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The JSON object inside `data`, or null when it is not base64 of a JSON object. */
export function decodeData(data: string): Record<string, unknown> | null {
  if (!BASE64.test(data) || data.length % 4 !== 0) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(data, "base64").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
