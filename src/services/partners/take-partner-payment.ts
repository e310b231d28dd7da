// takePartnerPayment: a payment a partner took, posted once. The partner's transaction id is the key: the same id
// with the same content answers the first receipt again (a retry, however many arrive at once); with other content
// it is a conflict. The ledger entry is the bank registry's (source 'bank_registry', source_ref
// '<the partner's registry source>:<txn id>'), so the partner's daily file, imported or reconciled, never posts it
// again, nor the API a payment the file brought first. A partner's payments take turns (an advisory lock), so its
// daily limit holds under any concurrency.
import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import type { PartnerPaymentChannel } from "../../db/tables/partners.table.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { kop, uahString } from "../../domain/money.ts";
import { amountRefusal } from "../../domain/partners/partner-amount.ts";
import { firstDay, parsePeriod, periodOf } from "../../domain/period.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { postLedgerEntries } from "../ledger/post-entries.ts";
import { loadPartner, type PartnerRecord } from "./load-partner.ts";
import { findPartnerAccount } from "./partner-account.ts";
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

/** Partner payments of one partner take turns under this lock (with the partner's id). */
const LOCK_KEY = 4_242_021;
/** How far back a payment's time may be: a terminal that was offline a weekend still delivers. */
const PAID_AT_MAX_AGE_MS = 3 * 24 * 3600 * 1000;
/** A partner's clock may run a little ahead of ours. */
const PAID_AT_SKEW_MS = 5 * 60 * 1000;

export async function takePartnerPayment(
  deps: Deps,
  actor: Extract<Actor, { kind: "partner" }>,
  input: PartnerPaymentInput,
  channel: PartnerPaymentChannel,
): Promise<TakenPayment> {
  const { db } = deps.database;
  const now = deps.now();
  const hash = createHash("sha256")
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
  // A retry is answered before anything else is looked at: the first answer stands even if limits changed since.
  const earlier = await findPartnerPayment(db, actor.partnerId, input.txnId);
  if (earlier) return { payment: repeatOf(earlier, hash, input.txnId), created: false };

  const partner = await loadPartner(db, actor.partnerId);
  const account = await findPartnerAccount(db, actor, input);
  checkPaidAt(input.paidAt, now);
  const period = input.period ? parsePeriod(input.period) : periodOf(kyivDateOf(input.paidAt));
  const paidOn = kyivDateOf(input.paidAt);
  refuseOverLimit(partner, input.amountKop, 0);

  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY}, ${partner.id})`.execute(trx);
    // Under the lock: a concurrent delivery of the same transaction has committed by now, or has not begun.
    const first = await findPartnerPayment(trx, partner.id, input.txnId);
    if (first) return { payment: repeatOf(first, hash, input.txnId), created: false };
    refuseOverLimit(partner, input.amountKop, await takenOn(trx, partner.id, paidOn));
    const receipt = `PB${randomBytes(6).toString("hex").toUpperCase()}`;
    await trx
      .insertInto("partner_payments")
      .values({
        partner_id: partner.id,
        txn_id: input.txnId,
        receipt,
        account_id: account.id,
        provider_id: account.provider.id,
        amount_kop: input.amountKop,
        paid_at: input.paidAt,
        paid_on: paidOn,
        service_code: input.service ?? null,
        period: firstDay(period),
        request_hash: hash,
        channel,
        created_at: now,
      })
      .execute();
    // 0 when the partner's registry file brought this transaction first: the ledger holds it once either way.
    await postLedgerEntries(
      trx,
      [
        {
          account_id: account.id,
          provider_id: account.provider.id,
          service_code: input.service ?? null,
          period: firstDay(period),
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
    const row = await findPartnerPayment(trx, partner.id, input.txnId);
    return { payment: partnerPaymentView(row!), created: true };
  });
}

function repeatOf(
  row: NonNullable<Awaited<ReturnType<typeof findPartnerPayment>>>,
  hash: string,
  txnId: string,
) {
  if (row.request_hash !== hash)
    throw new AppError("partner_txn_conflict", { txnId }, { receipt: row.receipt });
  return partnerPaymentView(row);
}

function checkPaidAt(paidAt: Date, now: Date): void {
  const age = now.getTime() - paidAt.getTime();
  if (Number.isNaN(age) || age < -PAID_AT_SKEW_MS || age > PAID_AT_MAX_AGE_MS)
    throw new AppError("partner_paid_at_invalid", { paidAt: Number.isNaN(age) ? "?" : paidAt.toISOString() });
}

function refuseOverLimit(partner: PartnerRecord, amountKop: number, takenTodayKop: number): void {
  const refusal = amountRefusal(amountKop, partner, takenTodayKop);
  if (refusal === null) return;
  throw new AppError(refusal, {
    min: uahString(kop(partner.minPaymentKop)),
    max: uahString(kop(partner.maxPaymentKop)),
    limit: uahString(kop(partner.dailyLimitKop)),
  });
}

/** What the partner took that was paid on a Kyiv day, cancelled payments not counted. */
async function takenOn(trx: Tx, partnerId: number, day: string): Promise<number> {
  const row = await trx
    .selectFrom("partner_payments")
    .select(sql<number>`coalesce(sum(amount_kop), 0)::int8`.as("kop"))
    .where("partner_id", "=", partnerId)
    .where("paid_on", "=", day)
    .where("cancelled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.kop);
}
