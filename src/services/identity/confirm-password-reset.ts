// A new password with the code: whoever held the old one is shut out — every session ends and every personal
// API token is revoked — and the sign-in failures counted against the person are forgotten.
import { hashPassword } from "../auth/password.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { reset } from "../rate-limit.ts";
import { requireLogin } from "./code-request.ts";
import { useCode } from "./one-time-code.ts";
import { checkNewPassword } from "./password-policy.ts";

export interface PasswordReset {
  sessionsEnded: number;
  apiTokensRevoked: number;
}

export async function confirmPasswordReset(
  deps: Deps,
  options: { login: string; code: string; password: string },
): Promise<PasswordReset> {
  const address = requireLogin(options.login);
  // Checked before the code is used, so a refused password does not cost the code.
  checkNewPassword(options.password, address);
  const passwordHash = await hashPassword(options.password);
  const target = { purpose: "reset_password" as const, kind: address.kind, externalId: address.externalId };
  return useCode(deps, target, options.code, async (trx, row) => {
    const userId = row.user_id;
    if (userId === null) throw new AppError("code_invalid");
    await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
    const sessions = await trx.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
    const tokens = await trx
      .updateTable("api_tokens")
      .set({ revoked_at: deps.now() })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    await reset(deps, `sign-in:user:${userId}`, { trx });
    return {
      sessionsEnded: Number(sessions.numDeletedRows),
      apiTokensRevoked: Number(tokens.numUpdatedRows),
    };
  });
}
