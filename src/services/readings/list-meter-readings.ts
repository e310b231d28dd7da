// One meter's reading history, newest first, corrections and their originals included.
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { dialText } from "./dial-text.ts";

export interface ReadingView {
  id: number;
  zone: number;
  value: string;
  kind: string;
  status: string;
  period: string;
  deemedOn: string;
  submittedAt: string;
  channel: string;
  receipt: string;
  rawInput: string | null;
  correctsReadingId: number | null;
  reviewReason: string | null;
  /** Why an operator rejected it (the resident reads it), and when it was reviewed. */
  reviewNote?: string | null;
  reviewedAt?: string | null;
}

export async function listMeterReadings(
  deps: Deps,
  options: { actor: Actor; accountId: number; meterId: number; limit?: number },
): Promise<ReadingView[]> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const meter = await db
    .selectFrom("meters")
    .select(["id", "decimals"])
    .where("account_id", "=", account.id)
    .where("id", "=", options.meterId)
    .executeTakeFirst();
  if (!meter) throw new AppError("not_found");
  const rows = await db
    .selectFrom("readings")
    .selectAll()
    .where("account_id", "=", account.id)
    .where("meter_id", "=", meter.id)
    .orderBy("deemed_on", "desc")
    .orderBy("id", "desc")
    .orderBy("zone")
    .limit(options.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    zone: r.zone,
    value: dialText(r.value, meter.decimals),
    kind: r.kind,
    status: r.status,
    period: r.period.slice(0, 7),
    deemedOn: r.deemed_on,
    submittedAt: r.submitted_at.toISOString(),
    channel: r.channel,
    receipt: r.receipt,
    rawInput: r.raw_input,
    correctsReadingId: r.corrects_reading_id,
    reviewReason: r.review_reason,
    reviewNote: r.review_note,
    reviewedAt: r.reviewed_at?.toISOString() ?? null,
  }));
}
