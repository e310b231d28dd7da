// What a provider supplies where (provider_services): the choices of the administrator's forms for windows and
// tariffs, and the check that a rule or tariff is for a service the provider supplies in that settlement.
import type { Db, Tx } from "../../db/database.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import type { Translated } from "../../i18n/locale.ts";
import { AppError } from "../errors.ts";

export interface ServedSettlement {
  id: number;
  code: string;
  name: Translated;
}

export interface ServedService {
  service: ServiceCode;
  name: Translated;
  settlements: ServedSettlement[];
}

/** The provider's services in the services' order, each with the settlements it is supplied in by name. */
export async function servedServices(db: Db | Tx, providerId: number): Promise<ServedService[]> {
  const rows = await db
    .selectFrom("provider_services as ps")
    .innerJoin("services as sv", "sv.code", "ps.service_code")
    .innerJoin("settlements as st", "st.id", "ps.settlement_id")
    .select([
      "ps.service_code",
      "sv.name_uk as service_uk",
      "sv.name_ru as service_ru",
      "sv.name_en as service_en",
      "st.id",
      "st.code",
      "st.name_uk",
      "st.name_ru",
      "st.name_en",
    ])
    .where("ps.provider_id", "=", providerId)
    .orderBy("sv.position")
    .orderBy("st.name_uk")
    .execute();
  const out: ServedService[] = [];
  for (const r of rows) {
    let service = out.find((s) => s.service === r.service_code);
    if (!service) {
      service = {
        service: r.service_code,
        name: { uk: r.service_uk, ru: r.service_ru, en: r.service_en },
        settlements: [],
      };
      out.push(service);
    }
    service.settlements.push({
      id: r.id,
      code: r.code,
      name: { uk: r.name_uk, ru: r.name_ru, en: r.name_en },
    });
  }
  return out;
}

/**
 * Refuses (service_not_served, naming the field to correct) a service the provider does not supply at all, or a
 * settlement it does not supply it in; null settlement means everywhere it supplies the service.
 */
export async function checkServed(
  db: Db | Tx,
  where: { providerId: number; service: ServiceCode; settlementId: number | null },
): Promise<void> {
  let q = db
    .selectFrom("provider_services")
    .select("settlement_id")
    .where("provider_id", "=", where.providerId)
    .where("service_code", "=", where.service);
  if (where.settlementId !== null) q = q.where("settlement_id", "=", where.settlementId);
  const row = await q.limit(1).executeTakeFirst();
  if (!row) {
    const field = where.settlementId === null ? "service" : "settlementId";
    throw new AppError("service_not_served", {}, { field });
  }
}
