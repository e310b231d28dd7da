// The bearer token of a request → who is asking. Runs on every authenticated request, so it is an indexed
// look-up (token_hash is unique) joined with the user and their staff role, batched across requests; the "last seen/used" stamp is
// written at most once a minute per token, so a busy home-automation tool does not write on every request.
import DataLoader from "dataloader";
import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import { PREPARED_MARK } from "../../db/engines/prepared-statements.ts";
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
  if (!tokenKind(token)) return null;
  return loaderFor(deps).load(token);
}

// Requests that arrive together are authenticated together: one query per kind of token for the whole
// batch instead of one per request, its text the same for any batch (the hashes as one array), so it is prepared
// once per connection. Nothing is cached between batches, so a revoked token stops at once.
const loaders = new WeakMap<Database, DataLoader<string, Resolved | null>>();

function loaderFor(deps: Deps): DataLoader<string, Resolved | null> {
  let loader = loaders.get(deps.database);
  if (!loader) {
    loader = new DataLoader((tokens: readonly string[]) => resolveMany(deps, tokens), {
      cache: false,
      maxBatchSize: 200,
      batchScheduleFn: (callback) => setImmediate(callback),
    });
    loaders.set(deps.database, loader);
  }
  return loader;
}

async function resolveMany(deps: Deps, tokens: readonly string[]): Promise<(Resolved | null)[]> {
  const { db } = deps.database;
  const now = deps.now();
  const staleBefore = new Date(now.getTime() - TOUCH_EVERY_MS);
  const hashes = tokens.map(hashToken);
  const sessionHashes = hashes.filter((_, i) => tokenKind(tokens[i]!) === "ses");
  const apiHashes = hashes.filter((_, i) => tokenKind(tokens[i]!) === "abt");
  const found = new Map<string, Resolved>();

  if (sessionHashes.length > 0) {
    const rows = await db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .leftJoinLateral(staffRoleOf, (join) => join.onTrue())
      .select([
        "s.id",
        "s.token_hash",
        "s.last_seen_at as touched_at",
        "u.id as user_id",
        "u.locale",
        "sr.role",
        "sr.provider_id",
      ])
      .where("s.token_hash", "=", sql<string>`any(${sessionHashes}::text[])`)
      .where("s.expires_at", ">", now)
      .modifyEnd(sql.raw(PREPARED_MARK))
      .execute();
    for (const row of rows)
      found.set(row.token_hash, { actor: actorFromRow(row), credential: { kind: "session", id: row.id } });
    const stale = rows.filter((r) => r.touched_at < staleBefore).map((r) => r.id);
    if (stale.length > 0) {
      await db
        .updateTable("sessions")
        .set({ last_seen_at: now })
        .where("id", "in", stale)
        .where("last_seen_at", "<", staleBefore)
        .execute();
    }
  }
  if (apiHashes.length > 0) {
    const rows = await db
      .selectFrom("api_tokens as t")
      .innerJoin("users as u", "u.id", "t.user_id")
      .leftJoinLateral(staffRoleOf, (join) => join.onTrue())
      .select([
        "t.id",
        "t.token_hash",
        "t.last_used_at as touched_at",
        "u.id as user_id",
        "u.locale",
        "sr.role",
        "sr.provider_id",
      ])
      .where("t.token_hash", "=", sql<string>`any(${apiHashes}::text[])`)
      .where("t.revoked_at", "is", null)
      .modifyEnd(sql.raw(PREPARED_MARK))
      .execute();
    for (const row of rows)
      found.set(row.token_hash, { actor: actorFromRow(row), credential: { kind: "api_token", id: row.id } });
    const stale = rows.filter((r) => r.touched_at === null || r.touched_at < staleBefore).map((r) => r.id);
    if (stale.length > 0) {
      await db
        .updateTable("api_tokens")
        .set({ last_used_at: now })
        .where("id", "in", stale)
        .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", staleBefore)]))
        .execute();
    }
  }
  return hashes.map((h) => found.get(h) ?? null);
}
