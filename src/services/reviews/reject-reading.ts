// An operator rejects a reading flagged for review, with a reason the resident reads in the cabinet. Every zone of
// its submission becomes rejected, and billing leaves it out from then on (it bills accepted and pending readings
// only). If it was a correction, the reading it replaced is current again: the resident's earlier figure stands
// rather than none. A month already billed with the reading is refused (the issued bill used it), and so is one
// being billed right now; the readings are written first, so a run that starts after this waits for it
// (billing/run/register-state.ts, waitForReadingWriters) and one that started before is seen.
import { sql } from "kysely";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { notifyReview } from "../notifications/reading-notifications.ts";
import { outboxWritten } from "../outbox/outbox-signal.ts";
import { pendingReading, type ReviewOutcome } from "./decide-review.ts";

export const REVIEW_NOTE_MAX = 500;

export async function rejectReading(
  deps: Deps,
  options: { actor: Actor; accountId: number; readingId: number; reason: string },
): Promise<ReviewOutcome> {
  const now = deps.now();
  const note = options.reason.replace(/\s+/g, " ").trim();
  const outcome = await deps.database.db.transaction().execute(async (trx): Promise<ReviewOutcome> => {
    // Whose it is first: another provider's reading is "not found" whatever the reason says.
    const reading = await pendingReading(trx, options.actor, options);
    if (note === "") throw new AppError("review_note_empty", {}, { field: "reason" });
    if (note.length > REVIEW_NOTE_MAX)
      throw new AppError("review_note_too_long", { max: REVIEW_NOTE_MAX }, { field: "reason" });
    const rows = await trx
      .updateTable("readings")
      .set({
        status: "rejected",
        reviewed_by: options.actor.userId,
        reviewed_at: now,
        review_note: note,
      })
      .where("account_id", "=", reading.accountId)
      .where("submission_id", "=", reading.submissionId)
      .where("status", "=", "pending_review")
      .returning(["id", "corrects_reading_id"])
      .execute();
    const period = reading.period.slice(0, 7);
    const closed = await trx
      .selectFrom("closed_periods")
      .select("period")
      .where("provider_id", "=", reading.providerId)
      .where("period", "=", reading.period)
      .executeTakeFirst();
    if (closed) throw new AppError("reading_review_period_billed", { period }, { period });
    const running = await trx
      .selectFrom("billing_runs")
      .select("id")
      .where("provider_id", "=", reading.providerId)
      .where("period", "=", reading.period)
      .where("status", "=", "running")
      .executeTakeFirst();
    if (running) throw new AppError("reading_review_billing_running", { period }, { period });
    const corrected = rows.flatMap((r) => (r.corrects_reading_id === null ? [] : [r.corrects_reading_id]));
    if (corrected.length > 0) {
      // Back to what it was before the correction replaced it: accepted, or still waiting if it had been flagged
      // and never decided. Only where nothing else is current for its meter, zone and month.
      await sql`
        update readings o
        set status = case when o.review_reason is null or o.reviewed_at is not null then 'accepted'
                          else 'pending_review' end
        where o.account_id = ${reading.accountId}::bigint and o.id = any(${corrected}::bigint[])
          and o.status = 'superseded' and o.kind = 'regular'
          and not exists (
            select 1 from readings c
            where c.account_id = o.account_id and c.meter_id = o.meter_id and c.zone = o.zone
              and c.period = o.period and c.kind = 'regular' and c.status in ('accepted', 'pending_review'))`.execute(
        trx,
      );
    }
    await notifyReview(
      trx,
      { accountId: reading.accountId, submissionId: reading.submissionId, status: "rejected", reason: note },
      now,
    );
    return {
      accountNumber: reading.accountNumber,
      readingIds: rows.map((r) => r.id).sort((a, b) => a - b),
      status: "rejected",
      reviewedAt: now.toISOString(),
    };
  });
  outboxWritten(deps);
  return outcome;
}
