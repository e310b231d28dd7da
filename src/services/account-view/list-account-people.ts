// Who is linked to an account (a household may share one): each person's name, how they can be recognised on
// the phone (their verified e-mails and phones, partly masked: the operator asks the caller to say them and
// compares, without reading a full address out to someone not yet identified) and since when.
// users and identities live on the coordinator and user_accounts with the account (docs/scale-out.md): the
// links are read first, by the account, then the people by their ids.

import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";

export interface AccountPerson {
  userId: number;
  fullName: string;
  linkedAt: string;
  identities: { kind: "email" | "phone"; masked: string }[];
}

/** "ol***@ukr.net": the first two letters of the name and the whole domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return "***";
  return `${email.slice(0, Math.min(2, at))}***${email.slice(at)}`;
}

/** "+380 67 *** ** 33": the operator's code and the last two digits. */
export function maskPhone(phone: string): string {
  const m = /^\+380(\d{2})\d{5}(\d{2})$/.exec(phone);
  return m ? `+380 ${m[1]} *** ** ${m[2]}` : `***${phone.slice(-2)}`;
}

export async function listAccountPeople(
  deps: Deps,
  options: { actor: Actor; accountId: number },
): Promise<AccountPerson[]> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const links = await db
    .selectFrom("user_accounts")
    .select(["user_id", "linked_at"])
    .where("account_id", "=", account.id)
    .orderBy("linked_at")
    .orderBy("user_id")
    .execute();
  if (links.length === 0) return [];
  const ids = links.map((l) => l.user_id);
  const [users, identities] = await Promise.all([
    db.selectFrom("users").select(["id", "full_name"]).where("id", "in", ids).execute(),
    db
      .selectFrom("identities")
      .select(["user_id", "kind", "external_id"])
      .where("user_id", "in", ids)
      .where("kind", "in", ["email", "phone"])
      .where("verified_at", "is not", null)
      .orderBy("kind")
      .orderBy("id")
      .execute(),
  ]);
  const names = new Map(users.map((u) => [u.id, u.full_name]));
  return links.map((l) => ({
    userId: l.user_id,
    fullName: names.get(l.user_id) ?? "",
    linkedAt: l.linked_at.toISOString(),
    identities: identities
      .filter((i) => i.user_id === l.user_id)
      .map((i) =>
        i.kind === "email"
          ? { kind: "email" as const, masked: maskEmail(i.external_id) }
          : { kind: "phone" as const, masked: maskPhone(i.external_id) },
      ),
  }));
}
