// The one rule of which accounts a caller reaches, as a SQL condition every access path uses: residents the
// accounts linked to them, staff their provider's, platform administrators any. The single lookup
// (find-account.ts) gives the caller as literal values; the batched reading path (readings/
// load-submission-context.ts) gives each request's caller as columns of its request row.
import { type Expression, type RawBuilder, sql } from "kysely";
import type { Actor } from "../actor.ts";

/** The caller as SQL values: its kind, its user id, and its provider (staff only, else null). */
export interface ActorSql {
  kind: Expression<string>;
  userId: Expression<number>;
  providerId: Expression<number | null>;
  /** A partner's granted providers (literal callers only: the batched reading path has no partners). */
  providerIds?: Expression<number[]> | undefined;
}

/** One caller as literals: the kind inlined, so the planner folds the condition to its one branch. */
export function actorValues(actor: Actor): ActorSql {
  return {
    kind: sql.lit(actor.kind),
    userId: sql<number>`${actor.userId}::bigint`,
    providerId: actor.kind === "staff" ? sql<number>`${actor.providerId}::int` : sql<null>`null::int`,
    providerIds: actor.kind === "partner" ? sql<number[]>`${actor.providerIds}::int[]` : undefined,
  };
}

/** Whether the account row under `alias` (with id and provider_id) is within the caller's reach. */
export function accountInScope(
  alias: string,
  actor: ActorSql,
  /**
   * The accounts the statement is about, as the caller knows them (a parameter): on Citus the link's lookup must
   * name them itself to go to their shard alone.
   */
  known?: { id: Expression<number> } | { ids: readonly number[] },
): RawBuilder<boolean> {
  const id = known && "id" in known ? known.id : sql.ref(`${alias}.id`);
  const among = known && "ids" in known ? sql`and ua.account_id = any(${known.ids}::bigint[])` : sql``;
  const providerId = sql.ref(`${alias}.provider_id`);
  // A searched CASE: Citus sends a simple one (CASE x WHEN …) to the shards as WHEN NULL::boolean (its issue #2862).
  return sql<boolean>`case
    when ${actor.kind} = 'resident' then exists (select 1 from user_accounts ua
                                 where ua.account_id = ${id} ${among} and ua.user_id = ${actor.userId})
    when ${actor.kind} = 'staff' then ${providerId} = ${actor.providerId}
    when ${actor.kind} = 'platform_admin' then true
    ${actor.providerIds ? sql`when ${actor.kind} = 'partner' then ${providerId} = any(${actor.providerIds})` : sql``}
    else false end`;
}
