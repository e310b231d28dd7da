// Whose statistics a caller may see or refresh: an administrator their own provider's (naming another is "not
// found", as any provider of others), a platform administrator any provider's, or every provider's at once.
import type { Actor } from "../actor.ts";
import type { ProviderRef } from "../billing/find-provider.ts";
import { listProviders } from "../billing/list-providers.ts";
import type { Deps } from "../deps.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";

/** The provider named (its code or id), else the caller's own; a platform administrator's first provider. */
export async function statisticsProvider(deps: Deps, actor: Actor, named?: string): Promise<ProviderRef> {
  if (named !== undefined) return findProviderForActor(deps, actor, named);
  if (actor.kind === "staff") return findProviderForActor(deps, actor, actor.providerId);
  const [first] = await providersVisibleTo(deps, actor);
  if (!first) throw new Error("no provider in the installation");
  return first;
}

/** The providers whose statistics the caller may choose between. */
export async function providersVisibleTo(deps: Deps, actor: Actor): Promise<ProviderRef[]> {
  if (actor.kind === "platform_admin") return listProviders(deps);
  if (actor.kind === "staff") return [await findProviderForActor(deps, actor, actor.providerId)];
  return [];
}
