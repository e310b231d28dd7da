// Recovery codes: ten single-use codes shown once when two-step sign-in is turned on, for a lost phone. Ten
// letters and digits (about 49 bits) without look-alikes (0/o, 1/l/i); kept as an HMAC under the server's code
// pepper, bound to the person, so a copy of the table gives none away.
import { randomInt } from "node:crypto";
import type { Tx } from "../../db/database.ts";
import type { Deps } from "../deps.ts";
import { hashCode } from "../identity/code-secret.ts";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const LENGTH = 10;

/** A code as shown: two groups of five, "k7mqa-2xw9p". */
export function newRecoveryCode(): string {
  let out = "";
  for (let i = 0; i < LENGTH; i++) out += ALPHABET[randomInt(0, ALPHABET.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** A typed code in its stored form (case, spaces and hyphens ignored), or null when it cannot be one. */
export function normalizeRecoveryCode(text: string): string | null {
  const code = text.toLowerCase().replace(/[\s-]+/g, "");
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

export function hashRecoveryCode(deps: Deps, userId: number, normalized: string): Promise<string> {
  return hashCode(deps, `recovery:${userId}`, normalized);
}

/** New codes and their hashes, made before the transaction that saves them (the hash reads the server secret). */
export async function prepareRecoveryCodes(
  deps: Deps,
  userId: number,
): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(
    codes.map((c) => hashRecoveryCode(deps, userId, normalizeRecoveryCode(c) ?? "")),
  );
  return { codes, hashes };
}

/** Replaces the person's codes with new ones. */
export async function saveRecoveryCodes(trx: Tx, userId: number, hashes: string[], at: Date): Promise<void> {
  await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  await trx
    .insertInto("recovery_codes")
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: at })))
    .execute();
}

/** Uses the code if it is one of the person's unused ones; true when it was. */
export async function useRecoveryCode(trx: Tx, userId: number, hash: string, at: Date): Promise<boolean> {
  const row = await trx
    .updateTable("recovery_codes")
    .set({ used_at: at })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}
