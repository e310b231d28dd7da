// Which kinds of address a person has confirmed: what reminders may be sent through (a messenger: a verified chat
// identity of that platform whose chat has not said STOP).
import type { ConfirmedAddresses } from "../../domain/reminder-channel.ts";
import type { Deps } from "../deps.ts";

export async function confirmedAddresses(deps: Deps, userId: number): Promise<ConfirmedAddresses> {
  const rows = await deps.database.db
    .selectFrom("identities as i")
    .select("i.kind")
    .distinct()
    .where("i.user_id", "=", userId)
    .where("i.verified_at", "is not", null)
    .where((eb) =>
      eb.or([
        eb("i.kind", "in", ["email", "phone"]),
        eb.and([
          eb("i.kind", "in", ["telegram", "viber", "messenger"]),
          eb.not(
            eb.exists(
              eb
                .selectFrom("conversations as c")
                .select("c.id")
                .whereRef("c.platform", "=", "i.kind")
                .whereRef("c.chat_id", "=", "i.external_id")
                .where("c.subscribed", "=", false),
            ),
          ),
        ]),
      ]),
    )
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
