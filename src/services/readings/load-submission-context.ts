// What submissions need, in one round trip for any number of them: each account (with its actor's access
// check), the meter (chosen and locked, in one order, so submissions for one meter queue up and batches never
// deadlock) and the window rule in force. submitReading is the hottest write path: each query saved is a
// socket write saved. Histories are read by a separate statement once the locks are held, since a statement
// that waited for a lock still sees its older snapshot.
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import { prepared } from "../../db/engines/prepared-statements.ts";
import type { Channel, ServiceCode } from "../../db/tables/reference.table.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import { type ActorSql, accountInScope } from "../accounts/account-scope.ts";
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
  /** The channels the account's provider takes readings through (providers.channels). */
  providerChannels: Channel[];
  meter: ChosenMeter;
  rule: WindowRuleInForce;
  /** The users linked to the account (a household shares it): whom its readings are told of. */
  people: number[];
}

export interface ContextRequest {
  actor: Actor;
  accountId: number;
  meterId?: number | undefined;
  service?: ServiceCode | undefined;
}

interface Row {
  idx: number;
  account_id: number;
  provider_id: number;
  number: string;
  settlement_id: number;
  holder_name: string;
  provider_channels: Channel[];
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
  people: number[];
}

/** Each request's caller, from its row of the unnested requests: the same scope rule as a single lookup. */
const requestActor: ActorSql = {
  kind: sql.ref("req.actor_kind"),
  userId: sql.ref("req.user_id"),
  providerId: sql.ref("req.provider_id"),
};

/** One answer per request, in order: its context, or the AppError it gets (not found, meter not chosen). */
export async function loadSubmissionContexts(
  trx: Tx,
  requests: ContextRequest[],
  today: LocalDate,
): Promise<(SubmissionContext | AppError)[]> {
  const col = <T>(f: (r: ContextRequest) => T) => requests.map(f);
  // The accounts named again as parameters of every account-keyed table, the link's subquery included: on Citus,
  // where the batcher groups submissions by shard, that is what sends the statement, row locks and all, to the
  // batch's one shard.
  const ids = [...new Set(col((r) => r.accountId))];
  const routed = sql`a.id = any(${ids}::bigint[]) and m.account_id = any(${ids}::bigint[])`;
  const { rows } = await prepared(sql<Row>`
    select req.idx, a.id as account_id, a.provider_id, a.number, p.settlement_id, a.holder_name,
      pr.channels as provider_channels,
      m.id, m.serial, m.service_code as service, m.zones, m.digits, m.decimals, m.verification_due, m.removed_on,
      w.opens_day, w.closes_day, w.deemed_date_rule, w.late_policy, w.rule_source,
      -- The account's people, read here rather than by the notification's own statement, which then touches only
      -- the people's tables (on Citus, the coordinator's own) and is not sent at all when no one else is linked.
      array(select ua.user_id from user_accounts ua
             where ua.account_id = a.id and ua.account_id = any(${ids}::bigint[])) as people
    from unnest(${requests.map((_, i) => i)}::int[], ${col((r) => r.accountId)}::bigint[],
                ${col((r) => r.meterId ?? null)}::bigint[], ${col((r) => r.service ?? null)}::text[],
                ${col((r) => r.actor.kind)}::text[], ${col((r) => r.actor.userId)}::bigint[],
                ${col((r) => (r.actor.kind === "staff" ? r.actor.providerId : null))}::int[])
      as req(idx, account_id, meter_id, service, actor_kind, user_id, provider_id)
    join accounts a on a.id = req.account_id
    join premises p on p.id = a.premise_id
    join providers pr on pr.id = a.provider_id
    join meters m on m.account_id = a.id
    left join lateral (
      select w.opens_day, w.closes_day, w.deemed_date_rule, w.late_policy, w.rule_source
        from submission_windows w
       where w.provider_id = a.provider_id and w.service_code = m.service_code
         and (w.settlement_id = p.settlement_id or w.settlement_id is null)
         and w.effective_from <= ${today}::date
       order by (w.settlement_id is null), w.effective_from desc
       limit 1
    ) w on true
    where ${routed} and ${accountInScope("a", requestActor, { ids })}
      and case when req.meter_id is not null then m.id = req.meter_id
               else (m.removed_on is null or m.removed_on > ${today}::date)
                    and (req.service is null or m.service_code = req.service) end
    order by m.account_id, m.id
    for update of m`).execute(trx);
  return requests.map((_, idx) => {
    const mine = rows.filter((r) => r.idx === idx);
    if (mine.length === 0) return new AppError("not_found");
    if (mine.length > 1) {
      return new AppError(
        "meter_not_chosen",
        {},
        { meters: mine.map((m) => ({ id: m.id, serial: m.serial, service: m.service })) },
      );
    }
    return toContext(mine[0]!);
  });
}

function toContext(r: Row): SubmissionContext {
  return {
    account: {
      id: r.account_id,
      providerId: r.provider_id,
      number: r.number,
      settlementId: r.settlement_id,
      holderName: r.holder_name,
    },
    providerChannels: r.provider_channels,
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
    people: r.people.map(Number),
  };
}
