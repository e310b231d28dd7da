// Fixed-window counters shared by every app process: one row per bucket in rate_limits, bumped by one
// atomic upsert, so parallel requests on any number of processes can never let more than the limit through.
// The instant comes from deps.now() (a parameter, not SQL now()), so tests can move time.
import { sql } from "kysely";
import type { Db, Tx } from "../db/database.ts";
import type { Deps } from "./deps.ts";

export interface RateLimit {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface HitOptions extends RateLimit {
  /** Count inside this transaction instead of on its own. */
  trx?: Tx;
}

export interface HitResult {
  allowed: boolean;
  /** Hits left in this window after this one. */
  remaining: number;
  /** 0 when allowed; else how long until the window ends. */
  retryAfterSeconds: number;
  /** Hits in this window so far, this one included. */
  hits: number;
}

// Keeps hits + 1 inside integer range however long a flood lasts.
const HITS_CAP = 2_000_000_000;

/** Counts one hit on the bucket; a hit over the limit is still counted (the window does not move). */
export async function hit(deps: Deps, bucket: string, options: HitOptions): Promise<HitResult> {
  const executor: Db | Tx = options.trx ?? deps.database.db;
  const now = deps.now();
  const windowEnd = new Date(now.getTime() + options.windowSeconds * 1000);
  const { rows } = await sql<{ hits: number; window_ends_at: Date }>`
    insert into rate_limits as r (bucket, hits, window_ends_at)
    values (${bucket}, 1, ${windowEnd})
    on conflict (bucket) do update set
      hits = case when r.window_ends_at <= ${now} then 1 else least(r.hits, ${HITS_CAP}) + 1 end,
      window_ends_at = case when r.window_ends_at <= ${now} then excluded.window_ends_at else r.window_ends_at end
    returning hits, window_ends_at`.execute(executor);
  const row = rows[0]!;
  const allowed = row.hits <= options.limit;
  return {
    allowed,
    remaining: Math.max(0, options.limit - row.hits),
    retryAfterSeconds: allowed
      ? 0
      : Math.max(1, Math.ceil((new Date(row.window_ends_at).getTime() - now.getTime()) / 1000)),
    hits: row.hits,
  };
}

/** Takes back one hit of the current window: an attempt counted up front that turned out not to count. */
export async function refund(deps: Deps, bucket: string): Promise<void> {
  await deps.database.db
    .updateTable("rate_limits")
    .set((eb) => ({ hits: sql<number>`greatest(${eb.ref("hits")} - 1, 0)` }))
    .where("bucket", "=", bucket)
    .where("window_ends_at", ">", deps.now())
    .execute();
}

/** Forgets the bucket's hits (a successful sign-in clears its user's failures). */
export async function reset(deps: Deps, bucket: string, options: { trx?: Tx } = {}): Promise<void> {
  await (options.trx ?? deps.database.db).deleteFrom("rate_limits").where("bucket", "=", bucket).execute();
}

/** Deletes the rows of windows that have ended; for a periodic job, since every login and client leaves one. */
export async function purgeExpired(deps: Deps): Promise<number> {
  const result = await deps.database.db
    .deleteFrom("rate_limits")
    .where("window_ends_at", "<=", deps.now())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
