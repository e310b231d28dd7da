// Which kinds of address a person has confirmed: what reminders may be sent through (a messenger: a verified chat
// identity of that platform).
import type { ConfirmedAddresses } from "../../domain/reminder-channel.ts";
import type { Deps } from "../deps.ts";

export async function confirmedAddresses(deps: Deps, userId: number): Promise<ConfirmedAddresses> {
  const rows = await deps.database.db
    .selectFrom("identities")
    .select("kind")
    .distinct()
    .where("user_id", "=", userId)
    .where("kind", "in", ["email", "phone", "telegram", "viber", "messenger"])
    .where("verified_at", "is not", null)
    .execute();
  const has = (kind: string) => rows.some((k) => k.kind === kind);
  return {
    email: has("email"),
    phone: has("phone"),
    telegram: has("telegram"),
    viber: has("viber"),
    messenger: has("messenger"),
  };
}
