// The account a partner names: a provider granted to it, and the number typed any way (normalised as everywhere).
// A provider not granted to it and an account not there are one answer, "not found", so nothing can be probed.
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import { normalizeAccountNumber } from "../../domain/account-number.ts";
import { accountIdByNumber } from "../accounts/account-by-number.ts";
import { accountInScope, actorValues } from "../accounts/account-scope.ts";
import type { Actor } from "../actor.ts";
import { AppError } from "../errors.ts";

export interface PartnerAccount {
  id: number;
  number: string;
  holderName: string;
  street: string;
  building: string;
  provider: { id: number; code: string; name: string; edrpou: string; iban: string };
}

export async function findPartnerAccount(
  db: Db | Tx,
  actor: Extract<Actor, { kind: "partner" }>,
  o: { provider: string; account: string },
): Promise<PartnerAccount> {
  const provider = await db
    .selectFrom("providers")
    .select(["id", "code", "name_uk", "edrpou", "iban"])
    .where("code", "=", o.provider.trim().toLowerCase())
    .executeTakeFirst();
  if (!provider || !actor.providerIds.includes(provider.id)) throw new AppError("not_found");
  const accountId = await accountIdByNumber(db, provider.id, normalizeAccountNumber(o.account));
  if (accountId === null) throw new AppError("not_found");
  const row = await db
    .selectFrom("accounts as a")
    .innerJoin("premises as p", "p.id", "a.premise_id")
    .select(["a.id", "a.number", "a.holder_name", "p.street", "p.building"])
    .where("a.id", "=", accountId)
    // The one scope rule, for a partner its granted providers: the check above, said again where every path says it.
    .where(accountInScope("a", actorValues(actor), { id: sql<number>`${accountId}::bigint` }))
    .executeTakeFirst();
  if (!row) throw new AppError("not_found");
  return {
    id: row.id,
    number: row.number,
    holderName: row.holder_name,
    street: row.street,
    building: row.building,
    provider: {
      id: provider.id,
      code: provider.code,
      name: provider.name_uk,
      edrpou: provider.edrpou,
      iban: provider.iban,
    },
  };
}

/** The lean look-up a payment needs: the account's id and printed number, its provider; one shard's rows. */
export async function findPartnerAccountForPayment(
  db: Db | Tx,
  actor: Extract<Actor, { kind: "partner" }>,
  o: { provider: string; account: string },
): Promise<{ accountId: number; number: string; providerId: number; providerCode: string }> {
  const normalized = normalizeAccountNumber(o.account);
  if (normalized === "") throw new AppError("not_found");
  // The grant is the partner's scope (accountInScope's partner branch): a provider not granted finds nothing.
  const found = await db
    .selectFrom("providers as p")
    .innerJoin("account_numbers as n", (j) =>
      j.onRef("n.provider_id", "=", "p.id").on("n.number_normalized", "=", normalized),
    )
    .select(["n.account_id", "p.id", "p.code"])
    .where("p.code", "=", o.provider.trim().toLowerCase())
    .where("p.id", "in", actor.providerIds.length > 0 ? actor.providerIds : [0])
    .executeTakeFirst();
  if (!found) throw new AppError("not_found");
  const account = await db
    .selectFrom("accounts")
    .select("number")
    .where("id", "=", Number(found.account_id))
    .executeTakeFirstOrThrow();
  return {
    accountId: Number(found.account_id),
    number: account.number,
    providerId: found.id,
    providerCode: found.code,
  };
}
