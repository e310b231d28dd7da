// One-time codes: six digits for one purpose at one address, valid 10 minutes, 5 tries, used once. A new code
// for the same address and purpose replaces the old one (one row per pair), so only the latest works.
import type { Tx } from "../../db/database.ts";
import type { CodePurpose, IdentityKind } from "../../db/tables/identity.table.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { hashCode, newCode, sameHash } from "./code-secret.ts";

export const CODE_TTL_SECONDS = 10 * 60;
export const CODE_TRIES = 5;

export interface CodeTarget {
  purpose: CodePurpose;
  kind: IdentityKind;
  externalId: string;
}

export interface CodeRow {
  id: number;
  user_id: number | null;
  payload: Record<string, unknown> | null;
}

const scopeOf = (t: CodeTarget) => `${t.purpose}:${t.kind}:${t.externalId}`;

/** A fresh code and its hash, made before the transaction that saves it (the hash reads the server secret). */
export async function prepareCode(deps: Deps, target: CodeTarget): Promise<{ code: string; hash: string }> {
  const code = newCode();
  return { code, hash: await hashCode(deps, scopeOf(target), code) };
}

/** Saves the code for the target, replacing an earlier one with its tries. */
export async function saveCode(
  deps: Deps,
  trx: Tx,
  target: CodeTarget,
  saved: { hash: string; userId: number | null; payload: Record<string, unknown> | null },
): Promise<void> {
  const now = deps.now();
  const row = {
    code_hash: saved.hash,
    user_id: saved.userId,
    payload: saved.payload === null ? null : JSON.stringify(saved.payload),
    tries: 0,
    created_at: now,
    expires_at: new Date(now.getTime() + CODE_TTL_SECONDS * 1000),
    used_at: null,
  };
  await trx
    .insertInto("one_time_codes")
    .values({ purpose: target.purpose, kind: target.kind, external_id: target.externalId, ...row })
    .onConflict((oc) => oc.columns(["purpose", "kind", "external_id"]).doUpdateSet(row))
    .execute();
}

type Checked = { row: CodeRow } | { refused: AppError };

/**
 * Checks a code and, when it fits, runs `use` in the same transaction as marking it used. A wrong code costs a
 * try, and that try is committed even though the answer is an error; the fifth wrong one kills the code.
 */
export async function useCode<T>(
  deps: Deps,
  target: CodeTarget,
  code: string,
  use: (trx: Tx, row: CodeRow) => Promise<T>,
): Promise<T> {
  const hash = await hashCode(deps, scopeOf(target), code);
  const now = deps.now();
  let result: T | undefined;
  const checked = await deps.database.db.transaction().execute(async (trx): Promise<Checked> => {
    const row = await trx
      .selectFrom("one_time_codes")
      .select(["id", "user_id", "payload", "code_hash", "tries", "expires_at", "used_at"])
      .where("purpose", "=", target.purpose)
      .where("kind", "=", target.kind)
      .where("external_id", "=", target.externalId)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.used_at !== null) return { refused: new AppError("code_invalid") };
    if (row.tries >= CODE_TRIES) return { refused: new AppError("code_exhausted") };
    if (row.expires_at <= now)
      return { refused: new AppError("code_expired", { minutes: CODE_TTL_SECONDS / 60 }) };
    if (!sameHash(row.code_hash, hash)) {
      const tries = row.tries + 1;
      await trx.updateTable("one_time_codes").set({ tries }).where("id", "=", row.id).execute();
      if (tries >= CODE_TRIES) return { refused: new AppError("code_exhausted") };
      const left = CODE_TRIES - tries;
      return { refused: new AppError("code_invalid", {}, { triesLeft: left }) };
    }
    await trx.updateTable("one_time_codes").set({ used_at: now }).where("id", "=", row.id).execute();
    const found: CodeRow = { id: row.id, user_id: row.user_id, payload: row.payload };
    result = await use(trx, found);
    return { row: found };
  });
  if ("refused" in checked) throw checked.refused;
  return result as T;
}
