// A resident removes their own link to an account; the household's other links stay. An account not linked to
// them is not found, and leaves no trace.
import type { Actor } from "../actor.ts";
import type { ContextChannel } from "../context.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { auditLink } from "./link-audit.ts";

export async function unlinkAccount(
  deps: Deps,
  options: { actor: Extract<Actor, { kind: "resident" }>; channel: ContextChannel; accountId: number },
): Promise<{ accountId: number; unlinked: true }> {
  const { actor, accountId } = options;
  await deps.database.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("user_accounts")
      .where("account_id", "=", accountId)
      .where("user_id", "=", actor.userId)
      .returning("provider_id")
      .executeTakeFirst();
    if (!removed) throw new AppError("not_found");
    await auditLink(
      deps,
      {
        action: "account.unlink",
        actorUserId: actor.userId,
        channel: options.channel,
        providerId: removed.provider_id,
        accountId,
        details: {},
      },
      trx,
    );
  });
  return { accountId, unlinked: true };
}
