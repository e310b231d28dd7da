// My confirmed addresses: the e-mails and phones I sign in with and get messages at, and the chats linked to me.
import type { IdentityKind } from "../../db/tables/identity.table.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";

export interface MyIdentity {
  id: number;
  kind: IdentityKind;
  /** As kept: an e-mail lower-cased, a phone "+380…", a chat's id. */
  address: string;
  verifiedAt: Date;
}

export async function listMyIdentities(deps: Deps, options: { actor: Actor }): Promise<MyIdentity[]> {
  const rows = await deps.database.db
    .selectFrom("identities")
    .select(["id", "kind", "external_id", "verified_at"])
    .where("user_id", "=", options.actor.userId)
    .where("verified_at", "is not", null)
    .orderBy("kind")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, address: r.external_id, verifiedAt: r.verified_at! }));
}
