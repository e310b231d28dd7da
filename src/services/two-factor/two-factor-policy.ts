// Who must sign in with a second factor: administrators of a provider and platform administrators, whose
// mistakes reach every resident of a provider (or of all). Operators may turn it on, and off again.
import type { Actor } from "../actor.ts";

export function twoFactorRequired(actor: Actor): boolean {
  return actor.kind === "platform_admin" || (actor.kind === "staff" && actor.role === "administrator");
}
