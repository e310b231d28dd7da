// Housekeeping on a schedule: every hour, the rows of sessions past their lifetime and of rate-limit windows that
// have ended are deleted. Both are refused already when met; this only keeps the tables small.
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { KYIV_TZ_ICU } from "../domain/kyiv-time.ts";
import { purgeExpiredSessions } from "../services/auth/purge-expired-sessions.ts";
import type { Deps } from "../services/deps.ts";
import { purgeExpired } from "../services/rate-limit.ts";

export const HOUSEKEEPING_QUEUE = "housekeeping";
const EVERY_HOUR = "17 * * * *";

export interface HousekeepingResult {
  sessions: number;
  rateLimits: number;
}

export function housekeepingHandler(deps: Deps, log: Logger): () => Promise<HousekeepingResult> {
  return async () => {
    const result = { sessions: await purgeExpiredSessions(deps), rateLimits: await purgeExpired(deps) };
    log.info(result, "housekeeping: expired rows deleted");
    return result;
  };
}

/** Creates the queue, (re)sets its hourly schedule and starts its worker; safe on every start of every process. */
export async function startHousekeeping(boss: PgBoss, deps: Deps, log: Logger): Promise<void> {
  await boss.createQueue(HOUSEKEEPING_QUEUE, {
    name: HOUSEKEEPING_QUEUE,
    retryLimit: 1,
    expireInSeconds: 600,
  });
  await boss.schedule(HOUSEKEEPING_QUEUE, EVERY_HOUR, {}, { tz: KYIV_TZ_ICU });
  const handler = housekeepingHandler(deps, log);
  await boss.work(HOUSEKEEPING_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    await handler();
  });
}
