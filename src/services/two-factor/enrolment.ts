// Turning two-step sign-in on: a new secret is made and shown (as text and as a QR code) but not stored — the
// person's page carries it to the confirmation — and a current code from the app confirms it: only then is it
// saved, with ten recovery codes made and shown once. Until then nothing about signing in changes.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { prepareRecoveryCodes, saveRecoveryCodes } from "./recovery-codes.ts";
import { hasTwoFactor } from "./sign-in-challenge.ts";
import { matchTotpStep, newTotpSecret, totpUri } from "./totp.ts";
import { twoFactorRequired } from "./two-factor-policy.ts";

export interface TwoFactorStatus {
  enabled: boolean;
  /** Required for the caller's role (administrators): it cannot be turned off. */
  required: boolean;
  recoveryCodesLeft: number;
}

const SECRET = /^[A-Z2-7]{32}$/;

async function labelOf(deps: Deps, userId: number): Promise<string> {
  const user = await deps.database.db
    .selectFrom("users")
    .select(["email", "phone", "full_name"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return user.email ?? user.phone ?? user.full_name;
}

export async function twoFactorStatus(deps: Deps, actor: Actor): Promise<TwoFactorStatus> {
  const { db } = deps.database;
  const enabled = await hasTwoFactor(db, actor.userId);
  const { left } = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("left"))
    .where("user_id", "=", actor.userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return { enabled, required: twoFactorRequired(actor), recoveryCodesLeft: enabled ? Number(left) : 0 };
}

/** A fresh secret for the app (nothing is stored yet); refused when two-step sign-in is on already. */
export async function startTwoFactorEnrolment(
  deps: Deps,
  actor: Actor,
): Promise<{ secret: string; uri: string }> {
  if (await hasTwoFactor(deps.database.db, actor.userId)) throw new AppError("two_factor_already_on");
  const secret = newTotpSecret();
  return { secret, uri: totpUri(secret, await labelOf(deps, actor.userId)) };
}

export async function confirmTwoFactorEnrolment(
  deps: Deps,
  actor: Actor,
  input: { secret: string; code: string },
): Promise<{ recoveryCodes: string[] }> {
  const secret = input.secret.replace(/\s+/g, "").toUpperCase();
  if (!SECRET.test(secret)) throw new AppError("two_factor_not_started");
  const now = deps.now();
  const step = matchTotpStep(secret, input.code, now);
  if (step === null) throw new AppError("two_factor_code_invalid", {}, { field: "code" });
  const { codes, hashes } = await prepareRecoveryCodes(deps, actor.userId);
  await deps.database.db.transaction().execute(async (trx) => {
    const saved = await trx
      .insertInto("user_totp")
      .values({ user_id: actor.userId, secret, confirmed_at: now, last_step: step })
      .onConflict((oc) => oc.column("user_id").doNothing())
      .returning("user_id")
      .executeTakeFirst();
    if (!saved) throw new AppError("two_factor_already_on");
    await saveRecoveryCodes(trx, actor.userId, hashes, now);
  });
  return { recoveryCodes: codes };
}
