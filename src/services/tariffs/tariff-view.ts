// A provider's tariffs as the administrator reads them: dates (the end exclusive, as stored, and the last day in
// force), the fee, norms, blocks and zone coefficients, the source, and whether each is past, current or future.
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import type { ZoneName } from "../../domain/billing/tariff.ts";
import { addDays, type LocalDate } from "../../domain/local-date.ts";
import type { ServedSettlement } from "../providers/served-services.ts";

export type TariffStanding = "past" | "current" | "future";

export interface TariffView {
  id: number;
  service: ServiceCode;
  /** null: every settlement the provider supplies the service in (a settlement's own tariff wins there). */
  settlement: ServedSettlement | null;
  effectiveFrom: string;
  /** Exclusive, as stored; null while in force. */
  effectiveTo: string | null;
  /** The last day in force (the day before effectiveTo); null while open-ended. */
  lastDay: string | null;
  fixedFeeKop: number;
  normPerResident: string | null;
  normPerM2: string | null;
  blocks: { upTo: string | null; priceUah: string }[];
  zones: { zones: 2 | 3; zone: number; name: ZoneName; coefficient: string }[];
  source: string;
  illustrative: boolean;
  standing: TariffStanding;
}

/** "100.000" → "100", "0.900000" → "0.9": the figure as typed. */
export function plainDecimal(text: string): string;
export function plainDecimal(text: string | null): string | null;
export function plainDecimal(text: string | null): string | null {
  if (text === null || !text.includes(".")) return text;
  return text.replace(/0+$/, "").replace(/\.$/, "");
}

export async function loadTariffViews(
  db: Db | Tx,
  where: { providerId: number; today: LocalDate; service?: ServiceCode; settlementId?: number; id?: number },
): Promise<TariffView[]> {
  let q = db
    .selectFrom("tariffs as t")
    .innerJoin("services as sv", "sv.code", "t.service_code")
    .leftJoin("settlements as st", "st.id", "t.settlement_id")
    .select([
      "t.id",
      "t.service_code",
      "t.settlement_id",
      "st.code as settlement_code",
      "st.name_uk",
      "st.name_ru",
      "st.name_en",
      "t.effective_from",
      "t.effective_to",
      "t.fixed_fee_kop",
      "t.norm_per_resident",
      "t.norm_per_m2",
      "t.source",
      "t.illustrative",
    ])
    .where("t.provider_id", "=", where.providerId);
  if (where.id !== undefined) q = q.where("t.id", "=", where.id);
  if (where.service) q = q.where("t.service_code", "=", where.service);
  if (where.settlementId !== undefined) {
    const settlementId = where.settlementId;
    q = q.where((eb) => eb.or([eb("t.settlement_id", "=", settlementId), eb("t.settlement_id", "is", null)]));
  }
  const rows = await q
    .orderBy("sv.position")
    .orderBy(sql`st.name_uk nulls first`)
    .orderBy("t.effective_from", "desc")
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const blocks = await db
    .selectFrom("tariff_blocks")
    .select(["tariff_id", "up_to", "price_uah"])
    .where("tariff_id", "in", ids)
    .orderBy("tariff_id")
    .orderBy("position")
    .execute();
  const zones = await db
    .selectFrom("tariff_zones")
    .select(["tariff_id", "zones", "zone", "name", "coefficient"])
    .where("tariff_id", "in", ids)
    .orderBy("tariff_id")
    .orderBy("zones")
    .orderBy("zone")
    .execute();
  return rows.map((r) => {
    const from = String(r.effective_from);
    const to = r.effective_to === null ? null : String(r.effective_to);
    const standing: TariffStanding =
      from > where.today ? "future" : to !== null && to <= where.today ? "past" : "current";
    return {
      id: r.id,
      service: r.service_code,
      settlement:
        r.settlement_id === null
          ? null
          : {
              id: r.settlement_id,
              code: r.settlement_code ?? "",
              name: { uk: r.name_uk ?? "", ru: r.name_ru ?? "", en: r.name_en ?? "" },
            },
      effectiveFrom: from,
      effectiveTo: to,
      lastDay: to === null ? null : addDays(to as LocalDate, -1),
      fixedFeeKop: Number(r.fixed_fee_kop),
      normPerResident: plainDecimal(r.norm_per_resident),
      normPerM2: plainDecimal(r.norm_per_m2),
      blocks: blocks
        .filter((b) => b.tariff_id === r.id)
        .map((b) => ({ upTo: plainDecimal(b.up_to), priceUah: plainDecimal(b.price_uah) })),
      zones: zones
        .filter((z) => z.tariff_id === r.id)
        .map((z) => ({
          zones: z.zones as 2 | 3,
          zone: z.zone,
          name: z.name,
          coefficient: plainDecimal(z.coefficient),
        })),
      source: r.source,
      illustrative: r.illustrative,
      standing,
    };
  });
}
