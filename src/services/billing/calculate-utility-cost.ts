// The calculator over the live tariffs: a provider's tariffs of a service in force in a settlement (as the billing
// run finds them: tariffsFor, its heating season), priced by the domain's calculateCost — the figure a billing run
// would charge the household — with every step for the page to show. Tariffs and norms are public, so anyone may
// ask; nothing of any account is read.
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { CostInputError, calculateCost, normKindOf } from "../../domain/billing/cost-calculator.ts";
import { TariffCoverageError } from "../../domain/billing/proration.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { Kopiykas } from "../../domain/money.ts";
import { type Period, parsePeriod, periodOf } from "../../domain/period.ts";
import { quantityToNumeric } from "../../domain/quantity.ts";
import type { Translated } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findProvider } from "./find-provider.ts";
import { heatingSeason, loadTariffs, tariffsFor } from "./run/tariff-parts.ts";

export interface CostCalculation {
  provider: { id: number; code: string; name: Translated };
  service: ServiceCode;
  serviceName: Translated;
  unit: "kWh" | "m3" | "Gcal";
  settlement: { id: number; code: string; name: Translated };
  period: string;
  basis: "norm" | "meter";
  /** What the month's tariffs set a norm by; null: none (a meter only). */
  normKind: "per_resident" | "per_m2" | null;
  residents: number | null;
  areaM2: string | null;
  /** The month's use, 3 decimals. */
  quantity: string;
  normSteps: {
    /** Units per resident (3 decimals) or per m² (as the tariff has it). */
    normPerResident: string | null;
    normPerM2: string | null;
    normDays: number;
    monthDays: number;
  }[];
  priceSteps: { quantity: string; priceUah: string; amountKop: Kopiykas; days: number; monthDays: number }[];
  consumptionKop: Kopiykas;
  fixedFeeKop: Kopiykas;
  totalKop: Kopiykas;
}

export interface CostQuestion {
  provider: string;
  service: ServiceCode;
  /** The settlement's code or id. */
  settlement: string;
  /** YYYY-MM; the current Kyiv month when not given. */
  period?: string | undefined;
  basis: "norm" | "meter";
  residents?: number | undefined;
  /** m², decimal text. */
  areaM2?: string | undefined;
  /** The meter's expected use in the month, decimal text. */
  used?: string | undefined;
}

export async function calculateUtilityCost(deps: Deps, q: CostQuestion): Promise<CostCalculation> {
  const { db } = deps.database;
  const provider = await findProvider(deps, q.provider);
  if (!provider) throw new AppError("not_found", {}, { field: "provider" });
  const text = q.settlement.trim();
  let sq = db.selectFrom("settlements").select(["id", "code", "name_uk", "name_ru", "name_en"]);
  sq = /^\d{1,9}$/.test(text) ? sq.where("id", "=", Number(text)) : sq.where("code", "=", text);
  const settlement = await sq.executeTakeFirst();
  if (!settlement) throw new AppError("not_found", {}, { field: "settlement" });
  const service = await db
    .selectFrom("services")
    .select(["unit", "name_uk", "name_ru", "name_en"])
    .where("code", "=", q.service)
    .executeTakeFirstOrThrow();
  const serviceName = { uk: service.name_uk, ru: service.name_ru, en: service.name_en };
  const settlementName = { uk: settlement.name_uk, ru: settlement.name_ru, en: settlement.name_en };
  const served = await db
    .selectFrom("provider_services")
    .select("provider_id")
    .where("provider_id", "=", provider.id)
    .where("service_code", "=", q.service)
    .where("settlement_id", "=", settlement.id)
    .executeTakeFirst();
  if (!served) {
    throw new AppError(
      "calculator_not_served",
      { provider: provider.name, service: serviceName, settlement: settlementName },
      { field: "settlement" },
    );
  }
  const period: Period = q.period ? parsePeriod(q.period) : periodOf(kyivDateOf(deps.now()));
  const tariffs = tariffsFor(await loadTariffs(db, provider.id), q.service, settlement.id).map(
    (t) => t.tariff,
  );
  const season = await heatingSeason(db, provider.id);
  const residents = q.residents ?? 0;
  const areaM2 = (q.areaM2 ?? "0").replace(",", ".");
  let result: ReturnType<typeof calculateCost>;
  try {
    result = calculateCost({
      period,
      service: q.service,
      tariffs,
      season,
      basis:
        q.basis === "norm"
          ? { kind: "norm", residents, areaM2 }
          : { kind: "meter", used: parseUse(q.used ?? "") },
    });
  } catch (e) {
    if (e instanceof TariffCoverageError) {
      throw new AppError(
        "calculator_no_tariff",
        { service: serviceName, settlement: settlementName, period },
        { field: "period", day: e.day },
      );
    }
    if (e instanceof CostInputError) {
      throw new AppError("calculator_no_norm", { service: serviceName }, { field: "basis" });
    }
    throw e;
  }
  const normKind = normKindOf(tariffs);
  return {
    provider,
    service: q.service,
    serviceName,
    unit: service.unit,
    settlement: { id: settlement.id, code: settlement.code, name: settlementName },
    period,
    basis: q.basis,
    normKind,
    residents: q.basis === "norm" && normKind === "per_resident" ? residents : null,
    areaM2: q.basis === "norm" && normKind === "per_m2" ? areaM2 : null,
    quantity: quantityToNumeric(result.quantity),
    normSteps: result.normSteps.map((s) => ({
      normPerResident: s.normPerResident === null ? null : quantityToNumeric(s.normPerResident),
      normPerM2: s.normPerM2,
      normDays: s.normDays,
      monthDays: s.monthDays,
    })),
    priceSteps: result.priceSteps.map((s) => ({ ...s, quantity: quantityToNumeric(s.quantity) })),
    consumptionKop: result.consumptionKop,
    fixedFeeKop: result.fixedFeeKop,
    totalKop: result.totalKop,
  };
}

/** The expected use, up to 3 decimals, either decimal mark; the input schema has checked its shape. */
function parseUse(text: string): bigint {
  const m = /^(\d{1,9})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!m) throw new AppError("validation_failed", { details: "used" }, { field: "used", in: "input" });
  return BigInt(m[1]!) * 1000n + BigInt((m[2] ?? "").padEnd(3, "0"));
}
