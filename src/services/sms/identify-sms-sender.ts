// Who sent a text to the short number: the person whose verified phone identity it came from, or nobody. Counted
// per phone first, so one phone (or a gateway replaying it) cannot walk through account numbers or run up replies.
import type { Locale } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { normalizeAddress } from "../identity/identity-address.ts";
import { hit } from "../rate-limit.ts";

/** Texts one phone may send in an hour; a resident needs a handful a month. */
export const SMS_PER_PHONE = { limit: 20, windowSeconds: 3600 };

export interface SmsSender {
  /** The phone as identities keep it ("+380…"); null for a number that cannot be a Ukrainian phone. */
  phone: string | null;
  /** The person the phone is a verified identity of, with their language; null for nobody. */
  person: { userId: number; locale: Locale } | null;
}

export async function identifySmsSender(deps: Deps, options: { from: string }): Promise<SmsSender> {
  const phone = normalizeAddress("phone", options.from);
  const counted = await hit(deps, `sms:${phone ?? options.from.slice(0, 40)}`, SMS_PER_PHONE);
  if (!counted.allowed) {
    // firstRefusal: the reply that says so goes out once per window, then the phone is not answered at all.
    throw new AppError(
      "too_many_attempts",
      { minutes: Math.ceil(counted.retryAfterSeconds / 60) },
      {
        retryAfterSeconds: counted.retryAfterSeconds,
        firstRefusal: counted.hits === SMS_PER_PHONE.limit + 1,
      },
    );
  }
  if (!phone) return { phone: null, person: null };
  const row = await deps.database.db
    .selectFrom("identities as i")
    .innerJoin("users as u", "u.id", "i.user_id")
    .select(["u.id", "u.locale"])
    .where("i.kind", "=", "phone")
    .where("i.external_id", "=", phone)
    .where("i.verified_at", "is not", null)
    .executeTakeFirst();
  return { phone, person: row ? { userId: row.id, locale: row.locale } : null };
}
