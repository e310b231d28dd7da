// Signing up, step two: the code proves the address is the person's. Creates a plain resident (never staff:
// roles are given by administrators only) with the address as a verified identity, and signs them in.
import type { SignedIn } from "../auth/open-session.ts";
import { openSession } from "../auth/open-session.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { requireLogin } from "./code-request.ts";
import { useCode } from "./one-time-code.ts";
import type { SignUpPayload } from "./start-sign-up.ts";

export async function confirmSignUp(deps: Deps, options: { login: string; code: string }): Promise<SignedIn> {
  const address = requireLogin(options.login);
  const target = { purpose: "sign_up" as const, kind: address.kind, externalId: address.externalId };
  return useCode(deps, target, options.code, async (trx, row) => {
    const payload = row.payload as SignUpPayload | null;
    if (!payload) throw new AppError("code_invalid");
    // Someone else confirmed the same address first.
    const taken = await trx
      .selectFrom("identities")
      .select("id")
      .where("kind", "=", address.kind)
      .where("external_id", "=", address.externalId)
      .executeTakeFirst();
    if (taken) throw new AppError("code_invalid");
    const now = deps.now();
    const user = await trx
      .insertInto("users")
      .values({
        email: address.kind === "email" ? address.externalId : null,
        phone: address.kind === "phone" ? address.externalId : null,
        full_name: payload.fullName,
        password_hash: payload.passwordHash,
        locale: payload.locale,
        created_at: now,
      })
      .returning(["id", "full_name", "locale"])
      .executeTakeFirstOrThrow();
    // The users row's login became an identity (the trigger); the code is what verified it, and when.
    await trx
      .updateTable("identities")
      .set({ verified_at: now, created_at: now })
      .where("user_id", "=", user.id)
      .execute();
    return openSession(deps, trx, {
      user_id: user.id,
      full_name: user.full_name,
      locale: user.locale,
      role: null,
      provider_id: null,
    });
  });
}
