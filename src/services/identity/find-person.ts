// The person a login names, through their verified identities (users' own e-mail and phone are identities too).
import type { Db, Tx } from "../../db/database.ts";
import type { ActorRow } from "../auth/credentials.ts";
import { staffRoleOf } from "../auth/credentials.ts";
import type { LoginAddress } from "./identity-address.ts";

export type Person = ActorRow & { full_name: string };

export function findPerson(executor: Db | Tx, address: LoginAddress): Promise<Person | undefined> {
  return executor
    .selectFrom("identities as i")
    .innerJoin("users as u", "u.id", "i.user_id")
    .leftJoinLateral(staffRoleOf, (join) => join.onTrue())
    .select(["u.id as user_id", "u.full_name", "u.locale", "sr.role", "sr.provider_id"])
    .where("i.kind", "=", address.kind)
    .where("i.external_id", "=", address.externalId)
    .where("i.verified_at", "is not", null)
    .executeTakeFirst();
}

/** The person a confirmed code was issued for (by id, inside the confirming transaction). */
export function findPersonById(executor: Db | Tx, userId: number): Promise<Person | undefined> {
  return executor
    .selectFrom("users as u")
    .leftJoinLateral(staffRoleOf, (join) => join.onTrue())
    .select(["u.id as user_id", "u.full_name", "u.locale", "sr.role", "sr.provider_id"])
    .where("u.id", "=", userId)
    .executeTakeFirst();
}
