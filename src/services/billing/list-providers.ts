// Every provider of the installation, in the order they were added: what "bill everyone" walks through and what
// the scheduler keeps a queue for.
import type { Deps } from "../deps.ts";
import type { ProviderRef } from "./find-provider.ts";

export async function listProviders(deps: Deps): Promise<ProviderRef[]> {
  const rows = await deps.database.db
    .selectFrom("providers")
    .select(["id", "code", "name_uk", "name_ru", "name_en"])
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: { uk: r.name_uk, ru: r.name_ru, en: r.name_en } }));
}
