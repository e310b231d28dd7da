// Time-based one-time passwords (RFC 6238) as every authenticator app makes them: SHA-1, 6 digits, 30 seconds.
// A code is accepted one step either side of now (a phone's clock a little off, a code typed as it turned), and
// the caller keeps the step it matched so the same code is never taken twice.
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = "Abonent";

function totpOf(secret: string, label = ISSUER): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** 160 random bits as base32 (32 characters), the size RFC 4226 recommends. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address a QR code carries to an authenticator app. */
export function totpUri(secret: string, label: string): string {
  return totpOf(secret, label).toString();
}

/** Six digits, spaces allowed ("123 456"), else null. */
export function cleanTotpCode(text: string): string | null {
  const code = text.replace(/\s+/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

/** The time step the code belongs to, within one step of `at`; null when it fits none. */
export function matchTotpStep(secret: string, code: string, at: Date): number | null {
  const token = cleanTotpCode(code);
  if (!token) return null;
  const delta = totpOf(secret).validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}
