// Sign-in by e-mail or phone and password: a new session token, returned once and stored only as sha256.
// A wrong login and a wrong password look the same from outside (one error, comparable time), and attempts
// are counted in the database per login and per client, so guessing is slow on any number of processes.
import { normalizeUkrainianPhone } from "../../domain/phone.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { hit, type RateLimit, reset } from "../rate-limit.ts";
import { actorFromRow, hashToken, newToken, staffRoleOf } from "./credentials.ts";
import { verifyPassword } from "./password.ts";

export const SESSION_TTL_SECONDS = 30 * 24 * 3600;
/** Attempts per login per window; a successful sign-in clears them, so in effect: failures in a row. */
export const LOGIN_ATTEMPTS: RateLimit = { limit: 5, windowSeconds: 15 * 60 };
/** Attempts per client (IP address) per window, whatever the login. */
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

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: { id: number; fullName: string; locale: Locale };
  actor: Actor;
}

export type NormalizedLogin = { email: string } | { phone: string } | null;

/** An e-mail is lower-cased; anything else must be a Ukrainian phone number. */
export function normalizeLogin(login: string): NormalizedLogin {
  const text = login.trim();
  if (text.includes("@")) return { email: text.toLowerCase() };
  const phone = normalizeUkrainianPhone(text);
  return phone ? { phone } : null;
}

export async function signIn(deps: Deps, options: SignInOptions): Promise<SignedIn> {
  const login = normalizeLogin(options.login);
  // Unrecognisable logins are counted too (under their own text), so they cannot be used to probe freely.
  const loginKey = login
    ? "email" in login
      ? login.email
      : login.phone
    : options.login.trim().toLowerCase().slice(0, 200);

  await refuseWhenOver(deps, `sign-in:client:${options.clientKey}`, CLIENT_ATTEMPTS);
  const loginBucket = `sign-in:login:${loginKey}`;
  // Counted before the password is checked: parallel guesses cannot slip past the limit.
  await refuseWhenOver(deps, loginBucket, LOGIN_ATTEMPTS);

  const { db } = deps.database;
  const user = login
    ? await db
        .selectFrom("users as u")
        .leftJoinLateral(staffRoleOf, (join) => join.onTrue())
        .select([
          "u.id as user_id",
          "u.full_name",
          "u.locale",
          "u.password_hash",
          "sr.role",
          "sr.provider_id",
        ])
        .where((eb) => ("email" in login ? eb("u.email", "=", login.email) : eb("u.phone", "=", login.phone)))
        .executeTakeFirst()
    : undefined;
  // Users without a password (generated demo residents) are treated like unknown logins.
  const passwordOk = await verifyPassword(user?.password_hash ?? DUMMY_HASH, options.password);
  if (!user?.password_hash || !passwordOk) throw new AppError("invalid_credentials");

  await reset(deps, loginBucket);
  const token = newToken("ses");
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
  await db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: user.user_id,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
      user_agent: options.userAgent ? options.userAgent.slice(0, 400) : null,
    })
    .execute();
  return {
    token,
    expiresAt,
    user: { id: user.user_id, fullName: user.full_name, locale: user.locale },
    actor: actorFromRow(user),
  };
}

async function refuseWhenOver(deps: Deps, bucket: string, limit: RateLimit): Promise<void> {
  const result = await hit(deps, bucket, limit);
  if (!result.allowed) {
    throw new AppError(
      "too_many_attempts",
      { minutes: Math.ceil(result.retryAfterSeconds / 60) },
      { retryAfterSeconds: result.retryAfterSeconds },
    );
  }
}
