// Viber and Messenger sign the raw bytes of each webhook body (HMAC-SHA256), so their routes need the body as it
// came, before JSON parsing. `rawBodies` makes every body of the Fastify scope it is called in a Buffer (call it
// inside an encapsulated plugin: the rest of the app keeps its JSON parser).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { controlCharacterAt } from "../http/plugins/input-guard.ts";

export function rawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
}

/** Whether `signatureHex` is the hex HMAC-SHA256 of the body under the key, compared in constant time. */
export function signedWith(key: string, body: Buffer, signatureHex: string | undefined): boolean {
  if (!signatureHex || !/^[0-9a-fA-F]{64}$/.test(signatureHex)) return false;
  const expected = createHmac("sha256", key).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(signatureHex, "hex"));
}

/** The body as JSON, or null when it is not JSON or carries characters no text may (the input guard's rule). */
export function jsonOf(body: unknown): unknown {
  if (!Buffer.isBuffer(body)) return null;
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    return controlCharacterAt(value) === null ? value : null;
  } catch {
    return null;
  }
}
