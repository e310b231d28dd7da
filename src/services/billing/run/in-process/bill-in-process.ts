// One batch of a billing run computed in the process (docs/billing.md, "Billing in the process"): its inputs read in
// a few plain queries, each account's month computed by the domain (register-month.ts, account-month.ts, with the
// recalculation of months billed by estimate in household-recalculation.ts) from its registers' states and the
// readings deemed after them, and the outputs written in five statements. The accounts this path does not take — a
// register with no usable state, a meter installed or removed this month, a first reading after estimated months —
// are billed by the set-based path in the same transaction, which records the batch with both parts' totals.
import type { Tx } from "../../../../db/database.ts";
import {
  type AccountMeter,
  accountMonth,
  type BilledServiceRule,
} from "../../../../domain/billing/account-month.ts";
import { type EstimatedBill, MissingPriceError } from "../../../../domain/billing/household-recalculation.ts";
import { type RegisterMonth, registerMonth } from "../../../../domain/billing/register-month.ts";
import { type LocalDate, toEpochDay } from "../../../../domain/local-date.ts";
import {
  addPeriods,
  daysInPeriod,
  firstDay,
  lastDay,
  nextPeriod,
  type Period,
  prevPeriod,
} from "../../../../domain/period.ts";
import { AppError } from "../../../errors.ts";
import type { BillingTotals } from "../../billing-totals.ts";
import { type BilledService, longestHistoryMonths, prepareBatch } from "../bill-batch.ts";
import { addTotals, checkPriced, postBatch, recordBatch } from "../post-batch.ts";
import { priceQuantities } from "../price-quantities.ts";
import { saveRegisterStates } from "../register-state.ts";
import type { TariffPartRow } from "../tariff-parts.ts";
import { BatchOutputs, writeOutputs } from "./batch-outputs.ts";
import type { PriceBook } from "./price-book.ts";
import {
  type BatchInputs,
  type EstimatedMonthRow,
  type MeterRow,
  readInputs,
  registerKey,
  type StateRow,
} from "./read-inputs.ts";
import { timed } from "./step-times.ts";

export interface InProcessBatch {
  providerId: number;
  period: Period;
  runId: number;
  accountFrom: number;
  accountTo: number;
  accounts: number;
  parts: readonly TariffPartRow[];
  prices: PriceBook;
  services: readonly BilledService[];
  /** Settlement names, for the error that names a missing tariff. */
  settlementName(id: number): string;
  analyze: boolean;
}

/** Returns how many of the batch's accounts were computed in the process. */
export async function billBatchInProcess(tx: Tx, batch: InProcessBatch): Promise<number> {
  const { period, providerId } = batch;
  const next = nextPeriod(period);
  const longest = longestHistoryMonths(batch.services);
  const epoch = (p: Period) => toEpochDay(firstDay(p));
  const inputs = await timed("read the inputs (all of the reads)", () =>
    readInputs(tx, {
      providerId,
      accountFrom: batch.accountFrom,
      accountTo: batch.accountTo,
      first: epoch(period),
      next: epoch(next),
      prev: epoch(prevPeriod(period)),
      meterServices: [...new Set(batch.services.map((s) => s.meterService))],
    }),
  );
  const { out, slow } = await timed("compute the accounts", () => computeBatch(inputs, batch));
  let totals: BillingTotals = out.totals;
  if (slow.length > 0) {
    totals = addTotals(
      totals,
      await timed("the rest by the set-based path", () => billSetBased(tx, batch, slow)),
    );
  }
  await writeOutputs(tx, out, {
    providerId,
    runId: batch.runId,
    period,
    first: firstDay(period),
    next: firstDay(next),
    entryDate: lastDay(period),
    pairsFrom: firstDay(addPeriods(next, -longest)) as LocalDate,
    accountFrom: batch.accountFrom,
    accountTo: batch.accountTo,
  });
  await recordBatch(tx, batch.runId, batch, totals);
  return inputs.accounts.length - slow.length;
}

/** The accounts the process does not take, by the set-based path (bill-batch.ts) in the batch's transaction. */
async function billSetBased(tx: Tx, batch: InProcessBatch, accounts: number[]): Promise<BillingTotals> {
  const { providerId, period } = batch;
  await prepareBatch(tx, {
    providerId,
    period,
    accountFrom: batch.accountFrom,
    accountTo: batch.accountTo,
    parts: batch.parts,
    services: batch.services,
    // Analysed whatever their number: unanalysed, nested loops are off and the joins to billed_usage and meters
    // become scans of whole tables.
    analyze: true,
    registerState: true,
    accounts,
  });
  await priceQuantities(tx);
  await checkPriced(tx);
  const totals = await postBatch(tx, { providerId, period, runId: batch.runId });
  await saveRegisterStates(tx, { providerId, period, longestMonths: longestHistoryMonths(batch.services) });
  return totals;
}

/**
 * Every account of the batch computed from its inputs, or left to the set-based path (`slow`): pure, no I/O.
 */
export function computeBatch(
  inputs: BatchInputs,
  batch: Pick<InProcessBatch, "period" | "services" | "prices" | "settlementName">,
): { out: BatchOutputs; slow: number[] } {
  const { period } = batch;
  const next = nextPeriod(period);
  const longest = longestHistoryMonths(batch.services);
  const epoch = (p: Period) => toEpochDay(firstDay(p));
  const window = {
    first: epoch(period),
    next: epoch(next),
    historyFrom: epoch(addPeriods(period, -longest)),
    pairsFrom: epoch(addPeriods(next, -longest)),
    // Per meter service, the first days of its estimate's window this month and next (its own history months).
    windows: new Map(
      batch.services
        .filter((s) => s.service === s.meterService)
        .map((s) => [
          s.meterService as string,
          {
            estimateFrom: epoch(addPeriods(period, -s.historyMonths)),
            planFrom: epoch(addPeriods(next, -s.historyMonths)),
          },
        ]),
    ),
    monthDays: daysInPeriod(period),
    nextMonthDays: daysInPeriod(next),
  };
  const rules: BilledServiceRule[] = batch.services.map((s) => ({
    meterService: s.meterService,
    service: s.service,
    averageForMonths: s.averageForMonths,
  }));
  const out = new BatchOutputs();
  const slow: number[] = [];
  for (const account of inputs.accounts) {
    const meters = inputs.meters.get(account.id) ?? [];
    const registers = registersOf(inputs, meters, window);
    if (registers === null) {
      slow.push(account.id);
      continue;
    }
    let month: ReturnType<typeof accountMonth>;
    try {
      month = accountMonth({
        residents: account.residents,
        areaHundredths: account.areaHundredths,
        meters: registers.meters,
        services: rules,
        estimatedMonths: estimatedSince(inputs.estimated.get(account.id), registers.states),
        billedBefore: inputs.billedBefore.get(account.id),
        pricesNow: batch.prices.of(account.settlementId, period),
        pricesNext: batch.prices.of(account.settlementId, next),
        pricesOf: (p) => batch.prices.of(account.settlementId, p),
        monthDays: window.monthDays,
        nextMonthDays: window.nextMonthDays,
      });
    } catch (e) {
      if (!(e instanceof MissingPriceError)) throw e;
      throw new AppError("billing_tariff_missing", {
        service: e.service,
        settlement: batch.settlementName(account.settlementId),
        day: firstDay(e.period ?? period),
      });
    }
    if (month === null) {
      slow.push(account.id);
      continue;
    }
    out.add(account.id, month);
    for (const s of registers.states) {
      if (!s.month.clean) continue;
      const actual = month.actual.has(`${s.meterId}/${s.zone}`);
      const state = s.state;
      out.states.push({
        accountId: account.id,
        meterId: s.meterId,
        zone: s.zone,
        version: state.version,
        lateCount: state.lateCount,
        coveredOn: s.month.coveredOn,
        basisValue: actual ? s.month.closing!.value : state.basisValue,
        basisPeriod: actual ? window.first : state.basisPeriod,
        last: s.month.last,
        prev: s.month.prev,
        pairs: s.month.pairs,
        pairsBefore: state.pairs,
        // Billed by a real reading: none since the basis; by estimate: one more.
        estimatedMonths: actual ? 0 : state.estimatedMonths === null ? null : state.estimatedMonths + 1,
      });
    }
  }

  return { out, slow };
}

/**
 * The months billed by estimate that count for each register: those ending after the day its use is measured from,
 * each with its days after that day (the reference's bem). With no basis at all, every one, whole.
 */
function estimatedSince(
  rows: ReadonlyMap<string, readonly EstimatedMonthRow[]> | undefined,
  registers: readonly RegisterOfAccount[],
): Map<string, EstimatedBill[]> | undefined {
  if (rows === undefined) return undefined;
  const basisDates = new Map<string, number | null>();
  for (const r of registers) basisDates.set(`${r.meterId}/${r.zone}/`, r.month.basisDate);
  const out = new Map<string, EstimatedBill[]>();
  for (const [key, months] of rows) {
    const basisDate = basisDates.get(key.slice(0, key.lastIndexOf("/") + 1));
    if (basisDate === undefined) continue;
    const kept: EstimatedBill[] = [];
    for (const m of months) {
      if (basisDate === null || m.from >= basisDate) kept.push(m);
      else if (m.to > basisDate) kept.push({ ...m, days: m.to - basisDate });
    }
    if (kept.length > 0) out.set(key, kept);
  }
  return out;
}

interface RegisterOfAccount {
  meterId: number;
  zone: number;
  state: StateRow;
  month: RegisterMonth;
}

/**
 * Every register of the account's meters computed from its state, or null when one has no usable state (written by
 * last month's run, no late reading since, its pairs reaching back far enough) or its meter was installed or removed
 * this month: the account is then the reference path's. With no billed basis, the months billed by estimate that
 * count are those after the reading the register measures from, known only once its month is computed
 * (estimatedSince).
 */
function registersOf(
  inputs: BatchInputs,
  meters: readonly MeterRow[],
  w: {
    first: number;
    next: number;
    historyFrom: number;
    pairsFrom: number;
    windows: Map<string, { estimateFrom: number; planFrom: number }>;
  },
): { meters: AccountMeter[]; states: RegisterOfAccount[] } | null {
  const out: AccountMeter[] = [];
  const states: RegisterOfAccount[] = [];
  for (const m of meters) {
    if (m.replaced) return null;
    const estimateWindow = w.windows.get(m.service);
    if (estimateWindow === undefined) return null;
    const registers: RegisterMonth[] = [];
    for (let zone = 1; zone <= m.zones; zone++) {
      const key = registerKey(m.accountId, m.id, zone);
      const s = inputs.states.get(key);
      if (!s?.current || s.pairsFrom === null || s.pairsFrom > w.historyFrom || s.coveredOn === null)
        return null;
      const month = registerMonth({
        state: {
          coveredOn: s.coveredOn,
          basisValue: s.basisValue,
          basisPeriod: s.basisPeriod,
          last: s.last,
          prev: s.prev,
          pairs: s.pairs,
          estimatedMonths: s.estimatedMonths,
        },
        readings: inputs.readings.get(key) ?? [],
        capacity: m.capacity,
        first: w.first,
        next: w.next,
        estimateFrom: estimateWindow.estimateFrom,
        planFrom: estimateWindow.planFrom,
        historyFrom: w.historyFrom,
        pairsFrom: w.pairsFrom,
      });
      registers.push(month);
      states.push({ meterId: m.id, zone, state: s, month });
    }
    out.push({ id: m.id, service: m.service, zones: m.zones, registers });
  }
  return { meters: out, states };
}
