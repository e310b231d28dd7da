// Revoking a personal API token refuses it from the next request on. Only one's own tokens: another user's
// token id answers not_found, exactly as a missing one, so ids cannot be probed.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";

/** Idempotent for the owner: revoking an already revoked token keeps its first revocation time. */
export async function revokeApiToken(deps: Deps, options: { actor: Actor; tokenId: number }): Promise<void> {
  const row = await deps.database.db
    .updateTable("api_tokens")
    .set((eb) => ({ revoked_at: eb.fn.coalesce("revoked_at", eb.val(deps.now())) }))
    .where("id", "=", options.tokenId)
    .where("user_id", "=", options.actor.userId)
    .returning("id")
    .executeTakeFirst();
  if (!row) throw new AppError("not_found");
}
