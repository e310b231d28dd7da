// A provider's imported payment registries, newest first: what its administrators see of their imports.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { authorizeRegistryImport } from "./authorize-registry-import.ts";
import { type PaymentRegistrySummary, registrySummaryColumns, summaryOf } from "./read-payment-registry.ts";

export async function listPaymentRegistries(
  deps: Deps,
  options: { actor: Actor; provider: string | number; limit?: number },
): Promise<PaymentRegistrySummary[]> {
  const provider = await authorizeRegistryImport(deps, options);
  const rows = await deps.database.db
    .selectFrom("payment_registries as r")
    .innerJoin("registry_sources as s", "s.id", "r.source_id")
    .select(registrySummaryColumns)
    .where("r.provider_id", "=", provider.id)
    .orderBy("r.imported_at", "desc")
    .orderBy("r.id", "desc")
    .limit(options.limit ?? 50)
    .execute();
  return rows.map(summaryOf);
}
