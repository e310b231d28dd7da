// Sends what waits in the outbox through the senders this process has (e-mail by SMTP today). A message is
// marked sent only after its sender accepted it; a failure is counted with its reason and tried again on the
// next run, up to MAX_ATTEMPTS. Rows of channels without a sender stay waiting (and visible on /dev/outbox).
// One run at a time across all processes (the queue's policy), so no message goes out twice.
import type { OutboxChannel, OutboxMessage } from "../../db/tables/identity.table.ts";
import type { Deps } from "../deps.ts";

export const MAX_ATTEMPTS = 10;
const BATCH = 50;

/** Hands one message to its network; throws when it was not accepted. */
export type Sender = (message: OutboxMessage) => Promise<void>;

export interface DeliveryResult {
  sent: number;
  failed: number;
}

export async function deliverOutbox(
  deps: Deps,
  senders: Partial<Record<OutboxChannel, Sender>>,
): Promise<DeliveryResult> {
  const channels = Object.keys(senders) as OutboxChannel[];
  const result = { sent: 0, failed: 0 };
  if (channels.length === 0) return result;
  const { db } = deps.database;
  const waiting = await db
    .selectFrom("outbox")
    .selectAll()
    .where("channel", "in", channels)
    .where("sent_at", "is", null)
    .where("attempts", "<", MAX_ATTEMPTS)
    .orderBy("id")
    .limit(BATCH)
    .execute();
  for (const message of waiting) {
    try {
      await senders[message.channel]!(message);
      await db
        .updateTable("outbox")
        .set({ sent_at: deps.now(), attempts: message.attempts + 1, last_error: null })
        .where("id", "=", message.id)
        .execute();
      result.sent++;
    } catch (e) {
      await db
        .updateTable("outbox")
        .set({
          attempts: message.attempts + 1,
          last_error: String((e as Error)?.message ?? e).slice(0, 1000),
        })
        .where("id", "=", message.id)
        .execute();
      result.failed++;
    }
  }
  return result;
}
