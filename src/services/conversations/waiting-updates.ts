// The worker's side of the updates table: what waits, oldest first, and marking one done. Updates of one chat
// are taken in the order they came; a chat whose earlier update is still being worked on waits its turn.
import { sql } from "kysely";
import type { ChatPlatform } from "../../db/tables/conversations.table.ts";
import type { Deps } from "../deps.ts";

export interface WaitingUpdate {
  id: number;
  platform: ChatPlatform;
  bot: string;
  chatId: string;
  incoming: Record<string, unknown>;
}

/** Up to `limit` waiting updates, the oldest of each chat only (so one chat's messages are answered in order). */
export async function waitingUpdates(
  deps: Deps,
  limit: number,
  skip: readonly number[],
): Promise<WaitingUpdate[]> {
  const rows = await deps.database.db
    .selectFrom("bot_updates as u")
    .select(["u.id", "u.platform", "u.bot", "u.chat_id", "u.incoming"])
    .where("u.processed_at", "is", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("bot_updates as e")
            .select(sql`1`.as("one"))
            .whereRef("e.platform", "=", "u.platform")
            .whereRef("e.bot", "=", "u.bot")
            .whereRef("e.chat_id", "=", "u.chat_id")
            .where("e.processed_at", "is", null)
            .whereRef("e.id", "<", "u.id"),
        ),
      ),
    )
    .$if(skip.length > 0, (q) => q.where("u.id", "not in", skip))
    .orderBy("u.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    bot: r.bot,
    chatId: r.chat_id,
    incoming: r.incoming,
  }));
}

/** Takes an update for this process: false when another process took it first. Taken is done: an update that
 * fails is not tried again (the person can write again; a retry could submit twice). */
export async function claimUpdate(deps: Deps, id: number): Promise<boolean> {
  const row = await deps.database.db
    .updateTable("bot_updates")
    .set({ processed_at: deps.now() })
    .where("id", "=", id)
    .where("processed_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** Records what went wrong with an update. */
export async function failUpdate(deps: Deps, id: number, error: string): Promise<void> {
  await deps.database.db
    .updateTable("bot_updates")
    .set({ error: error.slice(0, 1000) })
    .where("id", "=", id)
    .execute();
}
