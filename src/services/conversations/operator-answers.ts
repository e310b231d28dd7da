// The operators' answers waiting to go into their chats, for the bots' worker, and marking one sent.
import type { ChatPlatform } from "../../db/tables/conversations.table.ts";
import type { Deps } from "../deps.ts";

export interface OperatorAnswer {
  id: number;
  platform: ChatPlatform;
  bot: string;
  chatId: string;
  body: string;
}

export async function unsentAnswers(deps: Deps, limit: number): Promise<OperatorAnswer[]> {
  const rows = await deps.database.db
    .selectFrom("conversation_messages as m")
    .innerJoin("conversations as c", "c.id", "m.conversation_id")
    .select(["m.id", "c.platform", "c.bot", "c.chat_id", "m.body"])
    .where("m.direction", "=", "out")
    .where("m.sent_at", "is", null)
    .orderBy("m.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, platform: r.platform, bot: r.bot, chatId: r.chat_id, body: r.body }));
}

/** Sent (or given up on: the chat is gone); either way not tried again. */
export async function markAnswerSent(deps: Deps, id: number): Promise<void> {
  await deps.database.db
    .updateTable("conversation_messages")
    .set({ sent_at: deps.now() })
    .where("id", "=", id)
    .execute();
}
