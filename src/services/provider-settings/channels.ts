// Which doors a provider takes meter readings through: its administrators switch each on or off. A reading that
// comes through a door switched off is refused (readings/decide-submission.ts, reading_channel_off); the
// residents' contacts page lists the doors that are on.
import type { Channel } from "../../db/tables/reference.table.ts";
import type { Actor } from "../actor.ts";
import type { ProviderRef } from "../billing/find-provider.ts";
import type { Deps } from "../deps.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";

/** The doors a provider can switch, in the order the console lists them (the API and the cabinet are "web"). */
export const PROVIDER_CHANNELS = [
  "web",
  "contact_centre",
  "voice",
  "viber",
  "telegram",
  "facebook",
  "sms",
  "bank",
  "import",
] as const satisfies readonly Channel[];
export type ProviderChannel = (typeof PROVIDER_CHANNELS)[number];

export interface ProviderChannels {
  provider: ProviderRef;
  channels: ProviderChannel[];
}

const inOrder = (channels: readonly string[]): ProviderChannel[] =>
  PROVIDER_CHANNELS.filter((c) => channels.includes(c));

export async function getChannels(
  deps: Deps,
  o: { actor: Actor; provider: string },
): Promise<ProviderChannels> {
  const provider = await findProviderForActor(deps, o.actor, o.provider);
  const row = await deps.database.db
    .selectFrom("providers")
    .select("channels")
    .where("id", "=", provider.id)
    .executeTakeFirstOrThrow();
  return { provider, channels: inOrder(row.channels) };
}

export async function setChannels(
  deps: Deps,
  o: { actor: Actor; provider: string; channels: ProviderChannel[] },
): Promise<ProviderChannels> {
  const provider = await findProviderForActor(deps, o.actor, o.provider);
  const channels = inOrder(o.channels);
  await deps.database.db.updateTable("providers").set({ channels }).where("id", "=", provider.id).execute();
  return { provider, channels };
}
