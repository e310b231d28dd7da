// The one access check on an account: residents reach the accounts linked to them, staff their provider's,
// platform administrators any. Anything else is "not found" (404, never 403), so numbers cannot be probed.
import type { Db, Tx } from "../../db/database.ts";
import type { Actor } from "../actor.ts";
import { AppError } from "../errors.ts";

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
  let q = db
    .selectFrom("accounts as a")
    .innerJoin("premises as p", "p.id", "a.premise_id")
    .select([
      "a.id",
      "a.provider_id as providerId",
      "a.number",
      "p.settlement_id as settlementId",
      "a.holder_name as holderName",
    ])
    .where("a.id", "=", accountId);
  if (actor.kind === "resident") {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("user_accounts as ua")
          .select("ua.user_id")
          .whereRef("ua.account_id", "=", "a.id")
          .where("ua.user_id", "=", actor.userId),
      ),
    );
  } else if (actor.kind === "staff") {
    q = q.where("a.provider_id", "=", actor.providerId);
  }
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError("not_found");
  return row;
}
