// submitReading: the one way a meter reading enters Abonent, whichever channel brings it (web, API,
// contact centre, bots, voice, imports). It answers accepted, refused with reasons (an AppError), or
// "please confirm" for an unusually high consumption. Submissions arriving together are decided one by one
// but stored in one transaction (see submission-batcher.ts); a request with an Idempotency-Key goes alone.
import { isCitus } from "../../db/citus/is-citus.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from "../idempotency.ts";
import { outboxWritten } from "../outbox/outbox-signal.ts";
import { decideSubmission } from "./decide-submission.ts";
import { loadMeterHistories } from "./load-meter-history.ts";
import { loadSubmissionContexts } from "./load-submission-context.ts";
import type { SubmitReadingOptions, SubmitReadingResult, ZoneOutcome } from "./reading-submission.ts";
import { submitBatched } from "./submission-batcher.ts";
import { writeSubmissions } from "./write-submissions.ts";

export type { SubmitReadingOptions, SubmitReadingResult, ZoneOutcome };

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
  const citus = await isCitus(deps.database);
  const result = await deps.database.db.transaction().execute(async (trx) => {
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
    if (decision.write) {
      await writeSubmissions(trx, [decision.write], { supersedeApart: citus });
    }
    await storeIdempotentResponse(trx, scope, key, decision.result);
    return decision.result;
  });
  outboxWritten(deps);
  return result;
}
