// The newest outbox messages, for the development page that stands in for an SMS gateway and a mailbox.
import type { OutboxMessage } from "../../db/tables/identity.table.ts";
import type { Deps } from "../deps.ts";

export function latestMessages(deps: Deps, limit = 50): Promise<OutboxMessage[]> {
  return deps.database.db.selectFrom("outbox").selectAll().orderBy("id", "desc").limit(limit).execute();
}
