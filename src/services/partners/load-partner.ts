// A partner as its use cases need it: its limits, its registry source (whose name keys its payments in the
// ledger) and the providers granted to it.
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { Actor } from "../actor.ts";
import { AppError } from "../errors.ts";

export interface PartnerRecord {
  id: number;
  code: string;
  name: string;
  sourceId: number;
  sourceName: string;
  terminalProtocol: boolean;
  ipAllow: string[];
  ratePerMinute: number;
  minPaymentKop: number;
  maxPaymentKop: number;
  dailyLimitKop: number;
  userId: number;
  disabled: boolean;
  providerIds: number[];
}

export async function loadPartner(db: Db | Tx, partnerId: number): Promise<PartnerRecord> {
  const row = await db
    .selectFrom("partners as p")
    .innerJoin("registry_sources as s", "s.id", "p.registry_source_id")
    .select([
      "p.id",
      "p.code",
      "p.name",
      "s.id as sourceId",
      "s.name as sourceName",
      "p.terminal_protocol",
      sql<string[]>`p.ip_allow::text[]`.as("ip_allow"),
      "p.rate_per_minute",
      "p.min_payment_kop",
      "p.max_payment_kop",
      "p.daily_limit_kop",
      "p.user_id",
      "p.disabled_at",
      sql<number[]>`array(select pp.provider_id from partner_providers pp
                          where pp.partner_id = p.id order by pp.provider_id)`.as("provider_ids"),
    ])
    .where("p.id", "=", partnerId)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found");
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    sourceId: row.sourceId,
    sourceName: row.sourceName,
    terminalProtocol: row.terminal_protocol,
    ipAllow: row.ip_allow,
    ratePerMinute: row.rate_per_minute,
    minPaymentKop: Number(row.min_payment_kop),
    maxPaymentKop: Number(row.max_payment_kop),
    dailyLimitKop: Number(row.daily_limit_kop),
    userId: row.user_id,
    disabled: row.disabled_at !== null,
    providerIds: row.provider_ids.map(Number),
  };
}

// The record a request's signature check loaded, kept with that request's actor: its use cases need the same
// partner (limits, registry source), and one request should not read it twice. An actor made otherwise loads it.
const ofActor = new WeakMap<Actor, PartnerRecord>();

/** Remembers, for as long as the actor lives (one request), the partner its signature check loaded. */
export function rememberPartner(actor: Extract<Actor, { kind: "partner" }>, partner: PartnerRecord): void {
  ofActor.set(actor, partner);
}

/** The actor's partner: the one its request's signature check loaded, or read now. */
export async function partnerOfActor(
  db: Db | Tx,
  actor: Extract<Actor, { kind: "partner" }>,
): Promise<PartnerRecord> {
  return ofActor.get(actor) ?? loadPartner(db, actor.partnerId);
}
