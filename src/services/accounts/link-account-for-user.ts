// An operator links an account of their own provider to a caller they have identified (on the phone, at the
// counter): no bill amount is asked, the operator vouches, and the audit names the operator. Another provider's
// account, or a person who does not exist, is not found.
import type { Actor } from "../actor.ts";
import type { ContextChannel } from "../context.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findAccountForActor } from "./find-account.ts";
import { auditLink } from "./link-audit.ts";

export interface LinkedForUser {
  accountId: number;
  userId: number;
  alreadyLinked: boolean;
}

export async function linkAccountForUser(
  deps: Deps,
  options: { actor: Actor; channel: ContextChannel; accountId: number; userId: number },
): Promise<LinkedForUser> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const user = await db.selectFrom("users").select("id").where("id", "=", options.userId).executeTakeFirst();
  if (!user) throw new AppError("not_found");
  const inserted = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("user_accounts")
      .values({ account_id: account.id, user_id: user.id, provider_id: account.providerId })
      .onConflict((oc) => oc.columns(["account_id", "user_id"]).doNothing())
      .returning("account_id")
      .executeTakeFirst();
    await auditLink(
      deps,
      {
        action: "account.link_for_user",
        actorUserId: options.actor.userId,
        channel: options.channel,
        providerId: account.providerId,
        accountId: account.id,
        details: { userId: user.id, alreadyLinked: !row },
      },
      trx,
    );
    return row !== undefined;
  });
  return { accountId: account.id, userId: user.id, alreadyLinked: !inserted };
}
