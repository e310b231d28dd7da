// The one access check on an account: residents reach the accounts linked to them, staff their provider's,
// platform administrators any (account-scope.ts). Anything else is "not found" (404, never 403), so numbers cannot be probed.
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { Actor } from "../actor.ts";
import { AppError } from "../errors.ts";
import { accountInScope, actorValues } from "./account-scope.ts";

export interface AccountInContext {
  id: number;
  providerId: number;
  number: string;
  settlementId: number;
  holderName: string;
}

export async function findAccountForActor(
  db: Db | Tx,
  actor: Actor,
  accountId: number,
): Promise<AccountInContext> {
  const row = await db
    .selectFrom("accounts as a")
    .innerJoin("premises as p", "p.id", "a.premise_id")
    .select([
      "a.id",
      "a.provider_id as providerId",
      "a.number",
      "p.settlement_id as settlementId",
      "a.holder_name as holderName",
    ])
    .where("a.id", "=", accountId)
    .where(accountInScope("a", actorValues(actor), { id: sql<number>`${accountId}::bigint` }))
    .executeTakeFirst();
  if (!row) throw new AppError("not_found");
  return row;
}
