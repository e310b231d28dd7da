// The demo's months billed by the same run as any other month, oldest first, so a new installation shows
// charges, estimated months, recalculations, planned payments and balances against the seed's payments. The
// first month of the history is left out: its readings have nothing before them to measure from.
import { addPeriods, type Period, periodOf, periodsBetween, prevPeriod } from "../domain/period.ts";
import { billPeriod } from "../services/billing/bill-period.ts";
import { listProviders } from "../services/billing/list-providers.ts";
import type { Deps } from "../services/deps.ts";
import { AppError } from "../services/errors.ts";

export const BILLED_HISTORY_MONTHS = 11;

export interface BillHistoryResult {
  periods: Period[];
  runs: number;
  /** Provider-months before the provider's first tariff: nothing to bill them by. */
  skipped: number;
  totalKop: number;
}

export async function billHistory(
  deps: Deps,
  asOf: string,
  onProgress?: (runsDone: number, runsTotal: number) => void,
): Promise<BillHistoryResult> {
  const last = prevPeriod(periodOf(asOf));
  const periods = periodsBetween(addPeriods(last, 1 - BILLED_HISTORY_MONTHS), last);
  const providers = await listProviders(deps);
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
  return { periods, runs, skipped, totalKop };
}
