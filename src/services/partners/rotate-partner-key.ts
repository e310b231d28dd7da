// rotatePartnerKey: a new key for the partner, its secret shown once; the keys it had stay valid for the grace
// period (24 hours unless told otherwise), so the partner switches without a moment refused.
// revokePartnerKey: a key stops working at once (a leaked secret).
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { newPartnerKey, ROTATION_GRACE_HOURS } from "./partner-keys.ts";

export async function rotatePartnerKey(
  deps: Deps,
  input: { code: string; graceHours?: number },
): Promise<{ keyId: string; secret: string; oldKeysExpireAt: string }> {
  const now = deps.now();
  const expires = new Date(now.getTime() + (input.graceHours ?? ROTATION_GRACE_HOURS) * 3600 * 1000);
  const key = newPartnerKey();
  await deps.database.db.transaction().execute(async (trx) => {
    const partner = await trx
      .selectFrom("partners")
      .select("id")
      .where("code", "=", input.code)
      .executeTakeFirst();
    if (!partner) throw new AppError("not_found");
    await trx
      .updateTable("partner_keys")
      .set({ expires_at: expires })
      .where("partner_id", "=", partner.id)
      .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", expires)]))
      .execute();
    await trx
      .insertInto("partner_keys")
      .values({ key_id: key.keyId, partner_id: partner.id, secret: key.secret, created_at: now })
      .execute();
  });
  return { ...key, oldKeysExpireAt: expires.toISOString() };
}

export async function revokePartnerKey(deps: Deps, input: { code: string; keyId: string }): Promise<void> {
  const now = deps.now();
  const result = await deps.database.db
    .updateTable("partner_keys")
    .set({ expires_at: now })
    .where("key_id", "=", input.keyId)
    .where("partner_id", "=", (eb) => eb.selectFrom("partners").select("id").where("code", "=", input.code))
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now)]))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const known = await deps.database.db
      .selectFrom("partner_keys")
      .select("key_id")
      .where("key_id", "=", input.keyId)
      .executeTakeFirst();
    if (!known) throw new AppError("not_found");
  }
}
