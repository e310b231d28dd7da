// Signing in without a password: a code to a known e-mail or phone. An unknown address gets the same answer and
// a code row of its own that nobody receives, so every later answer (wrong, expired, used up) is the same too.
import type { CodePurpose } from "../../db/tables/identity.table.ts";
import type { Deps } from "../deps.ts";
import { outboxWritten } from "../outbox/outbox-signal.ts";
import { countCodeRequest } from "./code-limits.ts";
import type { CodeTemplate } from "./code-messages.ts";
import { type CodeRequested, codeRequested, queueCodeMessage, requireLogin } from "./code-request.ts";
import { findPerson } from "./find-person.ts";
import { prepareCode, saveCode } from "./one-time-code.ts";

export function requestSignInCode(deps: Deps, options: { login: string; client?: string }) {
  return requestCodeForPerson(deps, { ...options, purpose: "sign_in", template: "sign_in_code" });
}

/** A code for a known person (sign-in, password reset), in their stored language. */
export async function requestCodeForPerson(
  deps: Deps,
  options: { login: string; client?: string; purpose: CodePurpose; template: CodeTemplate },
): Promise<CodeRequested> {
  const address = requireLogin(options.login);
  await countCodeRequest(deps, address, options.client);
  const person = await findPerson(deps.database.db, address);
  const target = { purpose: options.purpose, kind: address.kind, externalId: address.externalId };
  const { code, hash } = await prepareCode(deps, target);
  await deps.database.db.transaction().execute(async (trx) => {
    await saveCode(deps, trx, target, { hash, userId: person?.user_id ?? null, payload: null });
    if (person) await queueCodeMessage(deps, trx, address, options.template, person.locale, code);
  });
  if (person) outboxWritten(deps);
  return codeRequested(address);
}
