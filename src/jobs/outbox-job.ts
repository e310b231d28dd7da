// Delivering the outbox: a job right after each commit that wrote a message (so a code arrives within seconds),
// and every minute as a safety net for messages whose first try failed or whose process died before sending.
// The queue is "stately": at most one run waiting and one running across all processes, so a burst of sign-ups
// makes one or two runs, and no message is sent by two processes at once.
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { OutboxChannel } from "../db/tables/identity.table.ts";
import type { Deps } from "../services/deps.ts";
import { type DeliveryOptions, deliverOutbox, type Sender } from "../services/outbox/deliver-outbox.ts";
import { onOutboxWritten } from "../services/outbox/outbox-signal.ts";

export const OUTBOX_QUEUE = "outbox-delivery";
const EVERY_MINUTE = "* * * * *";
/** A run drains for up to four minutes, well inside the job's five-minute expiry, then hands over to the next. */
const RUN_BUDGET_MS = 240_000;

export interface OutboxDelivery {
  /** Stops listening for new messages (the worker stops with the queue). */
  stop(): void;
}

export async function startOutboxDelivery(
  boss: PgBoss,
  deps: Deps,
  log: Logger,
  senders: Partial<Record<OutboxChannel, Sender>>,
  options: Omit<DeliveryOptions, "budgetMs"> = {},
): Promise<OutboxDelivery> {
  await boss.createQueue(OUTBOX_QUEUE, {
    name: OUTBOX_QUEUE,
    policy: "stately",
    retryLimit: 0,
    expireInSeconds: 300,
  });
  await boss.schedule(OUTBOX_QUEUE, EVERY_MINUTE, {});
  const workerId = await boss.work(OUTBOX_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
    const result = await deliverOutbox(deps, senders, { ...options, budgetMs: RUN_BUDGET_MS });
    if (result.sent + result.failed + result.undeliverable > 0) log.info(result, "outbox delivered");
    // Still draining (a window opening's messages at the platforms' pace): the next run follows at once.
    if (result.more) await boss.send(OUTBOX_QUEUE, {}).then(() => boss.notifyWorker(workerId));
  });
  const stop = onOutboxWritten(deps.database, () => {
    boss
      .send(OUTBOX_QUEUE, {})
      .then(() => boss.notifyWorker(workerId))
      .catch((err: Error) => log.warn({ err }, "outbox: could not enqueue delivery; the schedule will"));
  });
  return { stop };
}
