// The provider's tariffs, past, current and future, per service and settlement; plus what it supplies where,
// for the form that adds one.
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { type ServedService, servedServices } from "../providers/served-services.ts";
import { loadTariffViews, type TariffView } from "./tariff-view.ts";

export interface TariffList {
  provider: { id: number; code: string };
  today: string;
  tariffs: TariffView[];
  services: ServedService[];
}

export async function listTariffs(
  deps: Deps,
  options: { actor: Actor; provider: string | number; service?: ServiceCode; settlementId?: number },
): Promise<TariffList> {
  const provider = await findProviderForActor(deps, options.actor, options.provider);
  const { db } = deps.database;
  const today = kyivDateOf(deps.now());
  const tariffs = await loadTariffViews(db, {
    providerId: provider.id,
    today,
    ...(options.service ? { service: options.service } : {}),
    ...(options.settlementId !== undefined ? { settlementId: options.settlementId } : {}),
  });
  return {
    provider: { id: provider.id, code: provider.code },
    today,
    tariffs,
    services: await servedServices(db, provider.id),
  };
}
