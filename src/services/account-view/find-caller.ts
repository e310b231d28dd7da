// The person on the line, by the phone or e-mail they give, so an operator can link the account to them
// (linkAccountForUser). Only verified identities count, as for signing in; the operator is told the person's name
// to compare with the caller's. Asked about one of the operator's accounts: staff of another provider learn
// nothing here about anyone.

import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findPerson } from "../identity/find-person.ts";
import { parseLogin } from "../identity/identity-address.ts";

export interface CallerFound {
  userId: number;
  fullName: string;
  alreadyLinked: boolean;
}

export async function findCaller(
  deps: Deps,
  options: { actor: Actor; accountId: number; login: string },
): Promise<CallerFound> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const address = parseLogin(options.login);
  if (!address) throw new AppError("caller_login_invalid", {}, { field: "login" });
  const person = await findPerson(db, address);
  if (!person) throw new AppError("caller_not_found", {}, { field: "login" });
  const link = await db
    .selectFrom("user_accounts")
    .select("user_id")
    .where("account_id", "=", account.id)
    .where("user_id", "=", person.user_id)
    .executeTakeFirst();
  return { userId: person.user_id, fullName: person.full_name, alreadyLinked: link !== undefined };
}
