// The account a caller names on the phone: its number at the provider whose line they called and, where the caller
// said it, in the settlement they named. A number in another settlement is "not found", as an unknown one is;
// lookups are counted per caller (CALL_LOOKUPS), since either answer tells whether a number exists.

import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findAccountByNumber } from "../documents/find-account-by-number.ts";
import { AppError } from "../errors.ts";
import { hit } from "../rate-limit.ts";

/** Found or not, an answer tells whether a number exists: a caller gets this many an hour. */
export const CALL_LOOKUPS = { limit: 10, windowSeconds: 3600 };

export async function findAccountForCall(
  deps: Deps,
  options: { actor: Actor; number: string; settlementId?: number | undefined; client?: string | undefined },
): Promise<{ accountId: number; number: string }> {
  const { actor } = options;
  // Only a provider's own line looks up numbers: they mean nothing without the provider.
  if (actor.kind !== "staff") throw new AppError("not_found");
  const bucket = `voice-lookup:${actor.providerId}:${options.client ?? "line"}`;
  const counted = await hit(deps, bucket, CALL_LOOKUPS);
  if (!counted.allowed)
    throw new AppError("too_many_attempts", { retryAfterSeconds: counted.retryAfterSeconds });
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
