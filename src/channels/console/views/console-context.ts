// What every console page needs to draw its frame: the cabinet's page context plus who the staff member is, so
// the navigation shows an operator only the operator's sections.
import type { Actor } from "../../../services/actor.ts";
import type { PageContext } from "../../web/views/page-context.ts";

export type StaffActor = Exclude<Actor, { kind: "resident" } | { kind: "partner" }>;

export type ConsoleSection =
  | "accounts"
  | "reviews"
  | "registry-lines"
  | "inbox"
  | "windows"
  | "tariffs"
  | "news"
  | "contact-centre"
  | "channels"
  | "billing"
  | "registries"
  | "statistics"
  | "staff"
  | "audit"
  | "providers"
  | "partners"
  | "security"
  | null;

export interface ConsoleContext extends PageContext {
  actor: StaffActor;
}

/** Administrators of a provider and platform administrators do the administrator's work. */
export function isAdministrator(actor: StaffActor): boolean {
  return actor.kind === "platform_admin" || actor.role === "administrator";
}
