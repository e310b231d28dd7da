// Turning two-step sign-in off: operators may, with a current code (or a recovery code), so a session left open
// on a shared computer cannot do it; administrators may not, their role requires it.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { hashRecoveryCode, normalizeRecoveryCode, useRecoveryCode } from "./recovery-codes.ts";
import { matchTotpStep } from "./totp.ts";
import { twoFactorRequired } from "./two-factor-policy.ts";

export async function disableTwoFactor(deps: Deps, actor: Actor, code: string): Promise<void> {
  if (twoFactorRequired(actor)) throw new AppError("two_factor_required_for_role");
  const recovery = normalizeRecoveryCode(code);
  const recoveryHash = recovery ? await hashRecoveryCode(deps, actor.userId, recovery) : null;
  const now = deps.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("user_totp")
      .select(["secret", "last_step"])
      .where("user_id", "=", actor.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError("two_factor_off");
    const step = matchTotpStep(row.secret, code, now);
    const fresh = step !== null && step > row.last_step;
    const ok =
      fresh || (recoveryHash !== null && (await useRecoveryCode(trx, actor.userId, recoveryHash, now)));
    if (!ok) throw new AppError("two_factor_code_invalid", {}, { field: "code" });
    await trx.deleteFrom("recovery_codes").where("user_id", "=", actor.userId).execute();
    await trx.deleteFrom("user_totp").where("user_id", "=", actor.userId).execute();
  });
}
