// Who an address belongs to, for channels that recognise people by it (a bot by its chat id, the voice line by
// the caller's number) and for staff looking someone up. Only verified identities count: an address nobody
// proved is nobody's.
import type { IdentityKind } from "../../db/tables/identity.table.ts";
import type { Actor } from "../actor.ts";
import { actorFromRow, staffRoleOf } from "../auth/credentials.ts";
import type { Deps } from "../deps.ts";
import { normalizeAddress } from "./identity-address.ts";

export async function resolveIdentity(
  deps: Deps,
  kind: IdentityKind,
  externalId: string,
): Promise<Actor | { unknown: true }> {
  const address = normalizeAddress(kind, externalId);
  if (!address) return { unknown: true };
  const row = await deps.database.db
    .selectFrom("identities as i")
    .innerJoin("users as u", "u.id", "i.user_id")
    .leftJoinLateral(staffRoleOf, (join) => join.onTrue())
    .select(["u.id as user_id", "u.locale", "sr.role", "sr.provider_id"])
    .where("i.kind", "=", kind)
    .where("i.external_id", "=", address)
    .where("i.verified_at", "is not", null)
    .executeTakeFirst();
  return row ? actorFromRow(row) : { unknown: true };
}
