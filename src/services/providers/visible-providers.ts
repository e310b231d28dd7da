// Whose news and contacts a person sees: a resident, the providers of their linked accounts (one with none yet,
// every provider's: they are choosing whom to link); staff, their own provider; a platform administrator, all.
// Provider news and contacts are public notices, so this is about relevance, not secrecy.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";

/** The provider ids to show, or null for every provider. */
export async function visibleProviderIds(deps: Deps, actor: Actor): Promise<number[] | null> {
  if (actor.kind === "platform_admin") return null;
  if (actor.kind === "staff") return [actor.providerId];
  const rows = await deps.database.db
    .selectFrom("user_accounts")
    .select("provider_id")
    .distinct()
    .where("user_id", "=", actor.userId)
    .execute();
  return rows.length === 0 ? null : rows.map((r) => r.provider_id).sort((a, b) => a - b);
}
