// Signing out on every device (a lost phone, a shared computer): all of my sessions end, this one included.
// Personal API tokens stay: they are revoked one by one, where they are managed.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";

export async function signOutEverywhere(
  deps: Deps,
  options: { actor: Actor },
): Promise<{ sessionsEnded: number }> {
  const result = await deps.database.db
    .deleteFrom("sessions")
    .where("user_id", "=", options.actor.userId)
    .executeTakeFirst();
  return { sessionsEnded: Number(result.numDeletedRows) };
}
