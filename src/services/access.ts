// Who may call a use case at all, declared on the use case and checked by the registry before it runs. What a
// caller may reach inside (which account, which provider) is checked by the use case itself, through the one
// scoped access path (accounts/find-account.ts, providers/find-provider-for-actor.ts).
import type { Actor } from "./actor.ts";
import type { UseCaseContext } from "./context.ts";
import { AppError } from "./errors.ts";

export type Access =
  /** Anyone, signed in or not: sign-up, one-time codes, gateway callbacks (checked by signature). */
  | "public"
  /** Any signed-in person: residents reach their linked accounts, staff their provider's. */
  | "signed_in"
  /** Residents only (e.g. linking an account to oneself). */
  | "resident"
  /** Staff of a provider in any role, or a platform administrator. */
  | "staff"
  /** A provider's administrator, or a platform administrator. */
  | "administrator"
  /** Platform administrators only. */
  | "platform_admin"
  /** Partners (banks, terminal networks) with a signed request; no one else, and they nothing else. */
  | "partner";

/** Throws unauthenticated (no actor), not_found (a resident at staff work) or forbidden (a staff role that may
 * not call it); otherwise returns. */
export function checkAccess(access: Access, context: UseCaseContext): void {
  if (access === "public") return;
  const actor = context.actor;
  if (!actor) throw new AppError("unauthenticated");
  if (allowed(access, actor)) return;
  // A resident asking for staff work is an outsider to every provider's data: "not found", as for any data not
  // theirs. Staff refused for their role (an operator where an administrator is needed) are told "forbidden".
  throw new AppError(actor.kind === "resident" ? "not_found" : "forbidden");
}

function allowed(access: Exclude<Access, "public">, actor: Actor): boolean {
  // A partner calls the use cases made for partners and no other: "signed in" is a person's word.
  if (actor.kind === "partner" || access === "partner")
    return actor.kind === "partner" && access === "partner";
  switch (access) {
    case "signed_in":
      return true;
    case "resident":
      return actor.kind === "resident";
    case "staff":
      return actor.kind === "staff" || actor.kind === "platform_admin";
    case "administrator":
      return actor.kind === "platform_admin" || (actor.kind === "staff" && actor.role === "administrator");
    case "platform_admin":
      return actor.kind === "platform_admin";
  }
}
