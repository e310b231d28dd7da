// The rules of a submission, decided in memory from what the database holds: the meter's state, the window,
// the values, the previous reading, roll-over, plausibility, correction or repeat. Refusals are AppErrors;
// what should be written comes back as a plan, so one submission or a whole batch is written the same way.
import { randomBytes, randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import type { ReadingsTable } from "../../db/tables/metering.table.ts";
import type { AuditLogTable } from "../../db/tables/platform.table.ts";
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
import { AppError, inEveryLocale } from "../errors.ts";
import { dialTextOf } from "./dial-text.ts";
import type { HistoryRow } from "./load-meter-history.ts";
import type { SubmissionContext } from "./load-submission-context.ts";
import type { SubmitReadingOptions, SubmitReadingResult, ZoneOutcome } from "./reading-submission.ts";

export interface WritePlan {
  accountId: number;
  supersede: number[];
  readings: Insertable<ReadingsTable>[];
  audit: Insertable<AuditLogTable>;
  /** Who is told of it: the account's other people (the submitter has the answer already). */
  tell: { accountNumber: string; people: number[] };
}

export interface Decision {
  result: SubmitReadingResult;
  /** null: nothing to store (the same values again, or a confirmation is needed first). */
  write: WritePlan | null;
}

export function decideSubmission(
  context: SubmissionContext,
  history: HistoryRow[],
  options: SubmitReadingOptions,
  now: Date,
): Decision {
  const { account, meter, rule } = context;
  const { actor } = options;
  const today = kyivDateOf(now);
  const dial = { digits: meter.digits, decimals: meter.decimals };

  // The provider's administrators switch its channels (the console's /console/channels); the API is the web's.
  const door = options.channel === "api" ? "web" : options.channel;
  if (!context.providerChannels.includes(door))
    throw new AppError("reading_channel_off", { channel: door }, { channel: door });

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
  const deemedOn = placed.deemedOn;

  const current = history.filter((h) => h.kind === "regular" && h.period === periodDate);
  const earlier = history.filter(
    (h) => !(h.kind === "regular" && h.period >= periodDate) && h.deemedOn <= deemedOn && h.kind !== "final",
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
            previous: { value: dialTextOf(previous.value, meter.decimals), deemedOn: previous.deemedOn },
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
      value: dialTextOf(p.value, meter.decimals),
      previous: previous
        ? { value: dialTextOf(previous.value, meter.decimals), deemedOn: previous.deemedOn }
        : null,
      consumption: used === null ? null : dialTextOf(used, 3),
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
    return { result, write: null };
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
        return { result, write: null };
      }
      review = verdict.reason;
    }
  }

  const receipt = formatReceipt(randomBytes(5));
  const submissionId = randomUUID();
  return {
    result: {
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
    },
    write: {
      accountId: account.id,
      supersede: current.map((c) => c.id),
      readings: parsed.map((p) => ({
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
      audit: {
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
      },
      tell: { accountNumber: account.number, people: context.people.filter((u) => u !== actor.userId) },
    },
  };
}
