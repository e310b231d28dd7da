import type { Generated, JSONColumnType, Selectable } from "kysely";
import type { OutboxChannel } from "./identity.table.ts";

/** One per person and event: an event never notifies one person twice (migration 0032). */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  /** e.g. window_opens:<provider>:<service>:<settlement>:<YYYY-MM>. */
  event_key: string;
  template: string;
  channel: OutboxChannel;
  /** The values the message was rendered with, to render it again for another channel. */
  params: JSONColumnType<Record<string, string>>;
  created_at: Date;
  /** null: handed to its channel; dropped (with a reason) or fell back to e-mail/SMS. */
  outcome: "dropped" | "fell_back" | null;
  reason: string | null;
}
export type NotificationRow = Selectable<NotificationsTable>;
