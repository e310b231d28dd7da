// A partner's credentials: a public key id and a secret shown once. The secret is kept as it is given (an HMAC
// needs it on both sides); a rotated key stays valid for a grace period, so a partner can switch without a gap.
import { randomBytes } from "node:crypto";

/** How long a rotated-out key keeps working. */
export const ROTATION_GRACE_HOURS = 24;

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function randomText(length: number): string {
  const bytes = randomBytes(length);
  // 252 is the largest multiple of 36 below 256: bytes above it would favour the first letters, so they are redrawn.
  let out = "";
  for (const b of bytes) if (b < 252) out += ALPHABET[b % 36];
  return out.length >= length ? out.slice(0, length) : out + randomText(length - out.length);
}

export interface NewPartnerKey {
  keyId: string;
  secret: string;
}

export function newPartnerKey(): NewPartnerKey {
  return { keyId: `pk_${randomText(24)}`, secret: randomBytes(32).toString("base64url") };
}
