// Every provider of the installation for the platform administrator: what it is, and how many staff it has
// (a provider with no administrator yet needs one invited).
import type { Translated } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";

export interface ProviderSummary {
  id: number;
  code: string;
  name: Translated;
  edrpou: string;
  iban: string;
  administrators: number;
  operators: number;
}

export async function listAllProviders(deps: Deps): Promise<ProviderSummary[]> {
  const rows = await deps.database.db
    .selectFrom("providers as p")
    .leftJoin("staff_roles as sr", "sr.provider_id", "p.id")
    .select(["p.id", "p.code", "p.name_uk", "p.name_ru", "p.name_en", "p.edrpou", "p.iban"])
    .select((eb) => [
      eb.fn.count<number>("sr.user_id").filterWhere("sr.role", "=", "administrator").as("administrators"),
      eb.fn.count<number>("sr.user_id").filterWhere("sr.role", "=", "operator").as("operators"),
    ])
    .groupBy(["p.id", "p.code", "p.name_uk", "p.name_ru", "p.name_en", "p.edrpou", "p.iban"])
    .orderBy("p.code")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: { uk: r.name_uk, ru: r.name_ru, en: r.name_en },
    edrpou: r.edrpou,
    iban: r.iban,
    administrators: Number(r.administrators),
    operators: Number(r.operators),
  }));
}
