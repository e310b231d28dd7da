// The second step of signing in: the challenge from the first step and a code — the current TOTP code (one step
// either side, each step once) or an unused recovery code. Failures are counted like password failures: per
// person (5 in 15 minutes) and per client address (20), in the database, so guessing six digits is hopeless.
import { hashToken } from "../auth/credentials.ts";
import { openSession, type SignedIn } from "../auth/open-session.ts";
import { CLIENT_ATTEMPTS, countAttempt, LOGIN_ATTEMPTS } from "../auth/sign-in.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findPersonById } from "../identity/find-person.ts";
import { refund, reset } from "../rate-limit.ts";
import { hashRecoveryCode, normalizeRecoveryCode, useRecoveryCode } from "./recovery-codes.ts";
import { matchTotpStep } from "./totp.ts";

export interface ConfirmSecondFactorOptions {
  challenge: string;
  code: string;
  clientKey: string;
  userAgent?: string;
}

type Outcome = { signedIn: SignedIn } | { refused: AppError };

export async function confirmSecondFactor(
  deps: Deps,
  options: ConfirmSecondFactorOptions,
): Promise<SignedIn> {
  const clientBucket = `second-factor:client:${options.clientKey}`;
  await countAttempt(deps, clientBucket, CLIENT_ATTEMPTS);
  const now = deps.now();
  const challenge = await deps.database.db
    .selectFrom("sign_in_challenges")
    .select(["id", "user_id", "user_agent"])
    .where("token_hash", "=", hashToken(options.challenge))
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  if (!challenge) throw new AppError("sign_in_challenge_expired");
  const userBucket = `second-factor:user:${challenge.user_id}`;
  try {
    await countAttempt(deps, userBucket, LOGIN_ATTEMPTS);
  } catch (e) {
    await refund(deps, clientBucket);
    throw e;
  }
  // The recovery code's hash reads the server secret: before the transaction, on its own connection.
  const recovery = normalizeRecoveryCode(options.code);
  const recoveryHash = recovery ? await hashRecoveryCode(deps, challenge.user_id, recovery) : null;

  const outcome = await deps.database.db.transaction().execute(async (trx): Promise<Outcome> => {
    // The person's secret row is the lock: two parallel confirmations cannot both take one code.
    const totp = await trx
      .selectFrom("user_totp")
      .select(["secret", "last_step"])
      .where("user_id", "=", challenge.user_id)
      .forUpdate()
      .executeTakeFirst();
    if (!totp) return { refused: new AppError("sign_in_challenge_expired") };
    const step = matchTotpStep(totp.secret, options.code, now);
    let accepted = false;
    if (step !== null && step > totp.last_step) {
      await trx
        .updateTable("user_totp")
        .set({ last_step: step })
        .where("user_id", "=", challenge.user_id)
        .execute();
      accepted = true;
    } else if (recoveryHash) {
      accepted = await useRecoveryCode(trx, challenge.user_id, recoveryHash, now);
    }
    if (!accepted) return { refused: new AppError("second_factor_invalid") };
    const used = await trx
      .updateTable("sign_in_challenges")
      .set({ used_at: now })
      .where("id", "=", challenge.id)
      .where("used_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!used) return { refused: new AppError("sign_in_challenge_expired") };
    const person = await findPersonById(trx, challenge.user_id);
    if (!person) return { refused: new AppError("sign_in_challenge_expired") };
    const userAgent = options.userAgent ?? challenge.user_agent ?? undefined;
    return { signedIn: await openSession(deps, trx, person, userAgent) };
  });
  if ("refused" in outcome) throw outcome.refused;
  await refund(deps, clientBucket);
  await reset(deps, userBucket);
  return outcome.signedIn;
}
