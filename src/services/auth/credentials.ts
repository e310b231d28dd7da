// The bearer tokens of the API and the actor a user acts as: shared by sign-in, token resolution and
// personal API tokens. A token is a kind prefix and 32 random bytes; the database keeps only its sha256.
import { createHash, randomBytes } from "node:crypto";
import type { ExpressionBuilder } from "kysely";
import type { Schema } from "../../db/schema.ts";
import type { StaffRole } from "../../db/tables/people.table.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";

/** "ses": a sign-in session; "abt": a personal API token. */
export type TokenKind = "ses" | "abt";

const TOKEN_PATTERN = /^(ses|abt)_[A-Za-z0-9_-]{43}$/;

export function newToken(kind: TokenKind): string {
  return `${kind}_${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The kind of a well-formed token, else null (and no database look-up is needed). */
export function tokenKind(token: string): TokenKind | null {
  const m = TOKEN_PATTERN.exec(token);
  return m ? (m[1] as TokenKind) : null;
}

/**
 * The staff role a user acts in, as a lateral subquery on "u" (users): one row or none. A user with several
 * roles acts in one, chosen deterministically: platform_admin (provider null) first, then the lowest provider id.
 */
export function staffRoleOf(eb: ExpressionBuilder<Schema & { u: Schema["users"] }, "u">) {
  return eb
    .selectFrom("staff_roles as sr")
    .select(["sr.role", "sr.provider_id"])
    .whereRef("sr.user_id", "=", "u.id")
    .orderBy("sr.provider_id", (ob) => ob.asc().nullsFirst())
    .limit(1)
    .as("sr");
}

export interface ActorRow {
  user_id: number;
  locale: Locale;
  role: StaffRole | null;
  provider_id: number | null;
}

export function actorFromRow(row: ActorRow): Actor {
  const base = { userId: row.user_id, locale: row.locale };
  if (row.role === "platform_admin") return { kind: "platform_admin", ...base };
  if ((row.role === "operator" || row.role === "administrator") && row.provider_id !== null) {
    return { kind: "staff", role: row.role, providerId: row.provider_id, ...base };
  }
  return { kind: "resident", ...base };
}
