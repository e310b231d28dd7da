// "If no reading is given you will be billed about X": for each meter of an account, the month its window is
// for (open now, or the next one), estimated by the same dated rule the billing run applies (estimateMonth:
// the average daily use, the norm after 3 estimated months for water, the norm with no history) and priced by
// that month's tariffs — sewerage included on a water meter's volume, as the run bills it. The fixed fee is not
// part of it: it is charged whether a reading comes or not.
import { sql } from "kysely";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import type { HistoryReading } from "../../domain/average-consumption.ts";
import { servicesBilledOnMeter } from "../../domain/billing/billed-services.ts";
import { estimateMonth, estimationRuleDay } from "../../domain/billing/estimation-rules.ts";
import { type HeatingSeason, normUseForMonth } from "../../domain/billing/norms.ts";
import { priceProrated, TariffCoverageError } from "../../domain/billing/proration.ts";
import type { MeterZones, Tariff } from "../../domain/billing/tariff.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { type Kopiykas, kop, sumKop } from "../../domain/money.ts";
import { firstDay, type Period, parsePeriod } from "../../domain/period.ts";
import type { UtilityService } from "../../domain/plausibility.ts";
import { quantityToNumeric } from "../../domain/quantity.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findWindowRule, type WindowRuleInForce } from "../readings/find-window-rule.ts";
import { loadMeterHistories } from "../readings/load-meter-history.ts";
import { windowStatusView } from "../readings/window-status-view.ts";
import { heatingSeason, loadTariffs, tariffsFor } from "./run/tariff-parts.ts";

export interface MeterEstimate {
  meterId: number;
  serial: string;
  service: ServiceCode;
  /** The month the meter's window is for (open now, or the next one), YYYY-MM. */
  period: Period;
  /** A reading for that month is in already: nothing will be estimated. */
  readingGiven: boolean;
  method: "average_daily" | "planned_monthly_volume" | "norm" | "none";
  /** Per zone, units with 3 decimals as text. */
  zones: { zone: number; quantity: string }[];
  /** What the estimate would cost, every service billed on this meter; null when no tariff covers the month. */
  amountKop: Kopiykas | null;
  citation: string;
}

export interface EstimateWithoutReading {
  meters: MeterEstimate[];
  /** The meters still without a reading for their month. */
  totalKop: Kopiykas;
}

export async function estimateWithoutReading(
  deps: Deps,
  options: { actor: Actor; accountId: number },
): Promise<EstimateWithoutReading> {
  const { db } = deps.database;
  const now = deps.now();
  const today = kyivDateOf(now);
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const meters = await db
    .selectFrom("meters")
    .selectAll()
    .where("account_id", "=", account.id)
    .where((eb) => eb.or([eb("removed_on", "is", null), eb("removed_on", ">", today)]))
    .orderBy("id")
    .execute();
  if (meters.length === 0) return { meters: [], totalKop: kop(0) };
  const premise = await db
    .selectFrom("accounts as a")
    .innerJoin("premises as p", "p.id", "a.premise_id")
    .select(["p.residents", "p.area_m2"])
    .where("a.id", "=", account.id)
    .executeTakeFirstOrThrow();
  const histories = await db.transaction().execute((tx) =>
    loadMeterHistories(
      tx,
      meters.map((m) => ({ accountId: account.id, meterId: m.id })),
    ),
  );
  const tariffs = await loadTariffs(db, account.providerId);
  const season = await heatingSeason(db, account.providerId);
  const tariffServices = new Set(tariffs.map((t) => t.service));
  const estimatedRuns = await recentMethods(deps, account.id);
  const rules = new Map<ServiceCode, WindowRuleInForce>();

  const out: MeterEstimate[] = [];
  for (const m of meters) {
    let rule = rules.get(m.service_code);
    if (!rule) {
      rule = await findWindowRule(db, {
        providerId: account.providerId,
        service: m.service_code,
        settlementId: account.settlementId,
        today,
      });
      rules.set(m.service_code, rule);
    }
    const window = windowStatusView(rule, now);
    const period = parsePeriod((window.current ?? window.next).period);
    const history = histories.get(`${account.id}:${m.id}`) ?? [];
    const readingGiven = history.some((r) => r.period === firstDay(period) && r.kind !== "initial");
    const norm = monthNorm(
      period,
      tariffsFor(tariffs, m.service_code, account.settlementId).map((t) => t.tariff),
      m.service_code,
      season,
      { residents: premise.residents, areaM2: premise.area_m2 },
    );
    const service = m.service_code as UtilityService;
    const zones = Array.from({ length: m.zones }, (_, i) => i + 1).map((zone) => {
      const zoneHistory = history
        .filter((r) => r.zone === zone && r.period < firstDay(period))
        .map((r): HistoryReading => ({ deemedOn: r.deemedOn, value: r.value, kind: r.kind }));
      return {
        zone,
        estimate: estimateMonth({
          service,
          period,
          history: zoneHistory,
          meter: { digits: m.digits, decimals: m.decimals },
          monthsWithoutReading: estimatedRuns.get(`${m.id}:${zone}`) ?? 0,
          norm: zone === 1 ? norm : norm === null ? null : 0n,
          asOf: estimationRuleDay(service, firstDay(period)),
        }),
      };
    });
    const usage = zones.map((z) => ({ zone: z.zone, used: z.estimate.used }));
    // The meter's own service must be priced; sewerage on its volume is added where it has a tariff.
    const price = (service: ServiceCode): Kopiykas | null => {
      const ts = tariffsFor(tariffs, service, account.settlementId).map((t) => t.tariff);
      try {
        return ts.length === 0
          ? null
          : priceProrated(period, ts, usage, m.zones as MeterZones).consumptionKop;
      } catch (e) {
        if (e instanceof RangeError) return null; // no tariff on some day of the month
        throw e;
      }
    };
    const [own, ...derived] = servicesBilledOnMeter(
      m.service_code,
      new Set([m.service_code, ...tariffServices]),
    );
    const ownKop = price(own!);
    const amountKop = ownKop === null ? null : sumKop([ownKop, ...derived.map((s) => price(s) ?? kop(0))]);
    out.push({
      meterId: m.id,
      serial: m.serial,
      service: m.service_code,
      period,
      readingGiven,
      method: zones[0]!.estimate.method,
      zones: zones.map((z) => ({ zone: z.zone, quantity: quantityToNumeric(z.estimate.used) })),
      amountKop,
      citation: zones[0]!.estimate.citation,
    });
  }
  const totalKop = sumKop(
    out.filter((e) => !e.readingGiven && e.amountKop !== null).map((e) => e.amountKop!),
  );
  return { meters: out, totalKop };
}

/** The month's norm, or null where no tariff sets one or a day of the month has no tariff. */
function monthNorm(
  period: Period,
  tariffs: readonly Tariff[],
  service: ServiceCode,
  season: HeatingSeason,
  premise: { residents: number; areaM2: string },
): bigint | null {
  try {
    return normUseForMonth(period, tariffs, service, season, premise);
  } catch (e) {
    if (e instanceof TariffCoverageError) return null;
    throw e;
  }
}

/** Per "meterId:zone", how many of the latest billed months in a row were estimated (the water rule's count). */
async function recentMethods(deps: Deps, accountId: number): Promise<Map<string, number>> {
  const { rows } = await sql<{ meter_id: number; zone: number; methods: string[] }>`
    select b.meter_id, b.zone, array_agg(b.method order by b.period desc) as methods
    from billed_usage b
    join meters m on m.account_id = b.account_id and m.id = b.meter_id and m.service_code = b.service_code
    where b.account_id = ${accountId}
    group by b.meter_id, b.zone`.execute(deps.database.db);
  const out = new Map<string, number>();
  for (const r of rows) {
    const streak = r.methods.indexOf("actual");
    out.set(`${r.meter_id}:${r.zone}`, streak === -1 ? r.methods.length : streak);
  }
  return out;
}
