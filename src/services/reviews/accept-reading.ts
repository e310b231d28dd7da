// An operator accepts a reading flagged for review: every zone of its submission becomes accepted, with who and
// when. Billing already counts a reading under review as it counts an accepted one (billing/run/*), so accepting
// changes no bill, whatever month it is for; the readings' trigger (migration 0015) tells the register states.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { notifyReview } from "../notifications/reading-notifications.ts";
import { outboxWritten } from "../outbox/outbox-signal.ts";
import { pendingReading, type ReviewOutcome } from "./decide-review.ts";

export async function acceptReading(
  deps: Deps,
  options: { actor: Actor; accountId: number; readingId: number },
): Promise<ReviewOutcome> {
  const now = deps.now();
  const outcome = await deps.database.db.transaction().execute(async (trx): Promise<ReviewOutcome> => {
    const reading = await pendingReading(trx, options.actor, options);
    // Both statuses are "current" to the index readings_current, so the one reading per meter, zone and month stays.
    const rows = await trx
      .updateTable("readings")
      .set({ status: "accepted", reviewed_by: options.actor.userId, reviewed_at: now })
      .where("account_id", "=", reading.accountId)
      .where("submission_id", "=", reading.submissionId)
      .where("status", "=", "pending_review")
      .returning("id")
      .execute();
    await notifyReview(
      trx,
      { accountId: reading.accountId, submissionId: reading.submissionId, status: "accepted" },
      now,
    );
    return {
      accountNumber: reading.accountNumber,
      readingIds: rows.map((r) => r.id).sort((a, b) => a - b),
      status: "accepted",
      reviewedAt: now.toISOString(),
    };
  });
  outboxWritten(deps);
  return outcome;
}
