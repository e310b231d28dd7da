// A reading's notifications, written in the transaction that stored or decided it, so one exists exactly when its
// cause was committed: "accepted" or "flagged for review" on submission, "accepted" or "rejected, because…" when
// an operator reviews it. They reach everyone linked to the account (a household shares it) — on submission all
// but the person who submitted it, who has just been answered with the receipt by the channel they used (the
// page, the bot, the SMS reply). The caller says outboxWritten after its commit.
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import { notify } from "./notify.ts";

export interface StoredSubmission {
  submissionId: string;
  accountId: number;
  receipt: string;
  status: "accepted" | "pending_review";
  /** Who submitted it (answered already); null for an import. */
  actorUserId: number | null;
}

/** Notifies the accounts' people of the submissions just stored; one statement per outcome. */
export async function notifySubmissions(
  trx: Tx,
  submissions: StoredSubmission[],
  now: Date,
): Promise<number> {
  let queued = 0;
  for (const [status, template] of [
    ["accepted", "reading_accepted"],
    ["pending_review", "reading_flagged"],
  ] as const) {
    const these = submissions.filter((s) => s.status === status);
    if (these.length === 0) continue;
    queued += await notify(trx, {
      template,
      params: {},
      rowParams: ["account", "receipt"],
      recipients: sql`
        select ua.user_id, 'reading:' || s.submission_id || ':' || ${status}::text as event_key,
          jsonb_build_object('account', a.number, 'receipt', s.receipt) as row_params
        from unnest(${these.map((s) => s.submissionId)}::text[], ${these.map((s) => s.accountId)}::bigint[],
          ${these.map((s) => s.receipt)}::text[], ${these.map((s) => s.actorUserId)}::bigint[])
          as s (submission_id, account_id, receipt, actor_user_id)
        join accounts a on a.id = s.account_id
        join user_accounts ua on ua.account_id = a.id
        where ua.user_id is distinct from s.actor_user_id`,
      now,
    });
  }
  return queued;
}

/** Notifies the account's people that an operator accepted or rejected a submission (with the reason). */
export async function notifyReview(
  trx: Tx,
  review: { accountId: number; submissionId: string; status: "accepted" | "rejected"; reason?: string },
  now: Date,
): Promise<number> {
  return notify(trx, {
    template: "reading_reviewed",
    params: { status: review.status, reason: review.reason ?? "" },
    rowParams: ["account", "receipt"],
    recipients: sql`
      select ua.user_id, 'reading_reviewed:' || s.submission_id as event_key,
        jsonb_build_object('account', a.number, 'receipt', s.receipt) as row_params
      from (
        select distinct r.account_id, r.submission_id::text as submission_id, r.receipt from readings r
        where r.account_id = ${review.accountId}::bigint and r.submission_id = ${review.submissionId}::uuid
      ) s
      join accounts a on a.id = s.account_id
      join user_accounts ua on ua.account_id = a.id`,
    now,
  });
}
