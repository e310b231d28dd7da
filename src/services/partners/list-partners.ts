// The partners as the platform administrator manages them: providers, limits, keys (ids and validity, never
// secrets) and what they took today.
import { sql } from "kysely";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { Deps } from "../deps.ts";

export interface PartnerView {
  id: number;
  code: string;
  name: string;
  registrySource: string;
  providers: string[];
  terminalProtocol: boolean;
  ipAllow: string[];
  ratePerMinute: number;
  minPaymentKop: number;
  maxPaymentKop: number;
  dailyLimitKop: number;
  disabled: boolean;
  keys: { keyId: string; createdAt: string; expiresAt: string | null; valid: boolean }[];
  today: { payments: number; kop: number };
}

export async function listPartners(deps: Deps, o: { code?: string } = {}): Promise<PartnerView[]> {
  const { db } = deps.database;
  const now = deps.now();
  let q = db
    .selectFrom("partners as p")
    .innerJoin("registry_sources as s", "s.id", "p.registry_source_id")
    .select([
      "p.id",
      "p.code",
      "p.name",
      "s.name as source",
      "p.terminal_protocol",
      sql<string[]>`p.ip_allow::text[]`.as("ip_allow"),
      "p.rate_per_minute",
      "p.min_payment_kop",
      "p.max_payment_kop",
      "p.daily_limit_kop",
      "p.disabled_at",
    ])
    .orderBy("p.code");
  if (o.code !== undefined) q = q.where("p.code", "=", o.code);
  const partners = await q.execute();
  if (partners.length === 0) return [];
  const ids = partners.map((p) => p.id);
  const [grants, keys, today] = await Promise.all([
    db
      .selectFrom("partner_providers as pp")
      .innerJoin("providers as pr", "pr.id", "pp.provider_id")
      .select(["pp.partner_id", "pr.code"])
      .where("pp.partner_id", "in", ids)
      .orderBy("pr.code")
      .execute(),
    db
      .selectFrom("partner_keys")
      .select(["partner_id", "key_id", "created_at", "expires_at"])
      .where("partner_id", "in", ids)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("partner_payments")
      .select([
        "partner_id",
        sql<number>`count(*)::int4`.as("n"),
        sql<number>`coalesce(sum(amount_kop), 0)::int8`.as("kop"),
      ])
      .where("partner_id", "in", ids)
      .where("paid_on", "=", kyivDateOf(now))
      .where("cancelled_at", "is", null)
      .groupBy("partner_id")
      .execute(),
  ]);
  return partners.map((p) => {
    const sums = today.find((t) => t.partner_id === p.id);
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      registrySource: p.source,
      providers: grants.filter((g) => g.partner_id === p.id).map((g) => g.code),
      terminalProtocol: p.terminal_protocol,
      ipAllow: p.ip_allow.map((a) => a.replace(/\/(32|128)$/, "")),
      ratePerMinute: p.rate_per_minute,
      minPaymentKop: p.min_payment_kop,
      maxPaymentKop: p.max_payment_kop,
      dailyLimitKop: p.daily_limit_kop,
      disabled: p.disabled_at !== null,
      keys: keys
        .filter((k) => k.partner_id === p.id)
        .map((k) => ({
          keyId: k.key_id,
          createdAt: k.created_at.toISOString(),
          expiresAt: k.expires_at ? k.expires_at.toISOString() : null,
          valid: k.expires_at === null || k.expires_at > now,
        })),
      today: { payments: sums?.n ?? 0, kop: Number(sums?.kop ?? 0) },
    };
  });
}
