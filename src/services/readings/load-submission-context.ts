// What a submission needs, in one round trip: the account (with the actor's access check), the meter (chosen
// and locked, so submissions for one meter queue up) and the window rule in force. submitReading is the
// hottest write path; each query saved is a socket write saved. The meter's history is read by a separate
// statement after the lock is held: a statement that waited for the lock still sees its older snapshot.
import { type RawBuilder, sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import type { AccountInContext } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import { AppError } from "../errors.ts";
import { ANY_DAY, type WindowRuleInForce } from "./find-window-rule.ts";

export interface ChosenMeter {
  id: number;
  serial: string;
  service: ServiceCode;
  zones: number;
  digits: number;
  decimals: number;
  verificationDue: string | null;
  removedOn: string | null;
}

export interface SubmissionContext {
  account: AccountInContext;
  meter: ChosenMeter;
  rule: WindowRuleInForce;
}

interface Row {
  account_id: number;
  provider_id: number;
  number: string;
  settlement_id: number;
  holder_name: string;
  id: number;
  serial: string;
  service: ServiceCode;
  zones: number;
  digits: number;
  decimals: number;
  verification_due: string | null;
  removed_on: string | null;
  opens_day: number | null;
  closes_day: number | null;
  deemed_date_rule: "submission_day" | "first_of_month" | null;
  late_policy: "refuse" | "next_period" | null;
  rule_source: string | null;
}

function accessCheck(actor: Actor): RawBuilder<unknown> {
  if (actor.kind === "resident") {
    return sql`exists (select 1 from user_accounts ua where ua.account_id = a.id and ua.user_id = ${actor.userId})`;
  }
  if (actor.kind === "staff") return sql`a.provider_id = ${actor.providerId}`;
  return sql`true`;
}

export async function loadSubmissionContext(
  trx: Tx,
  where: {
    actor: Actor;
    accountId: number;
    meterId?: number | undefined;
    service?: ServiceCode | undefined;
    today: LocalDate;
  },
): Promise<SubmissionContext> {
  const meterFilter =
    where.meterId !== undefined
      ? sql`m.id = ${where.meterId}`
      : sql`(m.removed_on is null or m.removed_on > ${where.today}::date)
            ${where.service ? sql`and m.service_code = ${where.service}` : sql``}`;
  const { rows } = await sql<Row>`
    select a.id as account_id, a.provider_id, a.number, p.settlement_id, a.holder_name,
      m.id, m.serial, m.service_code as service, m.zones, m.digits, m.decimals, m.verification_due, m.removed_on,
      w.opens_day, w.closes_day, w.deemed_date_rule, w.late_policy, w.rule_source
    from accounts a
    join premises p on p.id = a.premise_id
    join meters m on m.account_id = a.id
    left join lateral (
      select w.opens_day, w.closes_day, w.deemed_date_rule, w.late_policy, w.rule_source
        from submission_windows w
       where w.provider_id = a.provider_id and w.service_code = m.service_code
         and (w.settlement_id = p.settlement_id or w.settlement_id is null)
         and w.effective_from <= ${where.today}::date
       order by (w.settlement_id is null), w.effective_from desc
       limit 1
    ) w on true
    where a.id = ${where.accountId} and ${accessCheck(where.actor)} and ${meterFilter}
    order by m.id
    for update of m`.execute(trx);
  if (rows.length === 0) throw new AppError("not_found");
  if (rows.length > 1) {
    throw new AppError(
      "meter_not_chosen",
      {},
      { meters: rows.map((m) => ({ id: m.id, serial: m.serial, service: m.service })) },
    );
  }
  const r = rows[0]!;
  return {
    account: {
      id: r.account_id,
      providerId: r.provider_id,
      number: r.number,
      settlementId: r.settlement_id,
      holderName: r.holder_name,
    },
    meter: {
      id: r.id,
      serial: r.serial,
      service: r.service,
      zones: r.zones,
      digits: r.digits,
      decimals: r.decimals,
      verificationDue: r.verification_due,
      removedOn: r.removed_on,
    },
    rule:
      r.opens_day === null
        ? ANY_DAY
        : {
            opensDay: r.opens_day,
            closesDay: r.closes_day!,
            deemedDateRule: r.deemed_date_rule!,
            latePolicy: r.late_policy!,
            source: r.rule_source ?? "",
          },
  };
}
