// The bots of individual providers, configured in the database (a utility with its own Viber bot), each at its
// own webhook path /webhooks/<platform>/<key>.
import type { ChatBot, ChatPlatform } from "../../db/tables/conversations.table.ts";
import type { Deps } from "../deps.ts";

export async function findChatBot(
  deps: Deps,
  platform: ChatPlatform,
  key: string,
): Promise<ChatBot | undefined> {
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(key)) return undefined;
  return deps.database.db
    .selectFrom("chat_bots")
    .selectAll()
    .where("platform", "=", platform)
    .where("key", "=", key)
    .executeTakeFirst();
}
