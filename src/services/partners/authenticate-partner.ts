// Who sent a partner request: the key named in X-Key-Id, if the request is signed with its secret (docs/partners.md),
// within 5 minutes of our clock, never seen before, from an allowed address, and within the partner's rate. Each
// refusal writes nothing; only a request that passes leaves its signature, so the same one again is a replay.
import { sql } from "kysely";
import { quickCommit } from "../../db/quick-commit.ts";
import {
  SIGNATURE_HEADERS,
  SIGNATURE_WINDOW_SECONDS,
  type SignedParts,
  signatureMatches,
  timestampFresh,
} from "../../domain/partners/request-signature.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { hit } from "../rate-limit.ts";
import { loadPartner, type PartnerRecord, rememberPartner } from "./load-partner.ts";

export interface PartnerRequest {
  method: string;
  /** Path and query string as received. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string | Uint8Array;
  ip: string;
  locale: Locale;
}

export interface AuthenticatedPartner {
  actor: Extract<Actor, { kind: "partner" }>;
  partner: PartnerRecord;
  keyId: string;
}

const header = (headers: PartnerRequest["headers"], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export async function authenticatePartner(
  deps: Deps,
  request: PartnerRequest,
): Promise<AuthenticatedPartner> {
  const { db } = deps.database;
  const keyId = header(request.headers, SIGNATURE_HEADERS.keyId) ?? "";
  const timestampText = header(request.headers, SIGNATURE_HEADERS.timestamp) ?? "";
  const signature = (header(request.headers, SIGNATURE_HEADERS.signature) ?? "").toLowerCase();
  const now = deps.now();
  const key = /^pk_[a-z0-9]{20,40}$/.test(keyId)
    ? await db
        .selectFrom("partner_keys as k")
        .innerJoin("partners as p", "p.id", "k.partner_id")
        .select([
          "k.partner_id",
          "k.secret",
          "k.expires_at",
          "p.disabled_at",
          sql<boolean>`coalesce(cardinality(p.ip_allow) = 0 or ${request.ip}::inet <<= any(p.ip_allow), false)`.as(
            "address_allowed",
          ),
        ])
        .where("k.key_id", "=", keyId)
        .executeTakeFirst()
    : undefined;
  // An unknown key, a revoked or expired one and a disabled partner are one answer: nothing to tell them apart by.
  if (!key || (key.expires_at !== null && key.expires_at <= now) || key.disabled_at !== null)
    throw new AppError("partner_signature_invalid");
  const timestamp = /^\d{1,12}$/.test(timestampText) ? Number(timestampText) : Number.NaN;
  const parts: SignedParts = { method: request.method, path: request.path, timestamp, body: request.body };
  if (!signatureMatches(key.secret, parts, signature)) throw new AppError("partner_signature_invalid");
  if (!timestampFresh(timestamp, Math.floor(now.getTime() / 1000)))
    throw new AppError("partner_timestamp_stale");
  if (!key.address_allowed) throw new AppError("partner_ip_not_allowed", { ip: request.ip });

  const partner = await loadPartner(db, key.partner_id);
  // Every request of a partner bumps one counter: its commit must not wait for the disk, or they would queue on it.
  const rate = await quickCommit(deps.database, (trx) =>
    hit(deps, `partner:${partner.id}`, { limit: partner.ratePerMinute, windowSeconds: 60, trx }),
  );
  if (!rate.allowed) throw new AppError("too_many_attempts", { retryAfterSeconds: rate.retryAfterSeconds });

  // The signature is remembered for as long as its timestamp is fresh; older ones are swept as new ones come.
  const seen = await sql<{ signature: string }>`
    with swept as (
      delete from partner_signatures
      where seen_at < ${new Date(now.getTime() - 2 * SIGNATURE_WINDOW_SECONDS * 1000)}
        and ctid in (select ctid from partner_signatures
                     where seen_at < ${new Date(now.getTime() - 2 * SIGNATURE_WINDOW_SECONDS * 1000)} limit 100)
    )
    insert into partner_signatures (signature, seen_at) values (${signature}, ${now})
    on conflict (signature) do nothing
    returning signature`.execute(db);
  if (seen.rows.length === 0) throw new AppError("partner_replay");

  const actor = {
    kind: "partner" as const,
    partnerId: partner.id,
    userId: partner.userId,
    providerIds: partner.providerIds,
    locale: request.locale,
  };
  rememberPartner(actor, partner);
  return { actor, partner, keyId };
}
