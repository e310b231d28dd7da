// Sessions past their fixed lifetime are refused already (resolve-token.ts); this removes their rows, for the
// housekeeping job, so the table holds live sessions only.
import type { Deps } from "../deps.ts";

export async function purgeExpiredSessions(deps: Deps): Promise<number> {
  // Half-finished two-step sign-ins (migration 0022) past their 5 minutes go with them.
  await deps.database.db.deleteFrom("sign_in_challenges").where("expires_at", "<=", deps.now()).execute();
  const result = await deps.database.db
    .deleteFrom("sessions")
    .where("expires_at", "<=", deps.now())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
