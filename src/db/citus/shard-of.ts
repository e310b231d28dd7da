// Which shard of `accounts` an account id is in, computed in the process as Citus computes it: PostgreSQL's
// hashint8 of the id, then the shard whose hash range holds it (pg_dist_shard). The reading path groups
// submissions by shard with it, so that a batch of several accounts still goes to one shard. A map gone stale (shards
// moved or split since it was read) costs only speed: a batch that spans shards is refused by Citus and each of its
// submissions is then retried alone.
import { sql } from "kysely";
import type { Database } from "../database.ts";
import { isCitus } from "./is-citus.ts";

const rot = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

/** PostgreSQL's hash_uint32 (Bob Jenkins' final mix), as a signed 32-bit integer as Citus reads it. */
function hashUint32(k: number): number {
  let a = (0x9e3779b9 + 4 + 3923095) >>> 0;
  let b = a;
  let c = a;
  a = (a + k) >>> 0;
  c = ((c ^ b) - rot(b, 14)) >>> 0;
  a = ((a ^ c) - rot(c, 11)) >>> 0;
  b = ((b ^ a) - rot(a, 25)) >>> 0;
  c = ((c ^ b) - rot(b, 16)) >>> 0;
  a = ((a ^ c) - rot(c, 4)) >>> 0;
  b = ((b ^ a) - rot(a, 14)) >>> 0;
  c = ((c ^ b) - rot(b, 24)) >>> 0;
  return c | 0;
}

/** PostgreSQL's hashint8: the two halves folded (the high one inverted for a negative value), then hashed. */
export function hashint8(value: number): number {
  const v = BigInt(value);
  const lo = Number(BigInt.asUintN(32, v));
  const hi = Number(BigInt.asUintN(32, v >> 32n));
  return hashUint32((lo ^ (value >= 0 ? hi : ~hi)) >>> 0);
}

/** The shards' lower bounds in order: the index of the last one not above the hash. */
export function shardIndex(lowerBounds: readonly number[], hash: number): number {
  let lo = 0;
  let hi = lowerBounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lowerBounds[mid]! <= hash) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const maps = new WeakMap<Database, Promise<((accountId: number) => number) | null>>();

/** A function from account id to its shard's position; null where the database is not Citus. Read once. */
export function accountShards(database: Database): Promise<((accountId: number) => number) | null> {
  let map = maps.get(database);
  if (!map) {
    map = isCitus(database).then(async (citus) => {
      if (!citus) return null;
      const { rows } = await sql<{ lower: number }>`
        select shardminvalue::int as lower from pg_dist_shard
        where logicalrelid = 'accounts'::regclass order by 1`.execute(database.db);
      const bounds = rows.map((r) => r.lower);
      return (accountId: number) => shardIndex(bounds, hashint8(accountId));
    });
    maps.set(database, map);
  }
  return map;
}
