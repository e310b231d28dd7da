// Whether a chat may take a notification now, asked right before sending (the person may have said STOP since it
// was queued): not where the person said STOP, and on Messenger only within 24 hours of the person's last
// message (the platform's rule for messages a page starts). A notification a Messenger chat cannot take goes by
// e-mail or SMS instead when the person has a verified address (rendered again for that channel), else it is
// dropped with its reason; either way the notification row says what became of it.
import type { ChatPlatform } from "../../db/tables/conversations.table.ts";
import type { OutboxMessage } from "../../db/tables/identity.table.ts";
import { notBefore } from "../../domain/quiet-hours.ts";
import type { Deps } from "../deps.ts";
import { type NotificationTemplate, renderNotification } from "./notification-texts.ts";

/** Messenger's standard messaging window. */
export const MESSENGER_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ChatRefusal = "unsubscribed" | "outside_24h_window";

/** Why the chat of `message` cannot take it now, or null when it can. */
export async function chatRefusal(
  deps: Deps,
  platform: ChatPlatform,
  message: OutboxMessage,
): Promise<ChatRefusal | null> {
  const conversation = await deps.database.db
    .selectFrom("conversations")
    .select(["subscribed", "last_inbound_at"])
    .where("platform", "=", platform)
    .where("bot", "=", "")
    .where("chat_id", "=", message.address)
    .executeTakeFirst();
  if (conversation && !conversation.subscribed) return "unsubscribed";
  if (platform === "messenger") {
    const last = conversation?.last_inbound_at?.getTime() ?? Number.NEGATIVE_INFINITY;
    if (deps.now().getTime() - last > MESSENGER_WINDOW_MS) return "outside_24h_window";
  }
  return null;
}

export interface FallbackOutcome {
  /** The channel it goes by instead; null: dropped. */
  channel: "email" | "sms" | null;
}

/**
 * Queues the notification `message` carried again by the person's verified e-mail, else phone, or records it
 * dropped; a chat message that is no notification (a bot's reply) is only dropped.
 */
export async function fallBackFromChat(
  deps: Deps,
  message: OutboxMessage,
  refusal: ChatRefusal,
): Promise<FallbackOutcome> {
  if (message.notification_id === null) return { channel: null };
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const notification = await trx
      .selectFrom("notifications")
      .selectAll()
      .where("id", "=", message.notification_id!)
      .executeTakeFirst();
    if (!notification) return { channel: null };
    // STOP is a wish: the person is not reached elsewhere instead. Outside Messenger's window, another way is fine.
    const address =
      refusal === "unsubscribed"
        ? undefined
        : await trx
            .selectFrom("identities")
            .select(["kind", "external_id"])
            .where("user_id", "=", notification.user_id)
            .where("kind", "in", ["email", "phone"])
            .where("verified_at", "is not", null)
            .orderBy((eb) => eb.case().when("kind", "=", "email").then(0).else(1).end())
            .orderBy("id")
            .limit(1)
            .executeTakeFirst();
    if (!address) {
      await trx
        .updateTable("notifications")
        .set({ outcome: "dropped", reason: refusal })
        .where("id", "=", notification.id)
        .execute();
      return { channel: null };
    }
    const channel = address.kind === "email" ? "email" : "sms";
    const text = renderNotification(
      notification.template as NotificationTemplate,
      channel,
      message.locale,
      notification.params,
    );
    await trx
      .insertInto("outbox")
      .values({
        channel,
        address: address.external_id,
        locale: message.locale,
        template: message.template,
        subject: text.subject,
        body: text.body,
        created_at: now,
        not_before: notBefore(now),
        notification_id: notification.id,
      })
      .execute();
    await trx
      .updateTable("notifications")
      .set({ outcome: "fell_back", reason: `${refusal}: ${channel}` })
      .where("id", "=", notification.id)
      .execute();
    return { channel };
  });
}
