// The providers a resident can link an account at: every provider of the installation, with its name in each
// language and the services it supplies, for the "link an account" form. Nothing here is private: it is what
// the providers print on their bills.
import type { Deps } from "../deps.ts";

export interface ProviderChoice {
  id: number;
  code: string;
  name: { uk: string; ru: string; en: string };
  services: string[];
}

export async function listProviderChoices(deps: Deps): Promise<ProviderChoice[]> {
  const { db } = deps.database;
  const [providers, services] = await Promise.all([
    db
      .selectFrom("providers")
      .select(["id", "code", "name_uk", "name_ru", "name_en"])
      .orderBy("id")
      .execute(),
    db.selectFrom("provider_services").select(["provider_id", "service_code"]).distinct().execute(),
  ]);
  return providers.map((p) => ({
    id: p.id,
    code: p.code,
    name: { uk: p.name_uk, ru: p.name_ru, en: p.name_en },
    services: [
      ...new Set(services.filter((s) => s.provider_id === p.id).map((s) => s.service_code as string)),
    ].sort(),
  }));
}
