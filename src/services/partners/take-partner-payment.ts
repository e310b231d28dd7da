// takePartnerPayment: a payment a partner took, posted once. The partner's transaction id is the key: the same id
// with the same content answers the first receipt again (a retry, however many arrive at once: the second insert of
// one id waits on the key until the first commits); with other content it is a conflict. The ledger entry is the bank
// registry's (source 'bank_registry', source_ref '<the partner's registry source>:<txn id>'), so the partner's daily
// file, imported or reconciled, never posts it again, nor the API a payment the file brought first. The day's total
// is reserved before, in a transaction of its own that does not wait for the disk, and given back if the payment is
// not taken: the daily limit holds under any concurrency, and a partner's payments do not queue at one row's fsync.
import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import { quickCommit } from "../../db/quick-commit.ts";
import type { PartnerPaymentChannel } from "../../db/tables/partners.table.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { firstDay, parsePeriod, periodOf } from "../../domain/period.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { postLedgerEntries } from "../ledger/post-entries.ts";
import { type PartnerRecord, partnerOfActor } from "./load-partner.ts";
import { findPartnerAccountForPayment } from "./partner-account.ts";
import { refuseOverLimit } from "./partner-limits.ts";
import { findPartnerPayment } from "./partner-payment-row.ts";
import { type PartnerPaymentView, partnerPaymentView } from "./partner-payment-view.ts";

export interface PartnerPaymentInput {
  txnId: string;
  provider: string;
  account: string;
  amountKop: number;
  /** When the payer paid, an instant. */
  paidAt: Date;
  service?: ServiceCode | undefined;
  /** YYYY-MM: the month it pays; else the month it was paid in. */
  period?: string | undefined;
}

export interface TakenPayment {
  payment: PartnerPaymentView;
  /** false: the same transaction came before, and this is its first answer. */
  created: boolean;
}

/** How far back a payment's time may be: a terminal that was offline a weekend still delivers. */
const PAID_AT_MAX_AGE_MS = 3 * 24 * 3600 * 1000;
/** A partner's clock may run a little ahead of ours. */
const PAID_AT_SKEW_MS = 5 * 60 * 1000;

/** Raised inside the transaction when the id was taken first: the transaction rolls back, the first answer stands. */
class AlreadyTaken extends Error {}

export async function takePartnerPayment(
  deps: Deps,
  actor: Extract<Actor, { kind: "partner" }>,
  input: PartnerPaymentInput,
  channel: PartnerPaymentChannel,
): Promise<TakenPayment> {
  const { db } = deps.database;
  const now = deps.now();
  const hash = requestHash(input);
  const repeat = async () => {
    const earlier = await findPartnerPayment(db, actor.partnerId, input.txnId);
    if (!earlier) return null;
    if (earlier.request_hash !== hash)
      throw new AppError("partner_txn_conflict", { txnId: input.txnId }, { receipt: earlier.receipt });
    return { payment: partnerPaymentView(earlier), created: false };
  };
  try {
    const partner = await partnerOfActor(db, actor);
    const account = await findPartnerAccountForPayment(db, actor, input);
    // A line an administrator reviewed from a reconciliation may be of any past day; a partner's own, 3 days back.
    checkPaidAt(
      input.paidAt,
      now,
      channel === "reconciliation" ? Number.POSITIVE_INFINITY : PAID_AT_MAX_AGE_MS,
    );
    refuseOverLimit(partner, input.amountKop, 0);
    const period = firstDay(input.period ? parsePeriod(input.period) : periodOf(kyivDateOf(input.paidAt)));
    const paidOn = kyivDateOf(input.paidAt);
    const receipt = `PB${randomBytes(6).toString("hex").toUpperCase()}`;
    const row = {
      partner_id: partner.id,
      txn_id: input.txnId,
      receipt,
      account_id: account.accountId,
      account_number: account.number,
      provider_id: account.providerId,
      amount_kop: input.amountKop,
      paid_at: input.paidAt,
      paid_on: paidOn,
      service_code: input.service ?? null,
      period,
      request_hash: hash,
      channel,
      created_at: now,
      cancelled_at: null,
    };
    // The day's limit is reserved first, apart: its one row per partner and day is a turnstile every payment passes.
    await reserveDay(deps, partner, paidOn, input.amountKop);
    await db
      .transaction()
      .execute(async (trx) => {
        const inserted = await trx
          .insertInto("partner_payments")
          .values(row)
          .onConflict((oc) => oc.columns(["partner_id", "txn_id"]).doNothing())
          .returning("receipt")
          .executeTakeFirst();
        if (!inserted) throw new AlreadyTaken();
        // 0 when the partner's registry file brought this transaction first: the ledger holds it once either way.
        await postLedgerEntries(
          trx,
          [
            {
              account_id: account.accountId,
              provider_id: account.providerId,
              service_code: input.service ?? null,
              period,
              kind: "payment",
              amount_kop: -input.amountKop,
              entry_date: paidOn,
              source: "bank_registry",
              source_ref: `${partner.sourceName}:${input.txnId}`,
              details: { partner: partner.code, txnId: input.txnId, receipt, channel: "bank", via: channel },
            },
          ],
          now,
        );
      })
      .catch(async (error: unknown) => {
        await releaseDay(deps, partner.id, paidOn, input.amountKop);
        throw error;
      });
    return { payment: partnerPaymentView({ ...row, provider_code: account.providerCode }), created: true };
  } catch (error) {
    // A retry is answered as the first delivery was, whatever changed since (limits, the clock).
    const first = error instanceof AppError || error instanceof AlreadyTaken ? await repeat() : null;
    if (first) return first;
    throw error;
  }
}

/**
 * Counts the amount against the partner's day, or refuses it over the daily limit. Committed without waiting for the
 * disk (db/quick-commit.ts): a reservation a database crash loses lets that much more through that day, never less.
 */
async function reserveDay(deps: Deps, partner: PartnerRecord, day: string, amountKop: number): Promise<void> {
  const { rows } = await quickCommit(deps.database, (trx) =>
    sql<{ taken_kop: number }>`
      insert into partner_day_totals as t (partner_id, day, taken_kop)
      values (${partner.id}, ${day}::date, ${amountKop})
      on conflict (partner_id, day) do update set taken_kop = t.taken_kop + excluded.taken_kop
        where t.taken_kop + excluded.taken_kop <= ${partner.dailyLimitKop}
      returning taken_kop`.execute(trx),
  );
  if (rows.length === 0) refuseOverLimit(partner, amountKop, partner.dailyLimitKop);
}

/** Gives a reservation back: its payment was not taken (a refusal, a repeat, a failure). */
export async function releaseDay(
  deps: Deps,
  partnerId: number,
  day: string,
  amountKop: number,
): Promise<void> {
  await quickCommit(deps.database, (trx) =>
    trx
      .updateTable("partner_day_totals")
      .set((eb) => ({ taken_kop: eb("taken_kop", "-", amountKop) }))
      .where("partner_id", "=", partnerId)
      .where("day", "=", day)
      .execute(),
  );
}

function requestHash(input: PartnerPaymentInput): string {
  return createHash("sha256")
    .update(
      JSON.stringify([
        input.provider.trim().toLowerCase(),
        input.account.trim(),
        input.amountKop,
        input.paidAt.toISOString(),
        input.service ?? null,
        input.period ?? null,
      ]),
    )
    .digest("hex");
}

function checkPaidAt(paidAt: Date, now: Date, maxAgeMs: number): void {
  const age = now.getTime() - paidAt.getTime();
  if (Number.isNaN(age) || age < -PAID_AT_SKEW_MS || age > maxAgeMs)
    throw new AppError("partner_paid_at_invalid", { paidAt: Number.isNaN(age) ? "?" : paidAt.toISOString() });
}
