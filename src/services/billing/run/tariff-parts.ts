// The tariffs a billing run prices with, cut into parts per service, settlement and period by the domain's own
// splitByTariffs (proration.ts). The set-based SQL then joins these few rows instead of finding tariffs itself,
// so the one rule for a mid-month change lives in the domain.
import { sql } from "kysely";
import type { Db, Tx } from "../../../db/database.ts";
import type { ServiceCode } from "../../../db/tables/reference.table.ts";
import { DEFAULT_HEATING_SEASON, type HeatingSeason, normDays } from "../../../domain/billing/norms.ts";
import { splitByTariffs, TariffCoverageError } from "../../../domain/billing/proration.ts";
import { type Tariff, TariffError, validateTariff } from "../../../domain/billing/tariff.ts";
import { tariffsInSettlement } from "../../../domain/billing/tariff-scope.ts";
import { divRoundHalfAwayFromZero, parseScaledDecimal } from "../../../domain/decimal.ts";
import { parseLocalDate } from "../../../domain/local-date.ts";
import { type Kopiykas, kop } from "../../../domain/money.ts";
import { daysInPeriod, firstDay, type Period } from "../../../domain/period.ts";
import { AppError } from "../../errors.ts";
import { analyzeTemp } from "./analyze-temp.ts";

export interface TariffPartRow {
  service_code: ServiceCode;
  settlement_id: number;
  period: string; // YYYY-MM-01
  part_no: number;
  tariff_id: number;
  days: number;
  month_days: number;
  /** The month's fixed fee over all parts: Σ fee × days / monthDays, rounded half up once (proration.ts). */
  month_fee_kop: number;
  /** This part's tariff's norm: thousandths per resident, or units per m². */
  norm_per_resident_th: number | null;
  norm_per_m2: string | null;
  /** The part's days the norm applies on: all of them, or for heating those in the provider's heating season. */
  norm_days: number;
  /** The tariff in force over the part (as cut to the settlement's dates: tariff-scope.ts), for pricing in the
   * process. */
  tariff: Tariff;
}

export interface TariffGap {
  service: ServiceCode;
  settlementId: number;
  period: Period;
  day: string;
}

export interface TariffParts {
  rows: TariffPartRow[];
  gaps: TariffGap[];
  /** Services the provider has any tariff for. */
  services: Set<ServiceCode>;
  /** The tariffs themselves, by id. */
  tariffs: Map<number, Tariff>;
}

export interface LoadedTariff {
  id: number;
  service: ServiceCode;
  settlementId: number | null;
  tariff: Tariff;
}

/** Every tariff of a provider, checked (billing_tariff_invalid names a bad one). */
export async function loadTariffs(db: Db | Tx, providerId: number): Promise<LoadedTariff[]> {
  const { rows } = await sql<{
    id: number;
    service_code: ServiceCode;
    settlement_id: number | null;
    effective_from: string;
    effective_to: string | null;
    fixed_fee_kop: number;
    norm_per_resident: string | null;
    norm_per_m2: string | null;
    blocks: { up_to: string | null; price_uah: string }[];
    zones: {
      zones: 2 | 3;
      zone: number;
      name: "day" | "night" | "peak" | "half_peak";
      coefficient: string;
    }[];
  }>`
    select t.id, t.service_code, t.settlement_id, t.effective_from, t.effective_to, t.fixed_fee_kop,
      t.norm_per_resident::text, t.norm_per_m2::text,
      coalesce((select json_agg(json_build_object('up_to', b.up_to::text, 'price_uah', b.price_uah::text)
                 order by b.position) from tariff_blocks b where b.tariff_id = t.id), '[]') as blocks,
      coalesce((select json_agg(json_build_object('zones', z.zones, 'zone', z.zone, 'name', z.name,
                 'coefficient', z.coefficient::text)) from tariff_zones z where z.tariff_id = t.id), '[]') as zones
    from tariffs t where t.provider_id = ${providerId}
    order by t.id`.execute(db);
  return rows.map((r) => {
    const tariff: Tariff = {
      effectiveFrom: parseLocalDate(r.effective_from),
      effectiveTo: r.effective_to === null ? null : parseLocalDate(r.effective_to),
      fixedFeeKop: kop(r.fixed_fee_kop),
      blocks: r.blocks.map((b) => ({
        upTo: b.up_to === null ? null : (parseScaledDecimal(b.up_to, 3) ?? 0n),
        priceUah: b.price_uah,
      })),
      zones: r.zones,
      normPerResident: r.norm_per_resident === null ? null : parseScaledDecimal(r.norm_per_resident, 3),
      normPerM2: r.norm_per_m2,
    };
    try {
      validateTariff(tariff);
      if (tariff.blocks[tariff.blocks.length - 1]?.upTo !== null) {
        throw new TariffError("the last block must have no ceiling");
      }
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      throw new AppError("billing_tariff_invalid", {
        tariff: r.id,
        service: r.service_code,
        reason: e.message,
      });
    }
    return { id: r.id, service: r.service_code, settlementId: r.settlement_id, tariff };
  });
}

/**
 * The tariffs of a service in force in a settlement: its own from their start dates, the provider-wide ones on the
 * other days (tariff-scope.ts, docs/billing.md). A provider-wide tariff may come back cut into date ranges, each
 * with the tariff's id.
 */
export function tariffsFor(
  tariffs: readonly LoadedTariff[],
  service: ServiceCode,
  settlementId: number,
): LoadedTariff[] {
  return tariffsInSettlement(
    tariffs.filter((t) => t.service === service && t.settlementId === settlementId),
    tariffs.filter((t) => t.service === service && t.settlementId === null),
  );
}

/** Parts for every service the provider has tariffs for, in every settlement, for each of `periods`. */
export async function tariffParts(
  db: Db | Tx,
  providerId: number,
  periods: readonly Period[],
): Promise<TariffParts> {
  const tariffs = await loadTariffs(db, providerId);
  const season = await heatingSeason(db, providerId);
  const settlements = (await db.selectFrom("settlements").select("id").execute()).map((s) => s.id);
  const services = new Set(tariffs.map((t) => t.service));
  const rows: TariffPartRow[] = [];
  const gaps: TariffGap[] = [];
  for (const service of services) {
    for (const settlementId of settlements) {
      const candidates = tariffsFor(tariffs, service, settlementId);
      if (candidates.length === 0) continue;
      const ids = new Map(candidates.map((c) => [c.tariff, c.id]));
      for (const period of periods) {
        let split: ReturnType<typeof splitByTariffs>;
        try {
          split = splitByTariffs(
            period,
            candidates.map((c) => c.tariff),
          );
        } catch (e) {
          if (!(e instanceof TariffCoverageError)) throw e;
          gaps.push({ service, settlementId, period, day: e.day });
          continue;
        }
        const monthDays = daysInPeriod(period);
        const feeTotal = divRoundHalfAwayFromZero(
          split.reduce((a, p) => a + BigInt(p.tariff.fixedFeeKop) * BigInt(p.days), 0n),
          BigInt(monthDays),
        );
        split.forEach((p, i) => {
          rows.push({
            service_code: service,
            settlement_id: settlementId,
            period: firstDay(period),
            part_no: i + 1,
            tariff_id: ids.get(p.tariff)!,
            days: p.days,
            month_days: monthDays,
            month_fee_kop: Number(feeTotal) as Kopiykas,
            norm_per_resident_th: p.tariff.normPerResident == null ? null : Number(p.tariff.normPerResident),
            norm_per_m2: p.tariff.normPerM2 ?? null,
            norm_days: normDays(service, season, p.fromDay, p.toDay),
            tariff: p.tariff,
          });
        });
      }
    }
  }
  return { rows, gaps, services, tariffs: new Map(tariffs.map((t) => [t.id, t.tariff])) };
}

/** The provider's heating season (migration 0010). */
export async function heatingSeason(db: Db | Tx, providerId: number): Promise<HeatingSeason> {
  const row = await db
    .selectFrom("providers")
    .select(["heating_season_starts as starts", "heating_season_ends as ends"])
    .where("id", "=", providerId)
    .executeTakeFirst();
  return row ?? DEFAULT_HEATING_SEASON;
}

/** The parts as a temporary table of the current transaction, for the batch statements to join. */
export async function createPartsTable(
  tx: Tx,
  rows: readonly TariffPartRow[],
  analyze: boolean,
): Promise<void> {
  await sql`
    create temp table bill_parts on commit drop as
    select * from unnest(
      ${rows.map((r) => r.service_code)}::text[], ${rows.map((r) => r.settlement_id)}::int[],
      ${rows.map((r) => r.period)}::date[], ${rows.map((r) => r.part_no)}::int[],
      ${rows.map((r) => r.tariff_id)}::int[], ${rows.map((r) => r.days)}::int[],
      ${rows.map((r) => r.month_days)}::int[], ${rows.map((r) => r.month_fee_kop)}::bigint[],
      ${rows.map((r) => r.norm_per_resident_th)}::bigint[], ${rows.map((r) => r.norm_per_m2)}::numeric[],
      ${rows.map((r) => r.norm_days)}::int[]
    ) as p(service_code, settlement_id, period, part_no, tariff_id, days, month_days, month_fee_kop,
           norm_per_resident_th, norm_per_m2, norm_days)`.execute(tx);
  await analyzeTemp(tx, "bill_parts", analyze);
  // Per service, settlement and month, the norm summed over the parts' days (norms.ts, normUseInMonth): a premise's
  // use by norm is then div(2·N + D, 2·D) with N = per_resident·residents·10⁹ + per_m2·10⁶·area·10⁶ and
  // D = 10⁹·month_days — thousandths, rounded half up once.
  await sql`
    create temp table bill_norms on commit drop as
    select service_code, settlement_id, period, max(month_days) as month_days,
      coalesce(sum(norm_per_resident_th::numeric * norm_days), 0) as per_resident_days,
      coalesce(sum(norm_per_m2 * 1000000 * norm_days), 0) as per_m2_days
    from bill_parts
    where norm_per_resident_th is not null or norm_per_m2 is not null
    group by service_code, settlement_id, period`.execute(tx);
  await analyzeTemp(tx, "bill_norms", analyze);
}
