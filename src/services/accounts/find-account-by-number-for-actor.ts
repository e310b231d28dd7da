// Staff look an account up the way a caller reads it out: the provider and the number typed any way. The number
// is found as the command line finds it (documents/find-account-by-number.ts), then put through the one scope
// check, so an operator finds only their own provider's accounts and anything else is "not found".
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findAccountByNumber } from "../documents/find-account-by-number.ts";
import { AppError } from "../errors.ts";
import { findAccountForActor } from "./find-account.ts";

export interface FoundAccount {
  id: number;
  number: string;
  holderName: string;
  provider: { id: number; code: string };
}

export async function findAccountByNumberForActor(
  deps: Deps,
  options: { actor: Actor; provider: string; number: string },
): Promise<FoundAccount> {
  const { actor } = options;
  const found = await findAccountByNumber(deps, { provider: options.provider, number: options.number });
  if (!found.provider || found.accountId === null) throw new AppError("not_found");
  const account = await findAccountForActor(deps.database.db, actor, found.accountId);
  return {
    id: account.id,
    number: account.number,
    holderName: account.holderName,
    provider: { id: found.provider.id, code: found.provider.code },
  };
}
