// A submission window rule as the administrator sees it, and where it stands today: in force, waiting for its
// date, or replaced by a later one (kept, since the periods it governed were counted under it).
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import type { DeemedDateRule, LatePolicy } from "../../domain/submission-window.ts";
import type { ServedSettlement } from "../providers/served-services.ts";

export type RuleStanding = "in_force" | "scheduled" | "superseded";

export interface WindowRuleView {
  id: number;
  service: ServiceCode;
  /** null: every settlement the provider supplies the service in. */
  settlement: ServedSettlement | null;
  opensDay: number;
  closesDay: number;
  deemedDateRule: DeemedDateRule;
  latePolicy: LatePolicy;
  ruleSource: string;
  effectiveFrom: string;
  standing: RuleStanding;
}
