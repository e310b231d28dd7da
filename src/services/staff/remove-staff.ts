// Removing a staff member from a provider: their role there is revoked, and every session and personal API token
// of theirs ends at once (a session carries no role of its own: the next request would find none, but a removed
// person must not keep even a resident's session opened while they were staff). Nobody removes themselves.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { staffProvider } from "./staff-provider.ts";

export async function removeStaff(
  deps: Deps,
  actor: Actor,
  options: { providerId?: number; userId: number },
): Promise<void> {
  const provider = await staffProvider(deps, actor, options.providerId);
  await deps.database.db.transaction().execute(async (trx) => {
    const role = await trx
      .selectFrom("staff_roles")
      .select("user_id")
      .where("user_id", "=", options.userId)
      .where("provider_id", "=", provider.id)
      .forUpdate()
      .executeTakeFirst();
    if (!role) throw new AppError("not_found");
    if (options.userId === actor.userId) throw new AppError("cannot_remove_self");
    await trx
      .deleteFrom("staff_roles")
      .where("user_id", "=", options.userId)
      .where("provider_id", "=", provider.id)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", options.userId).execute();
    await trx.deleteFrom("sign_in_challenges").where("user_id", "=", options.userId).execute();
    await trx
      .updateTable("api_tokens")
      .set({ revoked_at: deps.now() })
      .where("user_id", "=", options.userId)
      .where("revoked_at", "is", null)
      .execute();
  });
}

/** Withdraws a pending invitation of the provider; a used, withdrawn or other provider's one is "not found". */
export async function revokeInvitation(
  deps: Deps,
  actor: Actor,
  options: { providerId?: number; invitationId: number },
): Promise<void> {
  const provider = await staffProvider(deps, actor, options.providerId);
  const row = await deps.database.db
    .updateTable("staff_invitations")
    .set({ revoked_at: deps.now() })
    .where("id", "=", options.invitationId)
    .where("provider_id", "=", provider.id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (!row) throw new AppError("not_found");
}
