// receivePaymentCallback: a gateway tells us how a payment went. Its signature is checked first; then the order
// (known, of this gateway, the same amount and currency) moves in ONE transaction with its ledger entries, under
// a row lock, so repeated or concurrent callbacks credit once, and one arriving before the resident's browser
// returns is just as good. Every callback is recorded in payment_callbacks, a refused one with its reason (in its
// own transaction, so the refusal is kept while nothing else is written).
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import type { PaymentOrder } from "../../db/tables/payments.table.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { kop, uahString } from "../../domain/money.ts";
import { nextOrderStatus, type OrderTransition } from "../../domain/payments/order-status.ts";
import { periodOf } from "../../domain/period.ts";
import type { PaymentDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { type NewLedgerEntry, postLedgerEntries } from "../ledger/post-entries.ts";
import type { CallbackBody, PaymentGateway, VerifiedCallback } from "./gateway.ts";
import { orderAccountId } from "./order-account.ts";
import { ORDER_ID } from "./order-view.ts";
import { type CallbackRecord, cleanPayload, recordCallback } from "./record-callback.ts";

export interface ReceiveCallbackOptions {
  /** The gateway named in the callback's path. */
  gateway: string;
  body: CallbackBody;
  remoteAddress?: string | undefined;
}

export interface CallbackResult {
  /** applied: the order moved (and perhaps the ledger); unchanged: a repeat, or a stale status after a final one. */
  outcome: "applied" | "unchanged";
  orderId: string;
  status: PaymentOrder["status"];
  /** Ledger entries this callback posted (0 or 1). */
  posted: number;
}

export async function receivePaymentCallback(
  deps: PaymentDeps,
  options: ReceiveCallbackOptions,
): Promise<CallbackResult> {
  const gateway = deps.gateways.get(options.gateway);
  // Not a gateway of this installation: nothing to verify against, nothing worth keeping.
  if (!gateway) throw new AppError("not_found");
  const receivedAt = deps.now();
  const base: Omit<CallbackRecord, "outcome"> = {
    receivedAt,
    gateway: gateway.name,
    rawData: options.body["data"] ?? null,
    rawSignature: options.body["signature"] ?? null,
    remoteAddress: options.remoteAddress ?? null,
    signatureValid: false,
  };

  const verified = gateway.verifyCallback(options.body);
  if (!verified.ok) {
    await recordCallback(deps.database.db, {
      ...base,
      outcome: "rejected",
      reason: verified.reason,
      signatureValid: verified.signatureValid,
      payload: verified.payload,
      // As claimed by an unverified payload: kept to see which order someone tried, never acted upon.
      orderId: claimedOrderId(verified.payload),
    });
    throw new AppError(verified.reason);
  }
  const callback = verified.callback;
  const signed = {
    ...base,
    signatureValid: true,
    payload: callback.payload,
    gatewayStatus: callback.gatewayStatus,
  };
  const reject = async (
    reason: "payment_callback_order_unknown" | "payment_callback_mismatch",
    order?: PaymentOrder,
  ) => {
    await recordCallback(deps.database.db, {
      ...signed,
      outcome: "rejected",
      reason,
      orderId: callback.orderId,
      accountId: order?.account_id ?? null,
    });
    const got = `${callback.amountKop === null ? String(callback.payload["amount"]) : uahString(kop(callback.amountKop))} ${callback.currency}`;
    return new AppError(
      reason,
      {
        orderId: callback.orderId,
        got,
        expected: order ? `${uahString(kop(order.amount_kop))} ${order.currency}` : "",
      },
      { orderId: callback.orderId },
    );
  };

  // The order of this gateway. Amount, currency and gateway never change on an order, so they are checked
  // before the lock.
  const order = await findOrder(deps, callback.orderId);
  if (!order || order.gateway !== gateway.name) throw await reject("payment_callback_order_unknown");
  if (callback.amountKop !== order.amount_kop || callback.currency !== order.currency) {
    throw await reject("payment_callback_mismatch", order);
  }

  const outcome = gateway.mapStatus(callback.gatewayStatus);
  return deps.database.db.transaction().execute(async (trx) => {
    // The lock serialises callbacks of one order: the second of two concurrent ones sees the first's result.
    const current = await trx
      .selectFrom("payment_orders")
      .selectAll()
      .where("account_id", "=", order.account_id)
      .where("id", "=", order.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const move = nextOrderStatus(current.status, outcome);
    const posted = await postLedgerEntries(trx, ledgerEntries(current, move, callback, receivedAt));
    await updateOrder(trx, current, move, callback, gateway, receivedAt);
    await recordCallback(trx, {
      ...signed,
      outcome: move.changed ? "applied" : "unchanged",
      orderId: current.id,
      accountId: current.account_id,
    });
    return {
      outcome: move.changed ? "applied" : "unchanged",
      orderId: current.id,
      status: move.status,
      posted,
    } satisfies CallbackResult;
  });
}

function claimedOrderId(payload: Record<string, unknown> | null): string | null {
  const id = payload?.["order_id"];
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
}

async function findOrder(deps: PaymentDeps, orderId: string): Promise<PaymentOrder | undefined> {
  if (!ORDER_ID.test(orderId)) return undefined;
  const { db } = deps.database;
  const accountId = await orderAccountId(db, orderId);
  if (accountId === null) return undefined;
  return db
    .selectFrom("payment_orders")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("id", "=", orderId)
    .executeTakeFirst();
}

/** The payment on success, its reversal once; each keyed by the order, so the ledger refuses a second copy. */
function ledgerEntries(
  order: PaymentOrder,
  move: OrderTransition,
  callback: VerifiedCallback,
  at: Date,
): NewLedgerEntry[] {
  const day = kyivDateOf(at);
  const common = {
    account_id: order.account_id,
    provider_id: order.provider_id,
    service_code: order.service_code,
    // The period it names, else the month it was paid in (the ledger's period is never empty); an unnamed
    // payment still settles the oldest debt first, since details.period is null. paid_at is written once, by the
    // callback that credits (`at` then), so the payment and its reversal share one month, and a repeated callback
    // in a later month computes the same ledger key (it holds the period).
    period: order.period ?? `${periodOf(kyivDateOf(order.paid_at ?? at))}-01`,
    entry_date: day,
    source: "payment_gateway" as const,
  };
  const details = {
    period: order.period?.slice(0, 7) ?? null,
    service: order.service_code,
    order_id: order.id,
    payment_id: callback.paymentId,
    gateway: order.gateway,
  };
  const entries: NewLedgerEntry[] = [];
  if (move.credit) {
    entries.push({
      ...common,
      kind: "payment",
      amount_kop: -order.amount_kop,
      source_ref: `order:${order.id}`,
      details,
    });
  }
  if (move.reverse) {
    entries.push({
      ...common,
      kind: "adjustment",
      amount_kop: order.amount_kop,
      source_ref: `order:${order.id}:reversed`,
      details: { ...details, reason: "reversed" },
    });
  }
  return entries;
}

async function updateOrder(
  trx: Tx,
  order: PaymentOrder,
  move: OrderTransition,
  callback: VerifiedCallback,
  gateway: PaymentGateway,
  at: Date,
): Promise<void> {
  // After a final status a stale callback changes nothing, not even the gateway's last word.
  const final = order.status === "success" || order.status === "reversed";
  if (!move.changed && final) return;
  await trx
    .updateTable("payment_orders")
    .set({
      status: move.status,
      gateway_status: callback.gatewayStatus,
      gateway_payment_id: callback.paymentId ?? order.gateway_payment_id,
      last_callback: sql`${cleanPayload(callback.payload)}::jsonb`,
      updated_at: at,
      ...(move.credit ? { paid_at: at } : {}),
      ...(move.status === "reversed" && order.status !== "reversed" ? { reversed_at: at } : {}),
    })
    .where("account_id", "=", order.account_id)
    .where("id", "=", order.id)
    .where("gateway", "=", gateway.name)
    .execute();
}
