// What accepting and rejecting a reading under review share: the one scoped lookup (an account of another provider
// is "not found", and nothing is written), the whole submission the reading belongs to (its zones were flagged
// together), and the refusal of a reading that is no longer waiting.
import type { Tx } from "../../db/database.ts";
import type { ReadingStatus } from "../../db/tables/metering.table.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import { AppError } from "../errors.ts";

export interface ReviewedReading {
  accountId: number;
  accountNumber: string;
  providerId: number;
  submissionId: string;
  /** The month it is for, YYYY-MM-01. */
  period: string;
}

/** The reading the operator acts on, locked for the decision; refused unless it still waits for review. */
export async function pendingReading(
  trx: Tx,
  actor: Actor,
  input: { accountId: number; readingId: number },
): Promise<ReviewedReading> {
  const account = await findAccountForActor(trx, actor, input.accountId);
  const reading = await trx
    .selectFrom("readings")
    .select(["submission_id", "status", "period"])
    .where("account_id", "=", account.id)
    .where("id", "=", input.readingId)
    .forUpdate()
    .executeTakeFirst();
  if (!reading) throw new AppError("not_found");
  if (reading.status !== "pending_review") alreadyReviewed(reading.status);
  return {
    accountId: account.id,
    accountNumber: account.number,
    providerId: account.providerId,
    submissionId: reading.submission_id,
    period: reading.period,
  };
}

export function alreadyReviewed(status: ReadingStatus): never {
  throw new AppError("reading_already_reviewed", { status }, { status });
}

export interface ReviewOutcome {
  accountNumber: string;
  readingIds: number[];
  status: "accepted" | "rejected";
  reviewedAt: string;
}
