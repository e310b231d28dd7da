// Every linking step leaves a line in the audit log: who, through which door, which account (when one was
// found), and what was typed, so a provider can answer "who linked my account, and who tried to".
import type { Db, Tx } from "../../db/database.ts";
import type { ContextChannel } from "../context.ts";
import type { Deps } from "../deps.ts";

export type LinkAction = "account.link" | "account.link_refused" | "account.unlink" | "account.link_for_user";

export interface LinkAuditEntry {
  action: LinkAction;
  actorUserId: number;
  channel: ContextChannel;
  providerId: number | null;
  accountId: number | null;
  details: Record<string, unknown>;
}

export async function auditLink(deps: Deps, entry: LinkAuditEntry, trx?: Tx): Promise<void> {
  const db: Db | Tx = trx ?? deps.database.db;
  await db
    .insertInto("audit_log")
    .values({
      at: deps.now(),
      actor_user_id: entry.actorUserId,
      provider_id: entry.providerId,
      account_id: entry.accountId,
      channel: entry.channel,
      action: entry.action,
      details: JSON.stringify(entry.details) as never,
    })
    .execute();
}
