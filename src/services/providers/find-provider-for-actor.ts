// The one access check on a provider, as find-account.ts is on an account: staff reach their own provider,
// platform administrators any; anyone else is told "not found" (404), so providers of others cannot be probed.
// Which role may act (an operator where an administrator is needed: 403) is the use case's declared access.
import type { Actor } from "../actor.ts";
import { findProvider, type ProviderRef } from "../billing/find-provider.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";

export async function findProviderForActor(
  deps: Deps,
  actor: Actor,
  codeOrId: string | number,
): Promise<ProviderRef> {
  const provider = await findProvider(deps, codeOrId);
  if (!provider) throw new AppError("not_found");
  if (actor.kind === "platform_admin") return provider;
  if (actor.kind !== "staff" || actor.providerId !== provider.id) throw new AppError("not_found");
  return provider;
}
