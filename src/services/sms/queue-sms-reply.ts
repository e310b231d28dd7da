// A reply to a text leaves through the outbox, by SMS, like one-time codes and reminders: kept in the same
// transaction as the inbound message's record of it, so a repeated delivery finds the reply that was sent.
import type { Locale } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";
import { outboxWritten } from "../outbox/outbox-signal.ts";
import { queueMessage } from "../outbox/queue-message.ts";

export async function queueSmsReply(
  deps: Deps,
  options: {
    to: string;
    text: string;
    locale: Locale;
    /** The inbound message it answers, when a gateway delivered it with an id. */
    inbound?: { source: string; messageId: string } | undefined;
  },
): Promise<{ queued: true }> {
  const now = deps.now();
  await deps.database.db.transaction().execute(async (trx) => {
    if (options.inbound)
      await trx
        .updateTable("sms_inbound")
        .set({ reply: options.text })
        .where("source", "=", options.inbound.source)
        .where("message_id", "=", options.inbound.messageId)
        .execute();
    await queueMessage(
      trx,
      {
        channel: "sms",
        address: options.to,
        locale: options.locale,
        template: "sms_reply",
        subject: null,
        body: options.text,
      },
      now,
    );
  });
  outboxWritten(deps);
  return { queued: true };
}
