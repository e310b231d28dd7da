// "If no reading is given you will be billed about X": for each meter of an account, the month its window is
// for (open now, or the next one), and what that month will be billed by. A meter whose reading is in will be
// billed by it — nothing is estimated, and no amount is promised before the run measures it. A meter without one is
// estimated by the same dated rule the billing run applies (estimateMonth: the average daily use, the norm after
// 3 estimated months for water, the norm with no history) and priced by that month's tariffs as the run prices a
// household — the estimated meters of a service together, one block allowance — with sewerage included on a water
// meter's volume. The fixed fee is not part of it: it is charged whether a reading comes or not.
import { sql } from "kysely";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import type { HistoryReading } from "../../domain/average-consumption.ts";
import { servicesBilledOnMeter } from "../../domain/billing/billed-services.ts";
import { estimateMonth, estimationRuleDay } from "../../domain/billing/estimation-rules.ts";
import { type HeatingSeason, normUseForMonth } from "../../domain/billing/norms.ts";
import { priceHouseholdProrated, TariffCoverageError } from "../../domain/billing/proration.ts";
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

export type EstimateMethod = "average_daily" | "planned_monthly_volume" | "norm" | "none";

export interface MeterEstimate {
  meterId: number;
  serial: string;
  service: ServiceCode;
  /** The month the meter's window is for (open now, or the next one), YYYY-MM. */
  period: Period;
  /** A reading for that month is in already: the month will be billed by it, nothing is estimated. */
  readingGiven: boolean;
  /** What the month will be billed by: the reading given, or the estimate's method. */
  billedBy: "reading" | EstimateMethod;
  /** The estimate's method; null when the reading is in. */
  method: EstimateMethod | null;
  /** Per zone, the estimated units with 3 decimals as text; empty when the reading is in. */
  zones: { zone: number; quantity: string }[];
  /**
   * What the estimate will cost, every service billed on this meter; null when the reading is in (the run
   * measures it) or no tariff covers the month.
   */
  amountKop: Kopiykas | null;
  citation: string;
}

export interface EstimateWithoutReading {
  meters: MeterEstimate[];
  /** What the estimates will cost: the meters still without a reading for their month (Σ their amountKop). */
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

  const estimated: {
    meter: (typeof meters)[number];
    period: Period;
    readingGiven: boolean;
    zones: { zone: number; estimate: ReturnType<typeof estimateMonth> }[];
  }[] = [];
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
    estimated.push({ meter: m, period, readingGiven, zones });
  }

  // The meters still to be estimated, priced per billed service and month as one household (sewerage rides on
  // the cold-water meters' volume); a meter's amount is its own service's share plus what rides on it.
  const amounts = new Map<number, Kopiykas | null>();
  const pending = estimated.filter((e) => !e.readingGiven);
  const groups = new Map<string, { service: ServiceCode; period: Period; members: typeof pending }>();
  for (const e of pending) {
    const billed = servicesBilledOnMeter(
      e.meter.service_code,
      new Set([e.meter.service_code, ...tariffServices]),
    );
    billed.forEach((service, i) => {
      const key = `${service}/${e.period}/${i === 0 ? "own" : "rides"}`;
      const group = groups.get(key) ?? { service, period: e.period, members: [] };
      group.members.push(e);
      groups.set(key, group);
    });
  }
  for (const [key, { service, period, members }] of groups) {
    const own = key.endsWith("/own");
    const ts = tariffsFor(tariffs, service, account.settlementId).map((t) => t.tariff);
    let shares: (Kopiykas | null)[];
    try {
      if (ts.length === 0) throw new TariffCoverageError(firstDay(period), "no tariff");
      const priced = priceHouseholdProrated(
        period,
        ts,
        members.map((e) => ({
          meterZones: e.meter.zones as MeterZones,
          usage: e.zones.map((z) => ({ zone: z.zone, used: z.estimate.used })),
        })),
      );
      shares = priced.meterZoneKop.map((zones) => sumKop(zones));
    } catch (e) {
      if (!(e instanceof RangeError)) throw e; // no tariff on some day of the month
      shares = members.map(() => null);
    }
    members.forEach((e, i) => {
      const before = amounts.get(e.meter.id);
      const share = shares[i] ?? null;
      // The meter's own service must be priced; what rides on it adds where it has a tariff.
      if (own) amounts.set(e.meter.id, share === null ? null : sumKop([share, before ?? kop(0)]));
      else if (before !== null) amounts.set(e.meter.id, sumKop([before ?? kop(0), share ?? kop(0)]));
    });
  }

  const out = estimated.map(({ meter: m, period, readingGiven, zones }): MeterEstimate => {
    const first = zones[0]!.estimate;
    return {
      meterId: m.id,
      serial: m.serial,
      service: m.service_code,
      period,
      readingGiven,
      billedBy: readingGiven ? "reading" : first.method,
      method: readingGiven ? null : first.method,
      zones: readingGiven
        ? []
        : zones.map((z) => ({ zone: z.zone, quantity: quantityToNumeric(z.estimate.used) })),
      amountKop: readingGiven ? null : (amounts.get(m.id) ?? null),
      citation: first.citation,
    };
  });
  const totalKop = sumKop(out.filter((e) => e.amountKop !== null).map((e) => e.amountKop!));
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
    // A real reading ends the streak: one the run billed, or the opening basis carried over.
    const streak = r.methods.findIndex((m) => m === "actual" || m === "opening");
    out.set(`${r.meter_id}:${r.zone}`, streak === -1 ? r.methods.length : streak);
  }
  return out;
}
