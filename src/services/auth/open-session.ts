// A new session for a person who has just proved who they are (password, one-time code, a confirmed sign-up):
// the token is returned once and stored only as its sha256.
import type { Db, Tx } from "../../db/database.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { type ActorRow, actorFromRow, hashToken, newToken } from "./credentials.ts";

export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: { id: number; fullName: string; locale: Locale };
  actor: Actor;
}

export async function openSession(
  deps: Deps,
  executor: Db | Tx,
  user: ActorRow & { full_name: string },
  userAgent?: string,
): Promise<SignedIn> {
  const token = newToken("ses");
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
  await executor
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: user.user_id,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
      user_agent: userAgent ? userAgent.slice(0, 400) : null,
    })
    .execute();
  // For the staff list's "last signed in" (sessions end on sign-out, so their rows cannot say it).
  await executor
    .updateTable("users")
    .set({ last_signed_in_at: now })
    .where("id", "=", user.user_id)
    .execute();
  return {
    token,
    expiresAt,
    user: { id: user.user_id, fullName: user.full_name, locale: user.locale },
    actor: actorFromRow(user),
  };
}
