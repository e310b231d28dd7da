// The secret of an invitation's link: 32 random bytes, kept only as their sha256 (256 bits need no pepper).
import { createHash, randomBytes } from "node:crypto";

export const INVITATION_TTL_DAYS = 7;

export function newInvitationSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInvitationSecret(secret: string): string {
  return createHash("sha256").update(`invitation:${secret}`).digest("hex");
}

/** The path of the accept page for a secret. */
export function invitationPath(secret: string): string {
  return `/console/invitation?code=${encodeURIComponent(secret)}`;
}
