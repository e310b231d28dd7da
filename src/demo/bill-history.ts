// The demo's months billed by the same run as any other month, oldest first, so a new installation shows
// charges, estimated months, recalculations, planned payments and balances. Like a real installation taking over
// from another billing system, it starts from an opening position (opening-position.ts): the month before the
// first billed one holds each meter zone's last billed reading, so the first bill is one month's use. After the
// bills come the balances carried over and the households' payments (history-payments.ts).
import { sql } from "kysely";
import { addPeriods, type Period, periodOf, periodsBetween, prevPeriod } from "../domain/period.ts";
import { billPeriod } from "../services/billing/bill-period.ts";
import { listProviders } from "../services/billing/list-providers.ts";
import type { Deps } from "../services/deps.ts";
import { AppError } from "../services/errors.ts";
import { recordHistoryMoney } from "./history-payments.ts";
import { recordOpeningBasis } from "./opening-position.ts";

/**
 * Billed months of the demo: enough for estimates, recalculations and a planned payment, while the first start
 * stays quick; the readings keep a whole year for charts.
 */
export const BILLED_HISTORY_MONTHS = 6;

export interface BillHistoryResult {
  periods: Period[];
  runs: number;
  /** Provider-months before the provider's first tariff: nothing to bill them by. */
  skipped: number;
  totalKop: number;
  /** Accounts that carried a balance over; payments made. */
  openings: number;
  payments: number;
}

export async function billHistory(
  deps: Deps,
  options: { asOf: string; seed: number; months?: number },
  onProgress?: (runsDone: number, runsTotal: number) => void,
): Promise<BillHistoryResult> {
  const { database } = deps;
  const last = prevPeriod(periodOf(options.asOf));
  const first = addPeriods(last, 1 - (options.months ?? BILLED_HISTORY_MONTHS));
  const periods = periodsBetween(first, last);
  const providers = await listProviders(deps);
  await database.db.transaction().execute((tx) => recordOpeningBasis(tx, prevPeriod(first)));
  let runs = 0;
  let skipped = 0;
  let totalKop = 0;
  onProgress?.(0, periods.length * providers.length);
  for (const period of periods) {
    for (const provider of providers) {
      try {
        const summary = await billPeriod(deps, { providerId: provider.id, period, startedBy: "seed" });
        totalKop += summary.totalKop;
        runs++;
      } catch (e) {
        if (!(e instanceof AppError && e.code === "billing_period_before_tariffs")) throw e;
        skipped++;
      }
      onProgress?.(runs + skipped, periods.length * providers.length);
    }
  }
  const money = await database.db.transaction().execute((tx) =>
    recordHistoryMoney(tx, {
      seed: options.seed,
      opening: prevPeriod(first),
      first,
      last,
      asOf: options.asOf,
    }),
  );
  await sql`analyze ledger_entries`.execute(database.db);
  return { periods, runs, skipped, totalKop, ...money };
}
