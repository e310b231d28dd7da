// Time spent in each step of the batches billed in the process, summed over the run's lanes (lane-seconds): what
// docs/billing.md's per-step tables are measured with; `bench:billing --path in-process` prints them. Two clock reads
// a step and a batch: nothing next to the statements they time.
const totals = new Map<string, number>();

export async function timed<T>(step: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    totals.set(step, (totals.get(step) ?? 0) + performance.now() - started);
  }
}

/** Milliseconds per step since the process started (or the last reset), in the order the steps first ran. */
export function stepTimes(): ReadonlyMap<string, number> {
  return totals;
}

export function resetStepTimes(): void {
  totals.clear();
}
