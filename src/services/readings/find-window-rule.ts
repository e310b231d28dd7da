// The submission window in force for a provider, service and settlement: a settlement's own rule wins over
// the provider-wide one; the latest effective rule wins over older ones.
import type { Db, Tx } from "../../db/database.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import type { WindowRule } from "../../domain/submission-window.ts";

export interface WindowRuleInForce extends WindowRule {
  source: string;
}

/** Without a configured window a provider takes readings on any day, counted on the day they arrive. */
export const ANY_DAY: WindowRuleInForce = {
  opensDay: 1,
  closesDay: -1,
  deemedDateRule: "submission_day",
  latePolicy: "refuse",
  source: "",
};

export async function findWindowRule(
  db: Db | Tx,
  where: { providerId: number; service: ServiceCode; settlementId: number; today: LocalDate },
): Promise<WindowRuleInForce> {
  const row = await db
    .selectFrom("submission_windows")
    .select(["opens_day", "closes_day", "deemed_date_rule", "late_policy", "rule_source"])
    .where("provider_id", "=", where.providerId)
    .where("service_code", "=", where.service)
    .where((eb) => eb.or([eb("settlement_id", "=", where.settlementId), eb("settlement_id", "is", null)]))
    .where("effective_from", "<=", where.today)
    .orderBy((eb) => eb.case().when("settlement_id", "is", null).then(1).else(0).end())
    .orderBy("effective_from", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return ANY_DAY;
  return {
    opensDay: row.opens_day,
    closesDay: row.closes_day,
    deemedDateRule: row.deemed_date_rule,
    latePolicy: row.late_policy,
    source: row.rule_source,
  };
}
