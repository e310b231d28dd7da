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
  accountNumber: string;
  receipt: string;
  status: "accepted" | "pending_review";
  /** Whom to tell: the account's people but the one who submitted it (answered already). */
  people: number[];
}

/**
 * Notifies the people of the submissions just stored; one statement per outcome that reaches anyone. The caller
 * names the people (it read them with the account), so the statement reads only the people's own tables.
 */
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
    const told = submissions
      .filter((s) => s.status === status)
      .flatMap((s) => s.people.map((user) => ({ s, user })));
    if (told.length === 0) continue;
    queued += await notify(trx, {
      template,
      params: {},
      rowParams: ["account", "receipt"],
      recipients: sql`
        select t.user_id, 'reading:' || t.submission_id || ':' || ${status}::text as event_key,
          jsonb_build_object('account', t.account_number, 'receipt', t.receipt) as row_params
        from unnest(${told.map((t) => t.user)}::bigint[], ${told.map((t) => t.s.submissionId)}::text[],
          ${told.map((t) => t.s.accountNumber)}::text[], ${told.map((t) => t.s.receipt)}::text[])
          as t (user_id, submission_id, account_number, receipt)`,
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
