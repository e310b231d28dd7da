// Signing in with a code sent to one's e-mail or phone: a session, as a password sign-in gives — and, as there,
// only a challenge for a person with two-step sign-in on: a code to their inbox is not a second factor.
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { openSessionOrChallenge, type SignInResult } from "../two-factor/sign-in-challenge.ts";
import { requireLogin } from "./code-request.ts";
import { findPersonById } from "./find-person.ts";
import { useCode } from "./one-time-code.ts";

export async function confirmSignInCode(
  deps: Deps,
  options: { login: string; code: string; userAgent?: string },
): Promise<SignInResult> {
  const address = requireLogin(options.login);
  const target = { purpose: "sign_in" as const, kind: address.kind, externalId: address.externalId };
  return useCode(deps, target, options.code, async (trx, row) => {
    const person = row.user_id === null ? undefined : await findPersonById(trx, row.user_id);
    if (!person) throw new AppError("code_invalid");
    return openSessionOrChallenge(deps, trx, person, options.userAgent);
  });
}
