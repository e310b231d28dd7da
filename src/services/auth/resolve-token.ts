// The bearer token of a request → who is asking. Runs on every authenticated request, so it is one indexed
// look-up (token_hash is unique) joined with the user and their staff role; the "last seen/used" stamp is
// written at most once a minute per token, so a busy home-automation tool does not write on every request.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { actorFromRow, hashToken, staffRoleOf, tokenKind } from "./credentials.ts";

const TOUCH_EVERY_MS = 60_000;

export interface Credential {
  kind: "session" | "api_token";
  /** sessions.id or api_tokens.id */
  id: number;
}

export interface Resolved {
  actor: Actor;
  credential: Credential;
}

export async function resolveToken(deps: Deps, token: string): Promise<Actor | null> {
  return (await resolveCredential(deps, token))?.actor ?? null;
}

/** Like resolveToken, and says which credential it was (routes may refuse API tokens for some actions). */
export async function resolveCredential(deps: Deps, token: string): Promise<Resolved | null> {
  const kind = tokenKind(token);
  if (!kind) return null;
  const { db } = deps.database;
  const hash = hashToken(token);
  const now = deps.now();
  const staleBefore = new Date(now.getTime() - TOUCH_EVERY_MS);

  if (kind === "ses") {
    const row = await db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .leftJoinLateral(staffRoleOf, (join) => join.onTrue())
      .select([
        "s.id",
        "s.last_seen_at as touched_at",
        "u.id as user_id",
        "u.locale",
        "sr.role",
        "sr.provider_id",
      ])
      .where("s.token_hash", "=", hash)
      .where("s.expires_at", ">", now)
      .executeTakeFirst();
    if (!row) return null;
    if (row.touched_at < staleBefore) {
      await db
        .updateTable("sessions")
        .set({ last_seen_at: now })
        .where("id", "=", row.id)
        .where("last_seen_at", "<", staleBefore)
        .execute();
    }
    return { actor: actorFromRow(row), credential: { kind: "session", id: row.id } };
  }

  const row = await db
    .selectFrom("api_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .leftJoinLateral(staffRoleOf, (join) => join.onTrue())
    .select([
      "t.id",
      "t.last_used_at as touched_at",
      "u.id as user_id",
      "u.locale",
      "sr.role",
      "sr.provider_id",
    ])
    .where("t.token_hash", "=", hash)
    .where("t.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  if (row.touched_at === null || row.touched_at < staleBefore) {
    await db
      .updateTable("api_tokens")
      .set({ last_used_at: now })
      .where("id", "=", row.id)
      .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", staleBefore)]))
      .execute();
  }
  return { actor: actorFromRow(row), credential: { kind: "api_token", id: row.id } };
}
