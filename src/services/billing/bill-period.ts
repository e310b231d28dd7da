// billPeriod: the monthly billing run of one provider — every account, in batches of account ids, each batch one
// transaction: its accounts computed in the process where their register states allow (run/in-process/), the rest
// (or, with `inProcess: false`, on Citus or without states, all of them) by set-based SQL (run/bill-batch.ts).
// Only one run per provider and period at a time (a session advisory lock); a run that was killed is taken over and
// continues after its last committed batch; a finished run closes the period, and a run for a closed period is
// refused.
import { sql } from "kysely";
import { isCitus } from "../../db/citus/is-citus.ts";
import type { Db } from "../../db/database.ts";
import { ensurePeriodPartitions } from "../../db/period-partitions.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { servicesBilledOnMeter } from "../../domain/billing/billed-services.ts";
import { estimationRuleDay, estimationRuleFor } from "../../domain/billing/estimation-rules.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { compareLocalDates, parseLocalDate } from "../../domain/local-date.ts";
import {
  addPeriods,
  firstDay,
  lastDay,
  nextPeriod,
  type Period,
  periodOf,
  periodsBetween,
} from "../../domain/period.ts";
import type { UtilityService } from "../../domain/plausibility.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { type BillingTotals, billingTotals } from "./billing-totals.ts";
import { ANALYZE_FROM_ACCOUNTS } from "./run/analyze-temp.ts";
import { sliceSources } from "./run/batch-sources.ts";
import { type BilledService, longestHistoryMonths, prepareBatch } from "./run/bill-batch.ts";
import { billBatchInProcess } from "./run/in-process/bill-in-process.ts";
import { PriceBook } from "./run/in-process/price-book.ts";
import { checkPriced, postBatch, recordBatch } from "./run/post-batch.ts";
import { priceQuantities } from "./run/price-quantities.ts";
import { saveRegisterStates, waitForReadingWriters } from "./run/register-state.ts";
import { type TariffParts, tariffParts } from "./run/tariff-parts.ts";

export interface BillPeriodInput {
  providerId: number;
  period: Period;
  /** "cli", "scheduler" or "user:<id>": kept on the run. */
  startedBy: string;
  onProgress?: (accountsDone: number, accountsTotal: number) => void;
  /** Called once the run's row exists and its size is recorded, before the first batch (a run in the background). */
  onStarted?: (runId: number) => void;
  batchSize?: number;
  /** False: bill every meter zone from its readings' history, reading and writing no register state (tests). */
  registerState?: boolean;
  /**
   * True (the default): each batch's accounts computed in the process where their register states allow
   * (run/in-process, docs/billing.md "Billing in the process"), the rest by the set-based path. False: every account
   * by the set-based path (the reference the property test also keeps). On Citus, and without register states,
   * always false.
   */
  inProcess?: boolean;
}

export interface BillingRunSummary extends BillingTotals {
  runId: number;
  providerId: number;
  period: Period;
  /** True when this run took over one that had stopped half-way. */
  resumed: boolean;
  /** Accounts this call billed in the process; the others of its batches took the set-based path. */
  inProcessAccounts: number;
  seconds: number;
}

const DEFAULT_BATCH = 20_000;
// A batch computed in the process holds its inputs and outputs in the heap, about 2.5 KB an account: four lanes of
// 20,000 held 300 MB at once (docs/billing.md, "Recalculations and basis-less registers in the process").
const IN_PROCESS_BATCH = 5_000;
const PARALLEL_BATCHES = 2;
/** Estimated months older than this are not re-priced: their tariffs are not loaded. */
const LONGEST_RECALCULATION_MONTHS = 36;
const running = new Set<string>();

export async function billPeriod(deps: Deps, input: BillPeriodInput): Promise<BillingRunSummary> {
  const started = performance.now();
  const { database } = deps;
  const { db } = database;
  const { providerId, period } = input;
  const provider = await db
    .selectFrom("providers")
    .select(["id", "code", "name_en"])
    .where("id", "=", providerId)
    .executeTakeFirst();
  if (!provider) throw new AppError("not_found");
  const params = { period, provider: provider.code };

  const canBillFrom = firstDay(nextPeriod(period));
  if (compareLocalDates(kyivDateOf(deps.now()), canBillFrom) < 0) {
    throw new AppError("billing_period_not_over", { period, from: canBillFrom });
  }
  const key = `${providerId}/${period}`;
  if (running.has(key)) throw new AppError("billing_run_in_progress", params);
  running.add(key);
  try {
    return await database.withSession(async (session) => {
      // Per schema (several installations, or test suites, may share one server), then one int4 per provider and
      // month: 1,000,000 × provider + YYYYMM.
      const lockKey = providerId * 1_000_000 + Number(period.replace("-", ""));
      const [lock] = await session.query<{ ok: boolean }>(
        "select pg_try_advisory_lock(hashtext(current_schema() || '/abonent.billing'), $1) as ok",
        [lockKey],
      );
      if (!lock?.ok) throw new AppError("billing_run_in_progress", params);
      try {
        return await runLocked(deps, input, started);
      } finally {
        await session.query(
          "select pg_advisory_unlock(hashtext(current_schema() || '/abonent.billing'), $1)",
          [lockKey],
        );
      }
    });
  } finally {
    running.delete(key);
  }
}

async function runLocked(deps: Deps, input: BillPeriodInput, started: number): Promise<BillingRunSummary> {
  const { db } = deps.database;
  const { providerId, period } = input;
  const first = firstDay(period);
  const closed = await db
    .selectFrom("closed_periods")
    .select("closed_at")
    .where("provider_id", "=", providerId)
    .where("period", "=", first)
    .executeTakeFirst();
  const provider = await db
    .selectFrom("providers")
    .select("code")
    .where("id", "=", providerId)
    .executeTakeFirstOrThrow();
  if (closed) {
    throw new AppError(
      "billing_period_closed",
      { period, provider: provider.code, closedAt: closed.closed_at.toISOString().slice(0, 10) },
      { closed_at: closed.closed_at.toISOString() },
    );
  }

  await refuseOutOfOrder(db, { providerId, period, provider: provider.code });

  const parts = await loadParts(db, providerId, period);
  await checkTariffCoverage(db, providerId, period, parts);
  const services = billedServices(parts, period);

  const existing = await db
    .selectFrom("billing_runs")
    .select("id")
    .where("provider_id", "=", providerId)
    .where("period", "=", first)
    .where("status", "=", "running")
    .executeTakeFirst();
  const run =
    existing ??
    (await db
      .insertInto("billing_runs")
      .values({ provider_id: providerId, period: first, status: "running", started_by: input.startedBy })
      .returning("id")
      .executeTakeFirstOrThrow());

  // The month's partitions, and the next month's for the planned payments, in their own short transactions: a
  // partition created inside a batch would hold a lock on its table until that batch commits.
  await ensurePeriodPartitions(db, "ledger_entries", [first]);
  await ensurePeriodPartitions(db, "billed_usage", [first]);
  await ensurePeriodPartitions(db, "planned_payments", [firstDay(nextPeriod(period))]);

  const registerState = input.registerState ?? true;
  // On Citus each batch reads its slices of the account's tables (run/batch-sources.ts), and is computed set-based.
  const citus = await isCitus(deps.database);
  // Computing in the process needs the register states: without them every account takes the set-based path.
  const inProcess = registerState && !citus && (input.inProcess ?? true);
  const prices = inProcess ? new PriceBook(parts.rows) : null;
  const settlementNames = new Map(
    (await db.selectFrom("settlements").select(["id", "name_en"]).execute()).map((r) => [r.id, r.name_en]),
  );
  if (registerState && deps.database.engine === "postgres") await waitForReadingWriters(db);

  const batchSize = input.batchSize ?? (inProcess ? IN_PROCESS_BATCH : DEFAULT_BATCH);
  const remaining = await remainingBatches(db, providerId, run.id, batchSize);
  const { batches, total } = remaining;
  let done = remaining.done;
  // The run's size on its row, for pages that follow it from any process (migration 0027).
  await db
    .updateTable("billing_runs")
    .set({ accounts_total: total, batches_total: remaining.doneBatches + batches.length })
    .where("id", "=", run.id)
    .execute();
  input.onStarted?.(run.id);
  input.onProgress?.(done, total);

  let inProcessAccounts = 0;
  const billBatch = async (batch: AccountBatch) => {
    await db.transaction().execute(async (tx) => {
      // A batch lost to a crash after its commit is billed again when the run resumes (every insert skips what is
      // posted, and the batch's range is recorded in the same transaction), so it need not wait for the disk.
      await sql`set local synchronous_commit = off`.execute(tx);
      if (deps.database.engine === "postgres") {
        // The batch's sorts and hashes stay in memory rather than spilling to disk.
        await sql`set local work_mem = '64MB'`.execute(tx);
        // Compiling these one-off statements costs more than it saves.
        await sql`set local jit = off`.execute(tx);
      }
      const { accountFrom, accountTo } = batch;
      const analyze = batch.accounts >= ANALYZE_FROM_ACCOUNTS;
      if (prices) {
        const computed = await billBatchInProcess(tx, {
          providerId,
          period,
          runId: run.id,
          ...batch,
          parts: parts.rows,
          prices,
          services,
          settlementName: (id) => settlementNames.get(id) ?? String(id),
          analyze,
        });
        inProcessAccounts += computed;
        return;
      }
      // Unanalysed, the planner underestimates the temporary tables' joins and picks nested loops that never end
      // (seen: 7 minutes for one statement); hash joins are right for every join of a batch.
      if (!analyze) await sql`set local enable_nestloop = off`.execute(tx);
      await prepareBatch(tx, {
        providerId,
        period,
        accountFrom,
        accountTo,
        parts: parts.rows,
        services,
        analyze,
        registerState,
        ...(citus ? { sources: await sliceSources(tx, { providerId, accountFrom, accountTo }) } : {}),
      });
      await priceQuantities(tx);
      await checkPriced(tx);
      const totals = await postBatch(tx, { providerId, period, runId: run.id });
      if (registerState) {
        await saveRegisterStates(tx, { providerId, period, longestMonths: longestHistoryMonths(services) });
      }
      await recordBatch(tx, run.id, batch, totals);
    });
    done += batch.accounts;
    input.onProgress?.(done, total);
  };
  // PostgreSQL bills two batches at once (one per core of a small server); PGlite has one connection.
  const lanes = deps.database.engine === "postgres" ? PARALLEL_BATCHES : 1;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, batches.length) }, async () => {
      while (next < batches.length) await billBatch(batches[next++]!);
    }),
  );

  const totals = await billingTotals(db, run.id);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable("billing_runs")
      .set({ status: "finished", finished_at: new Date(), totals: JSON.stringify(totals) })
      .where("id", "=", run.id)
      .execute();
    await tx
      .insertInto("closed_periods")
      .values({ provider_id: providerId, period: first, run_id: run.id })
      .execute();
  });
  return {
    ...totals,
    runId: run.id,
    providerId,
    period,
    resumed: existing !== undefined,
    inProcessAccounts,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}

/**
 * A month before the provider's last closed one would change bills already issued, and one before its first tariff
 * has nothing to be billed by: both are refused. Corrections to a closed month reach the next open one as
 * recalculation lines.
 */
async function refuseOutOfOrder(
  db: Db,
  { providerId, period, provider }: { providerId: number; period: Period; provider: string },
): Promise<void> {
  const { rows } = await sql<{ last_closed: string | null; first_tariff: string | null }>`
    select (select max(period)::text from closed_periods where provider_id = ${providerId}) as last_closed,
      (select min(effective_from)::text from tariffs where provider_id = ${providerId}) as first_tariff`.execute(
    db,
  );
  const lastClosed = rows[0]?.last_closed ? parseLocalDate(rows[0].last_closed) : null;
  if (lastClosed !== null && compareLocalDates(firstDay(period), lastClosed) < 0) {
    throw new AppError("billing_period_before_closed", {
      period,
      provider,
      lastClosed: periodOf(lastClosed),
    });
  }
  const firstTariff = rows[0]?.first_tariff ? parseLocalDate(rows[0].first_tariff) : null;
  if (firstTariff !== null && compareLocalDates(lastDay(period), firstTariff) < 0) {
    throw new AppError("billing_period_before_tariffs", { period, provider, from: firstTariff });
  }
}

/** Tariff parts from the oldest month a recalculation may re-price to the next period (planned payment). */
async function loadParts(db: Db, providerId: number, period: Period): Promise<TariffParts> {
  const oldest = addPeriods(period, -LONGEST_RECALCULATION_MONTHS);
  const { rows } = await sql<{ p: string | null }>`
    select min(period)::text as p from billed_usage
    where provider_id = ${providerId} and method in ('average', 'norm', 'none')
      and period >= ${firstDay(oldest)}::date and period < ${firstDay(period)}::date`.execute(db);
  const from = rows[0]?.p ? periodOf(rows[0].p) : period;
  return tariffParts(db, providerId, periodsBetween(from, nextPeriod(period)));
}

/** Every service a provider's meters measure in a settlement needs a tariff for every day of the period. */
async function checkTariffCoverage(
  db: Db,
  providerId: number,
  period: Period,
  parts: TariffParts,
): Promise<void> {
  const first = firstDay(period);
  const next = firstDay(nextPeriod(period));
  // Quick and usual: every (service, zones) the provider's meters have, in every settlement it has accounts in, is
  // priced — a superset of the combinations that occur, so nothing is missing. Only when some combination of the
  // superset is not priced are the meters themselves looked at, to name one that really occurs (or none).
  const { rows: kinds } = await sql<{ service_code: ServiceCode; zones: number }>`
    select distinct m.service_code, m.zones::int as zones from meters m
    where m.provider_id = ${providerId}
      and m.installed_on < ${next}::date and (m.removed_on is null or m.removed_on >= ${first}::date)`.execute(
    db,
  );
  const { rows: towns } = await sql<{ settlement_id: number; name: string }>`
    with towns as materialized (
      select distinct pr.settlement_id from accounts a join premises pr on pr.id = a.premise_id
      where a.provider_id = ${providerId}
    )
    select s.id as settlement_id, s.name_en as name from settlements s join towns t on t.settlement_id = s.id`.execute(
    db,
  );
  const superset = kinds.flatMap((k) => towns.map((t) => ({ ...k, ...t })));
  if (superset.every((r) => coverageProblem(r, period, parts) === null)) return;

  const { rows } = await sql<{
    service_code: ServiceCode;
    settlement_id: number;
    name: string;
    zones: number;
  }>`
    select distinct m.service_code, pr.settlement_id, s.name_en as name, m.zones::int as zones
    from accounts a
    join premises pr on pr.id = a.premise_id
    join settlements s on s.id = pr.settlement_id
    join meters m on m.account_id = a.id
    where a.provider_id = ${providerId}
      and m.installed_on < ${next}::date and (m.removed_on is null or m.removed_on >= ${first}::date)`.execute(
    db,
  );
  for (const r of rows) {
    const problem = coverageProblem(r, period, parts);
    if (problem) throw problem;
  }
}

function coverageProblem(
  r: { service_code: ServiceCode; settlement_id: number; name: string; zones: number },
  period: Period,
  parts: TariffParts,
): AppError | null {
  const first = firstDay(period);
  const gaps = parts.gaps.filter((g) => g.period !== nextPeriod(period));
  const gap = gaps.find((g) => g.service === r.service_code && g.settlementId === r.settlement_id);
  const covered = parts.rows.some(
    (p) => p.period === first && p.service_code === r.service_code && p.settlement_id === r.settlement_id,
  );
  if (gap || !covered) {
    return new AppError("billing_tariff_missing", {
      service: r.service_code,
      settlement: r.name,
      day: gap?.day ?? first,
    });
  }
  if (r.zones === 1) return null;
  // A multi-zone meter needs the tariff's coefficient for each of its zones.
  for (const part of parts.rows) {
    if (
      part.period !== first ||
      part.service_code !== r.service_code ||
      part.settlement_id !== r.settlement_id
    )
      continue;
    const coefficients = parts.tariffs.get(part.tariff_id)?.zones?.filter((z) => z.zones === r.zones) ?? [];
    if (coefficients.length < r.zones) {
      return new AppError("billing_tariff_invalid", {
        tariff: part.tariff_id,
        service: r.service_code,
        reason: `it has no zone coefficients for a ${r.zones}-zone meter (${r.name}, ${period})`,
      });
    }
  }
  return null;
}

/** Each service with a tariff is billed on its own meters; sewerage also on the cold-water meters' volume. */
function billedServices(parts: TariffParts, period: Period): BilledService[] {
  const on = firstDay(period);
  const ruleOf = (service: ServiceCode) => {
    const rule = estimationRuleFor(
      service as UtilityService,
      estimationRuleDay(service as UtilityService, on),
    );
    return { historyMonths: rule.historyMonths, averageForMonths: rule.averageForMonths };
  };
  return [...parts.services].flatMap((meterService) =>
    servicesBilledOnMeter(meterService, parts.services).map((service) => ({
      meterService,
      service,
      ...ruleOf(service),
    })),
  );
}

interface AccountBatch {
  accountFrom: number;
  accountTo: number;
  accounts: number;
}

/**
 * The provider's accounts that no committed batch of this run covers, cut into id ranges of `size` accounts.
 * A range never spans a recorded batch's (when a run resumes): the in-process path's inserts skip nothing, so a
 * batch must hold only accounts not billed yet. The ids come through the provider's index and are cut here (a
 * window over them in SQL cost a second on the largest provider).
 */
async function remainingBatches(
  db: Db,
  providerId: number,
  runId: number,
  size: number,
): Promise<{ batches: AccountBatch[]; total: number; done: number; doneBatches: number }> {
  const { rows: ids } = await sql<{ id: number }>`
    select id from accounts where provider_id = ${providerId} order by id`.execute(db);
  const done = await db
    .selectFrom("billing_run_batches")
    .select(["account_from", "account_to", "accounts"])
    .where("run_id", "=", runId)
    .orderBy("account_from")
    .execute();
  const covered = (id: number) => done.some((b) => id >= Number(b.account_from) && id < Number(b.account_to));
  const batches: AccountBatch[] = [];
  let current: number[] = [];
  const flush = () => {
    if (current.length === 0) return;
    batches.push({ accountFrom: current[0]!, accountTo: current.at(-1)! + 1, accounts: current.length });
    current = [];
  };
  for (const { id } of ids) {
    if (done.length > 0 && covered(Number(id))) {
      flush();
      continue;
    }
    current.push(Number(id));
    if (current.length === size) flush();
  }
  flush();
  return {
    batches,
    total: ids.length,
    done: done.reduce((n, b) => n + b.accounts, 0),
    doneBatches: done.length,
  };
}
