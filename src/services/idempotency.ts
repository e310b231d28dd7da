// Idempotency-Key support: the first request with a key stores its response; a retry with the same key and
// the same request gets that response again; the same key with a different request is refused.
// The key row is written inside the caller's transaction, so a concurrent retry waits on the unique key
// until the first one commits, and a failed request leaves no key behind.
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Tx } from "../db/database.ts";
import { AppError } from "./errors.ts";

export function requestHash(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

export type Claim<T> = { fresh: true } | { fresh: false; response: T };

export async function claimIdempotencyKey<T>(
  trx: Tx,
  scope: string,
  key: string,
  hash: string,
): Promise<Claim<T>> {
  const inserted = await sql<{ key: string }>`
    insert into idempotency_keys (scope, key, request_hash) values (${scope}, ${key}, ${hash})
    on conflict (scope, key) do nothing returning key`.execute(trx);
  if (inserted.rows.length > 0) return { fresh: true };
  const row = await trx
    .selectFrom("idempotency_keys")
    .select(["request_hash", "response"])
    .where("scope", "=", scope)
    .where("key", "=", key)
    .executeTakeFirstOrThrow();
  if (row.request_hash !== hash) throw new AppError("idempotency_key_reused");
  return { fresh: false, response: row.response as T };
}

export async function storeIdempotentResponse(trx: Tx, scope: string, key: string, response: unknown) {
  await trx
    .updateTable("idempotency_keys")
    .set({ response: JSON.stringify(response) as never })
    .where("scope", "=", scope)
    .where("key", "=", key)
    .execute();
}
