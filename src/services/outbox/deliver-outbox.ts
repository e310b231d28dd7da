// Sends what waits in the outbox through the senders this process has (e-mail by SMTP, SMS, the messengers). A
// message is marked sent only after its sender accepted it; a failure is counted with its reason and tried again
// on a later run, up to MAX_ATTEMPTS. Rows of channels without a sender stay waiting (and visible on /dev/outbox),
// and so do rows held for the morning (not_before, the quiet hours of notifications).
// A run drains: each channel is read batch after batch, at most at its rate (Telegram takes about 30 messages a
// second per bot), until nothing waits or the run's time is up (the job then runs again at once), so a window
// opening's hundreds of thousands of messages leave at the paced rate rather than 50 a minute. A sender that says
// "too many requests" (RetryLater) pauses its channel for that long and the message is tried again, not counted
// as failed; one that says the message cannot go at all (NotDeliverable) closes it with the reason.
// One run at a time across all processes (the queue's policy), so no message goes out twice.
import type { OutboxChannel, OutboxMessage } from "../../db/tables/identity.table.ts";
import type { Deps } from "../deps.ts";

export const MAX_ATTEMPTS = 10;
const BATCH = 200;
/** A run without a deadline of its own stops after this long. */
const DEFAULT_BUDGET_MS = 60_000;

/** Hands one message to its network; throws when it was not accepted. */
export type Sender = (message: OutboxMessage) => Promise<void>;

/** The network asks to wait (Telegram's 429 with retry_after): the message is tried again after that. */
export class RetryLater extends Error {
  constructor(readonly afterSeconds: number) {
    super(`rate limited: retry after ${afterSeconds} s`);
  }
}

/** The message cannot go by its channel (a closed chat, Messenger's 24-hour window): not tried again. */
export class NotDeliverable extends Error {}

export interface DeliveryOptions {
  /** Messages a second per channel; a channel not named goes as fast as its sender answers. */
  ratePerSecond?: Partial<Record<OutboxChannel, number>>;
  /** Messages of one channel on their way at once (default 1; chats over HTTP take several). */
  concurrency?: Partial<Record<OutboxChannel, number>>;
  /** How long this run may drain, in ms (default 60 s). */
  budgetMs?: number;
}

export interface DeliveryResult {
  sent: number;
  failed: number;
  /** Closed without sending (NotDeliverable). */
  undeliverable: number;
  /** Times a channel was told to wait. */
  paused: number;
  /** The run's time ran out with messages still waiting. */
  more: boolean;
}

export async function deliverOutbox(
  deps: Deps,
  senders: Partial<Record<OutboxChannel, Sender>>,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, undeliverable: 0, paused: 0, more: false };
  const deadline = Date.now() + (options.budgetMs ?? DEFAULT_BUDGET_MS);
  const channels = (Object.keys(senders) as OutboxChannel[]).filter((c) => senders[c]);
  await Promise.all(
    channels.map((channel) =>
      drainChannel(deps, channel, senders[channel]!, {
        rate: options.ratePerSecond?.[channel],
        concurrency: Math.max(1, options.concurrency?.[channel] ?? 1),
        deadline,
        result,
      }),
    ),
  );
  return result;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function drainChannel(
  deps: Deps,
  channel: OutboxChannel,
  send: Sender,
  run: { rate: number | undefined; concurrency: number; deadline: number; result: DeliveryResult },
): Promise<void> {
  const { db } = deps.database;
  const { result, deadline } = run;
  const interval = run.rate && run.rate > 0 ? 1000 / run.rate : 0;
  let nextAt = 0;
  let pausedUntil = 0;
  const inFlight = new Set<Promise<void>>();

  const close = (
    message: OutboxMessage,
    set: { sent_at?: Date; attempts: number; last_error: string | null },
  ) => db.updateTable("outbox").set(set).where("id", "=", message.id).execute();

  const deliverOne = async (message: OutboxMessage): Promise<void> => {
    for (;;) {
      try {
        await send(message);
        await close(message, { sent_at: deps.now(), attempts: message.attempts + 1, last_error: null });
        result.sent++;
        return;
      } catch (e) {
        if (e instanceof RetryLater) {
          result.paused++;
          pausedUntil = Math.max(pausedUntil, Date.now() + Math.max(e.afterSeconds, 0.05) * 1000);
          // Past the run's end it waits for the next run, with no attempt counted.
          if (pausedUntil >= deadline) {
            result.more = true;
            return;
          }
          await sleep(pausedUntil - Date.now());
          continue;
        }
        const reason = String((e as Error)?.message ?? e).slice(0, 1000);
        if (e instanceof NotDeliverable) {
          await close(message, { attempts: MAX_ATTEMPTS, last_error: reason });
          result.undeliverable++;
        } else {
          await close(message, { attempts: message.attempts + 1, last_error: reason });
          result.failed++;
        }
        return;
      }
    }
  };

  // Each row is tried once a run: the cursor moves past failures, which wait for a later run.
  let cursor = 0;
  for (;;) {
    const now = deps.now();
    const waiting = await db
      .selectFrom("outbox")
      .selectAll()
      .where("channel", "=", channel)
      .where("sent_at", "is", null)
      .where("id", ">", cursor)
      .where("attempts", "<", MAX_ATTEMPTS)
      .where((eb) => eb.or([eb("not_before", "is", null), eb("not_before", "<=", now)]))
      .orderBy("id")
      .limit(BATCH)
      .execute();
    if (waiting.length === 0) break;
    for (const message of waiting) {
      const wait = Math.max(nextAt, pausedUntil) - Date.now();
      if (wait > 0) await sleep(wait);
      while (inFlight.size >= run.concurrency) await Promise.race(inFlight);
      if (Date.now() >= deadline) {
        result.more = true;
        await Promise.all(inFlight);
        return;
      }
      nextAt = Math.max(Date.now(), nextAt) + interval;
      cursor = message.id;
      const p: Promise<void> = deliverOne(message).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  }
  await Promise.all(inFlight);
}
