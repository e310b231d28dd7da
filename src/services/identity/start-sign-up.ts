// Signing up, step one: a resident gives an e-mail or phone and a password, and a code goes to that address.
// A login that already has an account gets the same answer and the same work (the password is hashed, a code
// row is written): its owner is told someone tried to sign up with it, and no code that could work is sent.
import type { Locale } from "../../i18n/locale.ts";
import { hashPassword } from "../auth/password.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { outboxWritten } from "../outbox/outbox-signal.ts";
import { countCodeRequest } from "./code-limits.ts";
import { type CodeRequested, codeRequested, queueCodeMessage, requireLogin } from "./code-request.ts";
import { findPerson } from "./find-person.ts";
import { prepareCode, saveCode } from "./one-time-code.ts";
import { checkNewPassword } from "./password-policy.ts";

export interface SignUpPayload {
  fullName: string;
  passwordHash: string;
  locale: Locale;
}

export async function startSignUp(
  deps: Deps,
  options: { login: string; password: string; fullName: string; locale: Locale; client?: string },
): Promise<CodeRequested> {
  const address = requireLogin(options.login);
  checkNewPassword(options.password, address);
  const fullName = options.fullName.trim().replace(/\s+/g, " ");
  if (fullName === "") {
    throw new AppError(
      "validation_failed",
      { details: { uk: "ім'я не вказано", ru: "имя не указано", en: "the name is missing" } },
      { field: "fullName", rule: "minLength" },
    );
  }
  await countCodeRequest(deps, address, options.client);
  const passwordHash = await hashPassword(options.password);
  const owner = await findPerson(deps.database.db, address);
  const target = { purpose: "sign_up" as const, kind: address.kind, externalId: address.externalId };
  const { code, hash } = await prepareCode(deps, target);
  await deps.database.db.transaction().execute(async (trx) => {
    const payload: SignUpPayload = { fullName, passwordHash, locale: options.locale };
    // For a taken login the row holds no sign-up (confirming it fails) and its code is never sent.
    await saveCode(deps, trx, target, { hash, userId: null, payload: owner ? null : { ...payload } });
    if (owner) await queueCodeMessage(deps, trx, address, "sign_up_taken", owner.locale);
    else await queueCodeMessage(deps, trx, address, "sign_up_code", options.locale, code);
  });
  outboxWritten(deps);
  return codeRequested(address);
}
