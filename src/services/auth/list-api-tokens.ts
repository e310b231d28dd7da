// The caller's active personal API tokens: names and prefixes to tell them apart, never the tokens.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";

export interface ApiTokenSummary {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function listApiTokens(deps: Deps, options: { actor: Actor }): Promise<ApiTokenSummary[]> {
  const rows = await deps.database.db
    .selectFrom("api_tokens")
    .select(["id", "name", "prefix", "created_at", "last_used_at"])
    .where("user_id", "=", options.actor.userId)
    .where("revoked_at", "is", null)
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
  }));
}
