// Every change a staff member makes goes to the audit log, whatever the door: a use case that changes something
// says `audited: true`, and the registry writes one line after it succeeds (who, which provider and account,
// through which door, the use case's name, and its input with anything secret blanked). Refusals are not
// written: an outsider's attempt must leave nothing behind (the isolation test checks it).
import type { ActorContext } from "../context.ts";
import type { Deps } from "../deps.ts";

const SECRET = /password|secret|token|code$|^code|recovery/i;

/** The input as the log keeps it: secrets blanked, long texts cut, nested objects kept. */
export function auditDetails(input: unknown): Record<string, unknown> {
  if (!input || typeof input !== "object") return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (SECRET.test(key)) out[key] = "•••";
    else if (typeof value === "string" && value.length > 500) out[key] = `${value.slice(0, 500)}…`;
    else out[key] = value;
  }
  return out;
}

function numberField(input: unknown, name: string): number | null {
  const value = input && typeof input === "object" ? (input as Record<string, unknown>)[name] : undefined;
  return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
}

export async function auditStaffAction(
  deps: Deps,
  context: ActorContext,
  action: string,
  input: unknown,
): Promise<void> {
  const actor = context.actor;
  if (actor.kind === "resident") return;
  await deps.database.db
    .insertInto("audit_log")
    .values({
      at: deps.now(),
      // The command line acts as the platform's operator, who is no user (its id is 0): the door says who.
      actor_user_id: context.channel === "cli" ? null : actor.userId,
      provider_id: actor.kind === "staff" ? actor.providerId : numberField(input, "providerId"),
      account_id: numberField(input, "accountId"),
      channel: context.channel,
      action,
      details: JSON.stringify(auditDetails(input)) as never,
    })
    .execute();
}
