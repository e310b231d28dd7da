// The account a caller names on the phone: its number at the provider whose line they called and, where the caller
// said it, in the settlement they named. A number in another settlement is "not found", as an unknown one is.

import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findAccountByNumber } from "../documents/find-account-by-number.ts";
import { AppError } from "../errors.ts";

export async function findAccountForCall(
  deps: Deps,
  options: { actor: Actor; number: string; settlementId?: number | undefined },
): Promise<{ accountId: number; number: string }> {
  const { actor } = options;
  // Only a provider's own line looks up numbers: they mean nothing without the provider.
  if (actor.kind !== "staff") throw new AppError("not_found");
  const found = await findAccountByNumber(deps, {
    provider: String(actor.providerId),
    number: options.number,
  });
  if (found.accountId === null) throw new AppError("not_found");
  const account = await findAccountForActor(deps.database.db, actor, found.accountId);
  if (options.settlementId !== undefined && account.settlementId !== options.settlementId)
    throw new AppError("not_found");
  return { accountId: account.id, number: account.number };
}
