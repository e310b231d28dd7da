// Who may import a provider's payment registries: the same people who run its billing — its administrators and
// platform administrators. Its operators are refused (403); anyone else is told "not found" (404).
import type { Actor } from "../actor.ts";
import { authorizeBilling } from "../billing/authorize-billing.ts";
import type { ProviderRef } from "../billing/find-provider.ts";
import type { Deps } from "../deps.ts";

export function authorizeRegistryImport(
  deps: Deps,
  options: { actor: Actor; provider: string | number },
): Promise<ProviderRef> {
  return authorizeBilling(deps, options);
}
