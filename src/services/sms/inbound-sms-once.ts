// A gateway that delivers a text again (its retry after a timeout, a webhook sent twice) must not have it
// processed twice: the first delivery of a (source, message id) claims it, a repeat gets the first one's reply.
// A claim whose processing failed is let go, so the gateway's next retry processes it.
import type { Deps } from "../deps.ts";

export type InboundClaim = { first: true } | { first: false; reply: string | null };

export async function claimInboundSms(
  deps: Deps,
  options: { source: string; messageId: string; from: string },
): Promise<InboundClaim> {
  const { db } = deps.database;
  const inserted = await db
    .insertInto("sms_inbound")
    .values({
      source: options.source,
      message_id: options.messageId,
      sender: options.from,
      received_at: deps.now(),
      reply: null,
    })
    .onConflict((oc) => oc.columns(["source", "message_id"]).doNothing())
    .returning("message_id")
    .executeTakeFirst();
  if (inserted) return { first: true };
  const row = await db
    .selectFrom("sms_inbound")
    .select("reply")
    .where("source", "=", options.source)
    .where("message_id", "=", options.messageId)
    .executeTakeFirst();
  return { first: false, reply: row?.reply ?? null };
}

export async function releaseInboundSms(
  deps: Deps,
  options: { source: string; messageId: string },
): Promise<void> {
  await deps.database.db
    .deleteFrom("sms_inbound")
    .where("source", "=", options.source)
    .where("message_id", "=", options.messageId)
    .where("reply", "is", null)
    .execute();
}
