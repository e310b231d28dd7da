// A webhook delivery is written down before the webhook answers, once per platform id: a platform that resends
// (it did not hear our 200 in time) finds it there and nothing happens twice. The work itself is the worker's.
import type { ChatPlatform } from "../../db/tables/conversations.table.ts";
import type { Deps } from "../deps.ts";

export interface UpdateToRecord {
  platform: ChatPlatform;
  bot: string;
  updateId: string;
  chatId: string;
  /** The update in the engine's words, with the person's name for the inbox. */
  incoming: Record<string, unknown>;
}

/** true when it is new; false for a repeated delivery. */
export async function recordUpdate(deps: Deps, update: UpdateToRecord): Promise<boolean> {
  const row = await deps.database.db
    .insertInto("bot_updates")
    .values({
      platform: update.platform,
      bot: update.bot,
      update_id: update.updateId.slice(0, 200),
      chat_id: update.chatId.slice(0, 200),
      incoming: JSON.stringify(update.incoming),
      received_at: deps.now(),
    })
    .onConflict((oc) => oc.columns(["platform", "bot", "update_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}
