// The provider whose staff an administrator manages: their own (naming another is "not found", as for any data
// not theirs); a platform administrator names any.
import type { Actor } from "../actor.ts";
import type { ProviderRef } from "../billing/find-provider.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";

export async function staffProvider(deps: Deps, actor: Actor, providerId?: number): Promise<ProviderRef> {
  const id = providerId ?? (actor.kind === "staff" ? actor.providerId : undefined);
  if (id === undefined) {
    throw new AppError(
      "validation_failed",
      {
        details: {
          uk: "providerId: обов'язкове.",
          ru: "providerId: обязательно.",
          en: "providerId: required.",
        },
      },
      { field: "providerId", rule: "required" },
    );
  }
  return findProviderForActor(deps, actor, id);
}
