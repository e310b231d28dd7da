// How a partner signs a request (docs/partners.md): HMAC-SHA256 with its secret over four lines — the method, the
// path with its query string as sent, the Unix time in seconds, and the hex SHA-256 of the body (of nothing for a
// GET) — sent as hex in X-Signature beside X-Key-Id and X-Timestamp. The same code signs in the tests, the
// benchmark and a partner's client, so what is documented is what is checked.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADERS = {
  keyId: "x-key-id",
  timestamp: "x-timestamp",
  signature: "x-signature",
} as const;

/** A request older or newer than this is refused as stale (clocks differ a little; a replay is refused apart). */
export const SIGNATURE_WINDOW_SECONDS = 300;

export interface SignedParts {
  method: string;
  /** The path and query string exactly as sent: "/api/partners/v1/pay" or "/api/partners/v1/terminal?command=…". */
  path: string;
  /** Unix time in seconds. */
  timestamp: number;
  body: string | Uint8Array;
}

export const bodyHash = (body: string | Uint8Array): string =>
  createHash("sha256").update(body).digest("hex");

export function canonicalRequest(parts: SignedParts): string {
  return [parts.method.toUpperCase(), parts.path, String(parts.timestamp), bodyHash(parts.body)].join("\n");
}

export function signRequest(secret: string, parts: SignedParts): string {
  return createHmac("sha256", secret).update(canonicalRequest(parts)).digest("hex");
}

/** Constant-time: a forger learns nothing from how long a wrong signature took to refuse. */
export function signatureMatches(secret: string, parts: SignedParts, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  const expected = Buffer.from(signRequest(secret, parts), "hex");
  return timingSafeEqual(expected, Buffer.from(signature, "hex"));
}

/** Whether a timestamp is within the window of now (both Unix seconds). */
export function timestampFresh(timestamp: number, nowSeconds: number): boolean {
  return Number.isSafeInteger(timestamp) && Math.abs(nowSeconds - timestamp) <= SIGNATURE_WINDOW_SECONDS;
}

/** The headers of a signed request, for a client. */
export function signedHeaders(
  key: { keyId: string; secret: string },
  parts: SignedParts,
): Record<string, string> {
  return {
    [SIGNATURE_HEADERS.keyId]: key.keyId,
    [SIGNATURE_HEADERS.timestamp]: String(parts.timestamp),
    [SIGNATURE_HEADERS.signature]: signRequest(key.secret, parts),
  };
}
