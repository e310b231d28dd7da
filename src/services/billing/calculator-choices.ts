// What the calculator can be asked about: each provider with a tariff, the services it has tariffs for (with
// their unit and the kind of norm the tariff in force today sets) and the settlements it serves them in.
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { normKindOf } from "../../domain/billing/cost-calculator.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { Translated } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";
import { loadTariffs } from "./run/tariff-parts.ts";

export interface CalculatorChoice {
  id: number;
  code: string;
  name: Translated;
  services: {
    service: ServiceCode;
    name: Translated;
    unit: "kWh" | "m3" | "Gcal";
    normKind: "per_resident" | "per_m2" | null;
    settlements: { id: number; code: string; name: Translated }[];
  }[];
}

export async function calculatorChoices(deps: Deps): Promise<CalculatorChoice[]> {
  const { db } = deps.database;
  const today = kyivDateOf(deps.now());
  const providers = await db
    .selectFrom("providers")
    .select(["id", "code", "name_uk", "name_ru", "name_en"])
    .orderBy("id")
    .execute();
  const services = await db.selectFrom("services").selectAll().orderBy("position").execute();
  const served = await db
    .selectFrom("provider_services as ps")
    .innerJoin("settlements as s", "s.id", "ps.settlement_id")
    .select(["ps.provider_id", "ps.service_code", "s.id", "s.code", "s.name_uk", "s.name_ru", "s.name_en"])
    .orderBy("s.name_uk")
    .execute();
  const out: CalculatorChoice[] = [];
  for (const p of providers) {
    const tariffs = await loadTariffs(db, p.id);
    const offered = services.flatMap((s) => {
      const own = tariffs.filter((t) => t.service === s.code);
      const towns = served.filter((r) => r.provider_id === p.id && r.service_code === s.code);
      if (own.length === 0 || towns.length === 0) return [];
      const inForce = own.filter(
        (t) =>
          t.tariff.effectiveFrom <= today && (t.tariff.effectiveTo === null || today < t.tariff.effectiveTo),
      );
      return [
        {
          service: s.code,
          name: { uk: s.name_uk, ru: s.name_ru, en: s.name_en },
          unit: s.unit,
          normKind: normKindOf((inForce.length ? inForce : own).map((t) => t.tariff)),
          settlements: towns.map((t) => ({
            id: t.id,
            code: t.code,
            name: { uk: t.name_uk, ru: t.name_ru, en: t.name_en },
          })),
        },
      ];
    });
    if (offered.length)
      out.push({
        id: p.id,
        code: p.code,
        name: { uk: p.name_uk, ru: p.name_ru, en: p.name_en },
        services: offered,
      });
  }
  return out;
}
