// The provider's submission window rules, every one ever set (history stays), newest first per service and
// settlement, each with its standing today; plus what the provider supplies where, for the edit form.
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { type ServedService, servedServices } from "../providers/served-services.ts";
import type { RuleStanding, WindowRuleView } from "./window-rule-view.ts";

export interface SubmissionWindowList {
  provider: { id: number; code: string };
  today: string;
  rules: WindowRuleView[];
  services: ServedService[];
}

export async function listSubmissionWindows(
  deps: Deps,
  options: { actor: Actor; provider: string | number },
): Promise<SubmissionWindowList> {
  const provider = await findProviderForActor(deps, options.actor, options.provider);
  const { db } = deps.database;
  const today = kyivDateOf(deps.now());
  const rows = await db
    .selectFrom("submission_windows as w")
    .innerJoin("services as sv", "sv.code", "w.service_code")
    .leftJoin("settlements as st", "st.id", "w.settlement_id")
    .select([
      "w.id",
      "w.service_code",
      "w.settlement_id",
      "st.code as settlement_code",
      "st.name_uk",
      "st.name_ru",
      "st.name_en",
      "w.opens_day",
      "w.closes_day",
      "w.deemed_date_rule",
      "w.late_policy",
      "w.rule_source",
      "w.effective_from",
    ])
    .where("w.provider_id", "=", provider.id)
    .orderBy("sv.position")
    .orderBy("st.name_uk")
    .orderBy("w.effective_from", "desc")
    .execute();
  // Per service and settlement, the latest rule dated today or earlier is in force; earlier ones are superseded.
  const inForce = new Set<string>();
  const rules = rows.map((r): WindowRuleView => {
    const key = `${r.service_code}/${r.settlement_id ?? "all"}`;
    const effectiveFrom = String(r.effective_from);
    let standing: RuleStanding = "scheduled";
    if (effectiveFrom <= today) {
      standing = inForce.has(key) ? "superseded" : "in_force";
      inForce.add(key);
    }
    return {
      id: r.id,
      service: r.service_code,
      settlement:
        r.settlement_id === null
          ? null
          : {
              id: r.settlement_id,
              code: r.settlement_code ?? "",
              name: { uk: r.name_uk ?? "", ru: r.name_ru ?? "", en: r.name_en ?? "" },
            },
      opensDay: r.opens_day,
      closesDay: r.closes_day,
      deemedDateRule: r.deemed_date_rule,
      latePolicy: r.late_policy,
      ruleSource: r.rule_source,
      effectiveFrom,
      standing,
    };
  });
  return {
    provider: { id: provider.id, code: provider.code },
    today,
    rules,
    services: await servedServices(db, provider.id),
  };
}
