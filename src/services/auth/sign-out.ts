// Signing out ends the session: its row is deleted, so the token is refused from then on.
import type { Deps } from "../deps.ts";
import { hashToken, tokenKind } from "./credentials.ts";

/**
 * Deletes the session of this token, if it is the caller's own; false when there was none (already signed out,
 * or not a session).
 */
export async function signOut(deps: Deps, options: { token: string; userId: number }): Promise<boolean> {
  if (tokenKind(options.token) !== "ses") return false;
  const result = await deps.database.db
    .deleteFrom("sessions")
    .where("token_hash", "=", hashToken(options.token))
    .where("user_id", "=", options.userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
