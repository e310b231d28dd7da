// The audit log as an administrator reads it: their provider's lines (a platform administrator: every line, or
// one provider's), newest first, a page at a time by id (keyset: a page costs the same however deep), filtered by
// who did it, what they did and on which account.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";

export interface AuditQuery {
  providerId?: number;
  staffUserId?: number;
  action?: string;
  accountId?: number;
  /** Lines older than this id: the previous page's nextBefore. */
  before?: number;
  limit?: number;
}

export interface AuditLine {
  id: number;
  at: Date;
  actor: { userId: number; fullName: string; email: string | null } | null;
  providerCode: string | null;
  accountId: number | null;
  channel: string;
  action: string;
  details: Record<string, unknown>;
}

export interface AuditPage {
  lines: AuditLine[];
  /** The `before` of the next (older) page; null on the last. */
  nextBefore: number | null;
}

export async function listAuditLog(deps: Deps, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  // Staff read their own provider's lines only: naming another provider is "not found", as for any data not theirs.
  let providerId = query.providerId;
  if (actor.kind === "staff") {
    if (providerId !== undefined && providerId !== actor.providerId) throw new AppError("not_found");
    providerId = actor.providerId;
  } else if (actor.kind !== "platform_admin") {
    throw new AppError("not_found");
  }
  const limit = query.limit ?? 50;
  let q = deps.database.db
    .selectFrom("audit_log as l")
    .leftJoin("users as u", "u.id", "l.actor_user_id")
    .leftJoin("providers as p", "p.id", "l.provider_id")
    .select([
      "l.id",
      "l.at",
      "l.actor_user_id",
      "u.full_name",
      "u.email",
      "p.code as provider_code",
      "l.account_id",
      "l.channel",
      "l.action",
      "l.details",
    ]);
  if (providerId !== undefined) q = q.where("l.provider_id", "=", providerId);
  if (query.staffUserId !== undefined) q = q.where("l.actor_user_id", "=", query.staffUserId);
  if (query.action) q = q.where("l.action", "=", query.action);
  if (query.accountId !== undefined) q = q.where("l.account_id", "=", query.accountId);
  if (query.before !== undefined) q = q.where("l.id", "<", query.before);
  const rows = await q
    .orderBy("l.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    lines: page.map((r) => ({
      id: r.id,
      at: r.at,
      actor:
        r.actor_user_id === null
          ? null
          : { userId: r.actor_user_id, fullName: r.full_name ?? "", email: r.email ?? null },
      providerCode: r.provider_code ?? null,
      accountId: r.account_id,
      channel: r.channel,
      action: r.action,
      details: r.details,
    })),
    nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
