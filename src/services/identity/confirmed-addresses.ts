// Which kinds of address a person has confirmed: what reminders may be sent through.
import type { ConfirmedAddresses } from "../../domain/reminder-channel.ts";
import type { Deps } from "../deps.ts";

export async function confirmedAddresses(deps: Deps, userId: number): Promise<ConfirmedAddresses> {
  const kinds = await deps.database.db
    .selectFrom("identities")
    .select("kind")
    .distinct()
    .where("user_id", "=", userId)
    .where("kind", "in", ["email", "phone"])
    .where("verified_at", "is not", null)
    .execute();
  return { email: kinds.some((k) => k.kind === "email"), phone: kinds.some((k) => k.kind === "phone") };
}
