// Who may bill a provider and see its billing runs: that provider's administrators and platform administrators.
// The provider's operators are refused (403: they know the provider, the action is not theirs); anyone else —
// residents, another provider's staff — is told "not found" (404), as with any other provider's data.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import type { ProviderRef } from "./find-provider.ts";

export async function authorizeBilling(
  deps: Deps,
  options: { actor: Actor; provider: string | number },
): Promise<ProviderRef> {
  const { actor } = options;
  const provider = await findProviderForActor(deps, actor, options.provider);
  if (actor.kind === "staff" && actor.role !== "administrator") throw new AppError("forbidden");
  return provider;
}
