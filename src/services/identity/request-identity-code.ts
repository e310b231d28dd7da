// Adding an e-mail or phone to my cabinet, step one: a code goes to the address. An address that is already
// another person's gets the same answer and the same work, and its owner a note instead of a code (as a sign-up
// with a taken login does), so asking tells nobody whose it is, nor whether anyone's. One already mine is said so.
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { outboxWritten } from "../outbox/outbox-signal.ts";
import { countCodeRequest } from "./code-limits.ts";
import { type CodeRequested, codeRequested, queueCodeMessage, requireLogin } from "./code-request.ts";
import { findPerson } from "./find-person.ts";
import type { LoginAddress } from "./identity-address.ts";
import { prepareCode, saveCode } from "./one-time-code.ts";

/** What confirming an added address carries out: whose cabinet it joins. */
export interface AddIdentityPayload {
  userId: number;
}

export const addIdentityTarget = (address: LoginAddress) => ({
  purpose: "add_identity" as const,
  kind: address.kind,
  externalId: address.externalId,
});

export async function requestIdentityCode(
  deps: Deps,
  options: { actor: Actor; login: string; locale: Locale; client?: string },
): Promise<CodeRequested> {
  const address = requireLogin(options.login);
  const owner = await findPerson(deps.database.db, address);
  if (owner?.user_id === options.actor.userId)
    throw new AppError("identity_already_yours", {}, { field: "login" });
  // Per address (its owner's inbox) and per person (one cabinet cannot walk through many addresses).
  await countCodeRequest(deps, address, options.client ?? `user:${options.actor.userId}`);
  const target = addIdentityTarget(address);
  const { code, hash } = await prepareCode(deps, target);
  await deps.database.db.transaction().execute(async (trx) => {
    const payload: AddIdentityPayload = { userId: options.actor.userId };
    // For another person's address the row can confirm nothing, and its code is never sent.
    await saveCode(deps, trx, target, {
      hash,
      userId: options.actor.userId,
      payload: owner ? null : { ...payload },
    });
    if (owner) await queueCodeMessage(deps, trx, address, "add_identity_taken", owner.locale);
    else await queueCodeMessage(deps, trx, address, "add_identity_code", options.locale, code);
  });
  outboxWritten(deps);
  return codeRequested(address);
}
