// The step between proving the password (or a sign-in code) and the second factor. A person with two-step
// sign-in on gets no session yet, only a challenge: a random token, kept as its sha256, good for 5 minutes and
// one confirmation (confirm-second-factor.ts). Everyone else gets their session at once, as before.
import { randomBytes } from "node:crypto";
import type { Db, Tx } from "../../db/database.ts";
import { hashToken } from "../auth/credentials.ts";
import { openSession, type SignedIn } from "../auth/open-session.ts";
import type { Deps } from "../deps.ts";
import type { Person } from "../identity/find-person.ts";

export const CHALLENGE_TTL_SECONDS = 5 * 60;

export interface SecondFactorRequired {
  secondFactor: "totp";
  /** Sent back with the code to confirmSecondFactor; shown only in this response. */
  challenge: string;
  expiresAt: Date;
}

export type SignInResult = SignedIn | SecondFactorRequired;

export function needsSecondFactor(result: SignInResult): result is SecondFactorRequired {
  return "secondFactor" in result;
}

/** True when the person has a (confirmed) TOTP secret: every sign-in of theirs then asks for a code. */
export async function hasTwoFactor(executor: Db | Tx, userId: number): Promise<boolean> {
  const row = await executor
    .selectFrom("user_totp")
    .select("user_id")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A session for a person without two-step sign-in; a challenge for one with it. */
export async function openSessionOrChallenge(
  deps: Deps,
  executor: Db | Tx,
  person: Person,
  userAgent?: string,
): Promise<SignInResult> {
  if (!(await hasTwoFactor(executor, person.user_id))) return openSession(deps, executor, person, userAgent);
  const challenge = `sfc_${randomBytes(32).toString("base64url")}`;
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000);
  await executor
    .insertInto("sign_in_challenges")
    .values({
      token_hash: hashToken(challenge),
      user_id: person.user_id,
      user_agent: userAgent ? userAgent.slice(0, 400) : null,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { secondFactor: "totp", challenge, expiresAt };
}
