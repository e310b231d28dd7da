// Sets a provider's submission window for a service (in one settlement, or everywhere it is supplied) from a
// date on. A change is a new row, never an edit of an older one: the periods an old rule governed were counted
// under it, so it stays, and a date in the past is refused. Only a rule not yet in force on a later date than
// today may be replaced by one for the same date (it governed nothing yet).
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { addDays, compareLocalDates, parseLocalDate } from "../../domain/local-date.ts";
import type { DeemedDateRule, LatePolicy } from "../../domain/submission-window.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { checkServed } from "../providers/served-services.ts";
import { dateParam } from "./date-param.ts";
import { type OccurrencePreview, previewOccurrences } from "./window-preview.ts";
import { checkWindowRule } from "./window-rule-check.ts";

export interface WindowRuleInput {
  service: ServiceCode;
  settlementId: number | null;
  opensDay: number;
  closesDay: number;
  deemedDateRule: DeemedDateRule;
  latePolicy: LatePolicy;
  ruleSource: string;
  effectiveFrom: string;
}

export interface SavedWindow {
  id: number;
  /** true: a rule not yet in force for the same date was replaced. */
  replaced: boolean;
  effectiveFrom: string;
  preview: OccurrencePreview[];
}

export async function saveSubmissionWindow(
  deps: Deps,
  options: { actor: Actor; provider: string | number; rule: WindowRuleInput },
): Promise<SavedWindow> {
  const provider = await findProviderForActor(deps, options.actor, options.provider);
  const { rule } = options;
  const checked = checkWindowRule(rule);
  const now = deps.now();
  const today = kyivDateOf(now);
  const effectiveFrom = parseLocalDate(rule.effectiveFrom);
  if (compareLocalDates(effectiveFrom, today) < 0) {
    throw new AppError(
      "window_effective_in_past",
      { date: dateParam(effectiveFrom), today: dateParam(today) },
      { field: "effectiveFrom" },
    );
  }
  const values = {
    opens_day: rule.opensDay,
    closes_day: rule.closesDay,
    deemed_date_rule: rule.deemedDateRule,
    late_policy: rule.latePolicy,
    rule_source: rule.ruleSource.trim(),
  };
  return deps.database.db.transaction().execute(async (trx) => {
    await checkServed(trx, {
      providerId: provider.id,
      service: rule.service,
      settlementId: rule.settlementId,
    });
    const sameDay = await trx
      .selectFrom("submission_windows")
      .select("id")
      .where("provider_id", "=", provider.id)
      .where("service_code", "=", rule.service)
      .where((eb) =>
        rule.settlementId === null
          ? eb("settlement_id", "is", null)
          : eb("settlement_id", "=", rule.settlementId),
      )
      .where("effective_from", "=", effectiveFrom)
      .forUpdate()
      .executeTakeFirst();
    if (sameDay && effectiveFrom === today) {
      // In force since this morning: readings were judged under it today, so it is history now.
      const next = addDays(today, 1);
      throw new AppError(
        "window_already_in_force",
        { date: dateParam(effectiveFrom), next: dateParam(next) },
        { field: "effectiveFrom" },
      );
    }
    let id: number;
    if (sameDay) {
      await trx.updateTable("submission_windows").set(values).where("id", "=", sameDay.id).execute();
      id = sameDay.id;
    } else {
      const row = await trx
        .insertInto("submission_windows")
        .values({
          provider_id: provider.id,
          service_code: rule.service,
          settlement_id: rule.settlementId,
          effective_from: effectiveFrom,
          ...values,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    return {
      id,
      replaced: sameDay !== undefined,
      effectiveFrom,
      preview: previewOccurrences(checked, now, effectiveFrom),
    };
  });
}
