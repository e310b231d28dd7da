// submitReading: the one way a meter reading enters Abonent, whichever channel brings it (web, API,
// contact centre, bots, voice, imports). It answers accepted, refused with reasons (an AppError), or
// "please confirm" for an unusually high consumption. Submissions arriving together are decided one by one
// but stored in one transaction (see submission-batcher.ts); a request with an Idempotency-Key goes alone.
import type { Channel, ServiceCode } from "../../db/tables/reference.table.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from "../idempotency.ts";
import { decideSubmission } from "./decide-submission.ts";
import { loadMeterHistories } from "./load-meter-history.ts";
import { loadSubmissionContexts } from "./load-submission-context.ts";
import { submitBatched } from "./submission-batcher.ts";
import { writeSubmissions } from "./write-submissions.ts";

export interface SubmitReadingOptions {
  actor: Actor;
  channel: Channel;
  accountId: number;
  /** The meter; or leave it out and name the service (or nothing) when the account has one such meter. */
  meterId?: number | undefined;
  service?: ServiceCode | undefined;
  /** One value per tariff zone, as typed or recognised: "12 345", "12345,6". */
  values: { zone: number; value: string }[];
  /** The resident saw the "unusually high" warning and confirms the figures. */
  confirmed?: boolean | undefined;
  /** The voice bot's transcript, kept beside the parsed values. */
  transcript?: string | undefined;
  idempotencyKey?: string | undefined;
}

export interface ZoneOutcome {
  zone: number;
  /** As the dial shows it, e.g. "12345" or "123.456". */
  value: string;
  previous: { value: string; deemedOn: string } | null;
  /** Since the previous reading, in the service's unit; null for a meter's first reading. */
  consumption: string | null;
  rollover: boolean;
}

export type SubmitReadingResult =
  | {
      status: "accepted";
      meterId: number;
      receipt: string;
      period: string;
      deemedOn: string;
      late: boolean;
      /** A second submission in the same window replaced the first one. */
      correction: boolean;
      /** The same values again: nothing changed, the first receipt stands. */
      unchanged: boolean;
      /** Stored, and marked for an operator's review. */
      review: boolean;
      zones: ZoneOutcome[];
    }
  | {
      status: "needs_confirmation";
      meterId: number;
      reason: "above_own_average" | "above_service_limit";
      factor: number | null;
      zones: ZoneOutcome[];
    };

export function submitReading(deps: Deps, options: SubmitReadingOptions): Promise<SubmitReadingResult> {
  return options.idempotencyKey
    ? submitWithKey(deps, options, options.idempotencyKey)
    : submitBatched(deps, options);
}

/** A retried request with the same key gets the stored answer; the key row is claimed in the same transaction. */
async function submitWithKey(
  deps: Deps,
  options: SubmitReadingOptions,
  key: string,
): Promise<SubmitReadingResult> {
  const now = deps.now();
  const scope = `user:${options.actor.userId}:submitReading`;
  const hash = requestHash({ ...options, actor: options.actor.userId });
  return deps.database.db.transaction().execute(async (trx) => {
    const claim = await claimIdempotencyKey<SubmitReadingResult>(trx, scope, key, hash);
    if (!claim.fresh) return claim.response;
    const [context] = await loadSubmissionContexts(trx, [options], kyivDateOf(now));
    if (!context || context instanceof AppError) throw context ?? new AppError("not_found");
    const histories = await loadMeterHistories(trx, [
      { accountId: context.account.id, meterId: context.meter.id },
    ]);
    const decision = decideSubmission(
      context,
      histories.get(`${context.account.id}:${context.meter.id}`)!,
      options,
      now,
    );
    if (decision.write) await writeSubmissions(trx, [decision.write]);
    await storeIdempotentResponse(trx, scope, key, decision.result);
    return decision.result;
  });
}
