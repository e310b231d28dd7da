// The audit trail of gateway callbacks: every one received, with what was done with it.
import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { PaymentCallbackOutcome } from "../../db/tables/payments.table.ts";

export interface CallbackRecord {
  receivedAt: Date;
  gateway: string;
  outcome: PaymentCallbackOutcome;
  reason?: string | null;
  signatureValid: boolean;
  orderId?: string | null;
  accountId?: number | null;
  gatewayStatus?: string | null;
  payload?: Record<string, unknown> | null;
  rawData: string | null;
  rawSignature: string | null;
  remoteAddress: string | null;
}

const LIMIT = 20_000;

// Whatever arrived is stored, but PostgreSQL text cannot hold NUL, nor jsonb a \u0000: a hostile callback
// must not turn its own recording into a server error.
const clean = (s: string | null | undefined, limit = LIMIT): string | null =>
  s == null ? null : s.replace(/\0/g, "\uFFFD").slice(0, limit);

export function cleanPayload(payload: Record<string, unknown> | null | undefined): string | null {
  if (!payload) return null;
  const json = JSON.stringify(payload);
  return json.includes("\\u0000") || json.length > 100_000 ? null : json;
}

export async function recordCallback(db: Db | Tx, r: CallbackRecord): Promise<void> {
  await db
    .insertInto("payment_callbacks")
    .values({
      received_at: r.receivedAt,
      gateway: r.gateway,
      order_id: clean(r.orderId, 255),
      account_id: r.accountId ?? null,
      outcome: r.outcome,
      reason: r.reason ?? null,
      signature_valid: r.signatureValid,
      gateway_status: clean(r.gatewayStatus, 100),
      payload: sql`${cleanPayload(r.payload)}::jsonb` as never,
      raw_data: clean(r.rawData),
      raw_signature: clean(r.rawSignature, 200),
      remote_address: clean(r.remoteAddress, 100),
    })
    .execute();
}
