// Sign-in by e-mail or phone and password: a new session token, returned once and stored only as sha256.
// A wrong login and a wrong password look the same from outside (one error, comparable time), and failures
// are counted in the database per user (whichever login names them) and per client address, so guessing is slow
// on any number of processes. Successes are never counted: a household behind one NAT signs in freely.
import { normalizeUkrainianPhone } from "../../domain/phone.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { hit, type RateLimit, refund, reset } from "../rate-limit.ts";
import { openSessionOrChallenge, type SignInResult } from "../two-factor/sign-in-challenge.ts";
import { staffRoleOf } from "./credentials.ts";
import { verifyPassword } from "./password.ts";

/** Failures per user (or per unknown login) per window; a successful sign-in clears them: failures in a row. */
export const LOGIN_ATTEMPTS: RateLimit = { limit: 5, windowSeconds: 15 * 60 };
/** Failures per client (IP address) per window, whatever the login. */
export const CLIENT_ATTEMPTS: RateLimit = { limit: 20, windowSeconds: 15 * 60 };

// An argon2id hash (same parameters as password.ts) of a random password nobody knows: verified against when
// the login matches no one, so that answer takes as long as a wrong password.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$JVW4rHQJgyogEsK8NxzYqA$x6nxWOTkulfQpguw9YTQXukrQdgrzOwpzvxHL1Pp1EM";

export interface SignInOptions {
  /** E-mail (any case) or phone number in any usual spelling. */
  login: string;
  password: string;
  userAgent?: string;
  /** Who is knocking, for rate limiting: the client's IP address. */
  clientKey: string;
}

export { SESSION_TTL_SECONDS, type SignedIn } from "./open-session.ts";
export type { SignInResult };

export type NormalizedLogin = { email: string } | { phone: string } | null;

/** An e-mail is lower-cased; anything else must be a Ukrainian phone number. */
export function normalizeLogin(login: string): NormalizedLogin {
  const text = login.trim();
  if (text.includes("@")) return { email: text.toLowerCase() };
  const phone = normalizeUkrainianPhone(text);
  return phone ? { phone } : null;
}

/**
 * A session, or — for a person with two-step sign-in on — a challenge to confirm with a code
 * (two-factor/confirm-second-factor.ts) before any session exists.
 */
export async function signIn(deps: Deps, options: SignInOptions): Promise<SignInResult> {
  const login = normalizeLogin(options.login);
  const clientBucket = `sign-in:client:${options.clientKey}`;
  // Every attempt is counted before the password is checked, so parallel guesses cannot slip past a limit; an
  // attempt that turns out not to be a failure is taken back.
  await countAttempt(deps, clientBucket, CLIENT_ATTEMPTS);
  const user = login ? await findUser(deps, login) : undefined;
  // A user's failures add up whether they came by e-mail or by phone. Logins that name no one are counted under
  // their own text, so they cannot be used to probe freely either.
  const subjectBucket = user
    ? `sign-in:user:${user.user_id}`
    : `sign-in:login:${login ? Object.values(login)[0] : options.login.trim().toLowerCase().slice(0, 200)}`;
  try {
    await countAttempt(deps, subjectBucket, LOGIN_ATTEMPTS);
  } catch (e) {
    // Refused for the user's lock, not the address's: no password was tried from here.
    await refund(deps, clientBucket);
    throw e;
  }

  // Users without a password (generated demo residents) are treated like unknown logins.
  const passwordOk = await verifyPassword(user?.password_hash ?? DUMMY_HASH, options.password);
  if (!user?.password_hash || !passwordOk) throw new AppError("invalid_credentials");

  await refund(deps, clientBucket);
  await reset(deps, subjectBucket);
  return openSessionOrChallenge(deps, deps.database.db, user, options.userAgent);
}

/** The person whose verified e-mail or phone identity this is (users' own columns are identities too). */
function findUser(deps: Deps, login: NonNullable<NormalizedLogin>) {
  return deps.database.db
    .selectFrom("identities as i")
    .innerJoin("users as u", "u.id", "i.user_id")
    .leftJoinLateral(staffRoleOf, (join) => join.onTrue())
    .select(["u.id as user_id", "u.full_name", "u.locale", "u.password_hash", "sr.role", "sr.provider_id"])
    .where("i.kind", "=", "email" in login ? "email" : "phone")
    .where("i.external_id", "=", "email" in login ? login.email : login.phone)
    .where("i.verified_at", "is not", null)
    .executeTakeFirst();
}

/** Counts an attempt on a bucket; over the limit: too_many_attempts with how long to wait. */
export async function countAttempt(deps: Deps, bucket: string, limit: RateLimit): Promise<void> {
  const result = await hit(deps, bucket, limit);
  if (!result.allowed) {
    throw new AppError(
      "too_many_attempts",
      { minutes: Math.ceil(result.retryAfterSeconds / 60) },
      { retryAfterSeconds: result.retryAfterSeconds },
    );
  }
}
