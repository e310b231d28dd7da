// The monthly billing run on a schedule. Each provider has its own pg-boss queue, `billing.<code>`, and at most
// one cron schedule on it (pg-boss keeps schedules by queue name), set with `abonent schedule billing`. Every tick
// bills the month before the current Kyiv month; a month already billed is closed and skipped quietly, so a
// repeated or late tick does no harm. Other failures fail the job, and pg-boss retries it later: the run resumes
// after its last committed batch.

import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { KYIV_TZ_ICU, kyivDateOf } from "../domain/kyiv-time.ts";
import { addPeriods, periodOf } from "../domain/period.ts";
import { type BillingRunSummary, billPeriod } from "../services/billing/bill-period.ts";
import { findProvider } from "../services/billing/find-provider.ts";
import { listProviders } from "../services/billing/list-providers.ts";
import type { Deps } from "../services/deps.ts";
import { AppError } from "../services/errors.ts";

const PREFIX = "billing.";

export interface BillingJobData {
  provider: string;
}

export interface BillingSchedule {
  provider: string;
  cron: string;
  timezone: string;
}

/** The pg-boss queue (and schedule name) of a provider's billing. */
export const billingQueue = (providerCode: string) => `${PREFIX}${providerCode}`;

// A run of a million accounts takes minutes, not hours; a failed one is retried three times, after 10–20, 20–40
// and 40–80 minutes (pg-boss's backoff with jitter).
const queueOptions = (name: string): PgBoss.Queue => ({
  name,
  retryLimit: 3,
  retryDelay: 600,
  retryBackoff: true,
  expireInSeconds: 6 * 3600,
});

/** Sets (a cron expression, Kyiv time) or removes (null) the provider's billing schedule. */
export async function setBillingSchedule(
  boss: PgBoss,
  providerCode: string,
  cron: string | null,
): Promise<void> {
  const name = billingQueue(providerCode);
  if (cron === null) {
    await boss.unschedule(name);
    return;
  }
  await boss.createQueue(name, queueOptions(name));
  const data: BillingJobData = { provider: providerCode };
  await boss.schedule(name, cron, data, { tz: KYIV_TZ_ICU });
}

export async function billingSchedules(boss: PgBoss): Promise<BillingSchedule[]> {
  const rows = (await boss.getSchedules()) as unknown as { name: string; cron: string; timezone: string }[];
  return rows
    .filter((s) => s.name.startsWith(PREFIX))
    .map((s) => ({ provider: s.name.slice(PREFIX.length), cron: s.cron, timezone: s.timezone }))
    .sort((a, b) => a.provider.localeCompare(b.provider));
}

/**
 * Bills the previous Kyiv month of the job's provider. Null when there was nothing to do: the month is already
 * closed, or the provider no longer exists.
 */
export async function runBillingJob(
  deps: Deps,
  data: BillingJobData,
  log: Logger,
): Promise<BillingRunSummary | null> {
  const period = addPeriods(periodOf(kyivDateOf(deps.now())), -1);
  const provider = await findProvider(deps, data.provider);
  if (!provider) {
    log.warn({ provider: data.provider, period }, "scheduled billing: no such provider, nothing billed");
    return null;
  }
  try {
    const summary = await billPeriod(deps, { providerId: provider.id, period, startedBy: "scheduler" });
    log.info({ provider: provider.code, ...summary }, "scheduled billing: period billed and closed");
    return summary;
  } catch (e) {
    if (e instanceof AppError && e.code === "billing_period_closed") {
      log.info(
        { provider: provider.code, period },
        "scheduled billing: period already closed, nothing to do",
      );
      return null;
    }
    log.error({ err: e, provider: provider.code, period }, "scheduled billing failed; pg-boss retries it");
    throw e;
  }
}

/** The worker's handler: pg-boss hands it a batch of jobs (one, as the workers below fetch them). */
export function billingJobHandler(deps: Deps, log: Logger) {
  return async (jobs: PgBoss.Job<Partial<BillingJobData>>[]): Promise<(BillingRunSummary | null)[]> => {
    const out: (BillingRunSummary | null)[] = [];
    for (const job of jobs) {
      const provider = job.data?.provider ?? job.name.slice(PREFIX.length);
      out.push(await runBillingJob(deps, { provider }, log));
    }
    return out;
  };
}

/**
 * One worker per provider's queue, so a schedule set later (from another process) is served without a restart.
 * Providers added after start-up are picked up on the next start.
 */
export async function startBillingWorkers(
  boss: PgBoss,
  deps: Deps,
  log: Logger,
  options: { pollingIntervalSeconds?: number } = {},
): Promise<string[]> {
  const handler = billingJobHandler(deps, log);
  const queues: string[] = [];
  for (const provider of await listProviders(deps)) {
    const name = billingQueue(provider.code);
    await boss.createQueue(name, queueOptions(name));
    // A monthly job can wait a minute to be picked up; an idle process polls each queue once a minute.
    await boss.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 60 }, handler);
    queues.push(name);
  }
  return queues;
}
