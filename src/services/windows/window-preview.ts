// The next twelve occurrences of a rule from the day it takes effect (or today, when that is later), in Kyiv
// dates as the domain computes them: what residents will see in the cabinet, shown before and after saving.
import { kyivDateOf, kyivMidnight } from "../../domain/kyiv-time.ts";
import { compareLocalDates, type LocalDate } from "../../domain/local-date.ts";
import { upcomingOccurrences, type WindowRule } from "../../domain/submission-window.ts";

export interface OccurrencePreview {
  period: string;
  opensOn: string;
  closesOn: string;
  /** The date first_of_month readings count as taken; null under submission_day (the day they arrive). */
  deemedOn: string | null;
}

export const PREVIEW_MONTHS = 12;

export function previewOccurrences(
  rule: WindowRule,
  now: Date,
  effectiveFrom: LocalDate | null,
): OccurrencePreview[] {
  const today = kyivDateOf(now);
  const from = effectiveFrom !== null && compareLocalDates(effectiveFrom, today) > 0 ? effectiveFrom : today;
  return upcomingOccurrences(rule, kyivMidnight(from), PREVIEW_MONTHS).map((o) => ({
    period: o.period,
    opensOn: o.opensOn,
    closesOn: o.closesOn,
    deemedOn: o.deemedOn,
  }));
}
