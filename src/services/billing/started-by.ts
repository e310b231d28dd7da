// Who a billing run was started by, as kept on the run: the command line, the scheduler, or a person.
import type { ActorContext } from "../context.ts";

export function startedBy(context: ActorContext): string {
  return context.channel === "cli" ? "cli" : `user:${context.actor.userId}`;
}

/** The person's user id in a run's `started_by`, or null for the command line and the scheduler. */
export function starterUserId(startedBy: string): number | null {
  const id = /^user:(\d+)$/.exec(startedBy)?.[1];
  return id ? Number(id) : null;
}
