// Messages leave through the outbox: written in the same transaction as what caused them (a code, a warning),
// so a message exists exactly when its cause was committed, and delivered afterwards by a job.
import type { Tx } from "../../db/database.ts";
import type { OutboxChannel } from "../../db/tables/identity.table.ts";
import type { Locale } from "../../i18n/locale.ts";

export interface OutgoingMessage {
  channel: OutboxChannel;
  address: string;
  locale: Locale;
  template: string;
  /** E-mail only; the other channels carry the body alone. */
  subject: string | null;
  body: string;
}

export async function queueMessage(trx: Tx, message: OutgoingMessage, createdAt: Date): Promise<void> {
  await trx
    .insertInto("outbox")
    .values({
      ...message,
      subject: message.channel === "email" ? message.subject : null,
      created_at: createdAt,
    })
    .execute();
}
