// submitReading: the one way a meter reading enters Abonent, whichever channel brings it (web, API,
// contact centre, bots, voice, imports). It answers accepted, refused with reasons (an AppError), or
// "please confirm" for an unusually high consumption.
import { randomBytes, randomUUID } from "node:crypto";
import type { Channel, ServiceCode } from "../../db/tables/reference.table.ts";
import { averageDailyUse, expectedUse } from "../../domain/average-consumption.ts";
import { consumptionBetween } from "../../domain/consumption.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { addDays, diffDays } from "../../domain/local-date.ts";
import { checkPlausibility } from "../../domain/plausibility.ts";
import { quantityToNumeric } from "../../domain/quantity.ts";
import { parseReadingValue } from "../../domain/reading-value.ts";
import { formatReceipt } from "../../domain/receipt.ts";
import { placeSubmission } from "../../domain/submission-window.ts";
import { formatDate, formatMeterValue, zoneLabel } from "../../i18n/format.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError, inEveryLocale } from "../errors.ts";
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from "../idempotency.ts";
import { type HistoryRow, loadMeterHistory } from "./load-meter-history.ts";
import { loadSubmissionContext } from "./load-submission-context.ts";

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

const dialText = (q: bigint, decimals: number) => {
  const text = quantityToNumeric(q);
  return decimals === 0 ? text.slice(0, -4) : text.slice(0, text.length - (3 - decimals));
};

export async function submitReading(deps: Deps, options: SubmitReadingOptions): Promise<SubmitReadingResult> {
  const now = deps.now();
  const today = kyivDateOf(now);
  const { actor } = options;
  const scope = `user:${actor.userId}:submitReading`;
  const key = options.idempotencyKey;
  const hash = key ? requestHash({ ...options, actor: actor.userId }) : "";

  return deps.database.db.transaction().execute(async (trx) => {
    if (key) {
      const claim = await claimIdempotencyKey<SubmitReadingResult>(trx, scope, key, hash);
      if (!claim.fresh) return claim.response;
    }
    const { account, meter, rule } = await loadSubmissionContext(trx, {
      actor,
      accountId: options.accountId,
      meterId: options.meterId,
      service: options.service,
      today,
    });
    const dial = { digits: meter.digits, decimals: meter.decimals };

    if (meter.removedOn !== null && meter.removedOn <= today) {
      throw new AppError("meter_removed", {
        serial: meter.serial,
        date: inEveryLocale((l) => formatDate(meter.removedOn!, l)),
      });
    }
    if (meter.verificationDue !== null && meter.verificationDue < today) {
      throw new AppError("meter_verification_overdue", {
        serial: meter.serial,
        date: inEveryLocale((l) => formatDate(meter.verificationDue!, l)),
      });
    }

    const expected = Array.from({ length: meter.zones }, (_, i) => i + 1);
    const given = options.values.map((v) => v.zone).sort((a, b) => a - b);
    if (given.length !== expected.length || given.some((z, i) => z !== expected[i])) {
      throw new AppError(
        "reading_zones_mismatch",
        { zones: meter.zones, expected: expected.join(", ") },
        { zones: meter.zones },
      );
    }
    const label = (zone: number) => inEveryLocale((l) => zoneLabel(meter.zones, zone, l));
    const parsed = options.values
      .slice()
      .sort((a, b) => a.zone - b.zone)
      .map((v) => {
        const r = parseReadingValue(v.value, dial);
        if (!r.ok) {
          const { code, ...limits } = r.error;
          throw new AppError(code, { ...limits, zoneLabel: label(v.zone) }, { zone: v.zone, ...limits });
        }
        return { zone: v.zone, raw: v.value, value: r.value };
      });

    const placed = placeSubmission(rule, now);
    if (!placed.accepted) {
      const next = placed.next;
      throw new AppError(
        "window_closed",
        {
          opensOn: inEveryLocale((l) => formatDate(next.opensOn, l)),
          closesOn: inEveryLocale((l) => formatDate(next.closesOn, l)),
        },
        { next: { opensOn: next.opensOn, closesOn: next.closesOn, period: next.period } },
      );
    }
    const periodDate = `${placed.period}-01`;
    const history = await loadMeterHistory(trx, account.id, meter.id);
    const deemedOn = placed.deemedOn;

    const current = history.filter((h) => h.kind === "regular" && h.period === periodDate);
    const earlier = history.filter(
      (h) =>
        !(h.kind === "regular" && h.period >= periodDate) && h.deemedOn <= deemedOn && h.kind !== "final",
    );

    const zones: ZoneOutcome[] = [];
    let totalUsed = 0n;
    let days = 0;
    let averageDaily: bigint | null = 0n;
    for (const p of parsed) {
      const zoneHistory = earlier.filter((h) => h.zone === p.zone);
      const previous: HistoryRow | undefined = zoneHistory.at(-1);
      let used: bigint | null = null;
      let rollover = false;
      if (previous) {
        const c = consumptionBetween(previous.value, p.value, dial);
        if (c.kind === "decrease") {
          throw new AppError(
            "reading_below_previous",
            {
              value: inEveryLocale((l) => formatMeterValue(p.value, meter.decimals, l)),
              previous: inEveryLocale((l) => formatMeterValue(previous.value, meter.decimals, l)),
              date: inEveryLocale((l) => formatDate(previous.deemedOn, l)),
              zoneLabel: label(p.zone),
            },
            {
              zone: p.zone,
              previous: { value: dialText(previous.value, meter.decimals), deemedOn: previous.deemedOn },
            },
          );
        }
        used = c.used;
        rollover = c.kind === "rollover";
        totalUsed += used;
        days = Math.max(days, diffDays(previous.deemedOn, deemedOn));
        const avg = averageDailyUse(
          zoneHistory.map((h) => ({ deemedOn: h.deemedOn, value: h.value, kind: h.kind })),
          dial,
          { from: addDays(deemedOn, -400), to: deemedOn },
        );
        averageDaily = avg && averageDaily !== null ? averageDaily + expectedUse(avg, 1) : null;
      } else {
        averageDaily = null;
      }
      zones.push({
        zone: p.zone,
        value: dialText(p.value, meter.decimals),
        previous: previous
          ? { value: dialText(previous.value, meter.decimals), deemedOn: previous.deemedOn }
          : null,
        consumption: used === null ? null : dialText(used, 3),
        rollover,
      });
    }

    // The same figures again (a retried request, a double tap): nothing to write.
    if (
      current.length === parsed.length &&
      parsed.every((p) => current.find((c) => c.zone === p.zone)?.value === p.value)
    ) {
      const result: SubmitReadingResult = {
        status: "accepted",
        meterId: meter.id,
        receipt: current[0]!.receipt,
        period: placed.period,
        deemedOn,
        late: placed.late,
        correction: false,
        unchanged: true,
        review: false,
        zones,
      };
      if (key) await storeIdempotentResponse(trx, scope, key, result);
      return result;
    }

    let review: "above_own_average" | "above_service_limit" | null = null;
    if (zones.every((z) => z.previous !== null)) {
      const verdict = checkPlausibility({
        service: meter.service,
        used: totalUsed,
        days: Math.max(1, days),
        averageDaily: averageDaily,
      });
      if (!verdict.plausible) {
        if (!options.confirmed) {
          const result: SubmitReadingResult = {
            status: "needs_confirmation",
            meterId: meter.id,
            reason: verdict.reason,
            factor: verdict.factor ?? null,
            zones,
          };
          if (key) await storeIdempotentResponse(trx, scope, key, result);
          return result;
        }
        review = verdict.reason;
      }
    }

    const receipt = formatReceipt(randomBytes(5));
    const submissionId = randomUUID();
    // A correction supersedes the window's earlier reading first (a partial unique index allows one current).
    if (current.length > 0) {
      await trx
        .updateTable("readings")
        .set({ status: "superseded" })
        .where("account_id", "=", account.id)
        .where(
          "id",
          "in",
          current.map((c) => c.id),
        )
        .execute();
    }
    // The reading and its audit row in one statement.
    await trx
      .with("audit", (db) =>
        db
          .insertInto("audit_log")
          .values({
            actor_user_id: actor.userId,
            provider_id: account.providerId,
            account_id: account.id,
            channel: options.channel,
            action: current.length > 0 ? "reading.corrected" : "reading.submitted",
            details: JSON.stringify({
              receipt,
              meterId: meter.id,
              period: placed.period,
              values: zones.map((z) => z.value),
              review,
            }) as never,
          })
          .returning("id"),
      )
      .insertInto("readings")
      .values(
        parsed.map((p) => ({
          account_id: account.id,
          provider_id: account.providerId,
          meter_id: meter.id,
          zone: p.zone,
          value: quantityToNumeric(p.value),
          kind: "regular" as const,
          taken_at: now,
          submitted_at: now,
          deemed_on: deemedOn,
          period: periodDate,
          channel: options.channel,
          actor_user_id: actor.userId,
          submission_id: submissionId,
          receipt,
          raw_input: options.transcript ?? p.raw,
          status: review ? ("pending_review" as const) : ("accepted" as const),
          review_reason: review,
          corrects_reading_id: current.find((c) => c.zone === p.zone)?.id ?? null,
        })),
      )
      .execute();
    const result: SubmitReadingResult = {
      status: "accepted",
      meterId: meter.id,
      receipt,
      period: placed.period,
      deemedOn,
      late: placed.late,
      correction: current.length > 0,
      unchanged: false,
      review: review !== null,
      zones,
    };
    if (key) await storeIdempotentResponse(trx, scope, key, result);
    return result;
  });
}
