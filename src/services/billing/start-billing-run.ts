// Starting a billing run from a page: the run goes on in the background and the caller gets its id at once, to
// follow it (get-billing-run.ts). Billing a large provider takes minutes, longer than an HTTP request should be
// held. The run is billed in this process, whether or not the job queue runs here: billPeriod is resumable and
// idempotent (each batch commits with its record, a run that stopped is taken over by the next), so a process
// that dies half-way loses nothing — the next start, or the scheduled tick, carries on after the last batch. Every
// refusal billPeriod makes before its first batch (a month closed, not over, already running) reaches the caller.
import type { Period } from "../../domain/period.ts";
import type { Deps } from "../deps.ts";
import { type BillingRunSummary, billPeriod } from "./bill-period.ts";

/** Runs still billing in this process (a test, or a server shutting down, may wait for them). */
const inFlight = new Set<Promise<unknown>>();

export function startBillingRun(
  deps: Deps,
  input: { providerId: number; period: Period; startedBy: string },
): Promise<{ runId: number }> {
  return new Promise((resolve, reject) => {
    let started = false;
    const run: Promise<BillingRunSummary | null> = billPeriod(deps, {
      ...input,
      onStarted: (runId) => {
        started = true;
        resolve({ runId });
      },
    })
      .then((summary) => {
        deps.log?.info({ ...summary }, "billing run finished");
        return summary;
      })
      .catch((e: unknown) => {
        if (!started) reject(e);
        // Its batches so far are committed: starting the month again resumes it.
        else deps.log?.error({ err: e, ...input }, "billing run stopped; starting it again resumes it");
        return null;
      })
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  });
}

/** Waits for the runs this process is billing in the background. */
export async function backgroundRunsSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
