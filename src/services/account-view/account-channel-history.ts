// What came for an account by which door, newest first: readings (each submission with the channel it came
// by), payments (card payments online, bank registries, an operator's entry), and what people did with the
// account (linked it, unlinked it, an operator linked it for a caller, staff actions the audit log names).
// Three reads by the account, each the newest `limit`, merged here: readings and the ledger live with the
// account, the audit log on the coordinator (docs/scale-out.md), so no statement joins them.
import { kyivDateOf, kyivMidnight } from "../../domain/kyiv-time.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";

/** The door something came through: the platform's channels, and "bank" for a payment in a bank's registry. */
export type HistoryChannel = string;

export interface ChannelEvent {
  at: string;
  kind: "reading" | "payment" | "account_event";
  channel: HistoryChannel;
  reading?: {
    meterId: number;
    serial: string;
    service: string;
    zones: number;
    values: { zone: number; value: string }[];
    status: string;
    receipt: string;
    reviewReason: string | null;
  };
  payment?: { amountKop: number; source: string; period: string };
  event?: { action: string; actorName: string | null; byStaff: boolean };
}

const PAYMENT_CHANNEL: Record<string, HistoryChannel> = {
  payment_gateway: "web",
  bank_registry: "bank",
  operator: "contact_centre",
  import: "import",
  seed: "import",
};

/** When a payment came: its posting time when posted the day it is dated, else the start of its day. */
function paymentInstant(entryDate: string, postedAt: Date): Date {
  return kyivDateOf(postedAt) === entryDate ? postedAt : kyivMidnight(entryDate as LocalDate);
}

export async function accountChannelHistory(
  deps: Deps,
  options: { actor: Actor; accountId: number; limit?: number },
): Promise<ChannelEvent[]> {
  const { db } = deps.database;
  const limit = options.limit ?? 100;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const [readings, payments, audit] = await Promise.all([
    db
      .selectFrom("readings as r")
      .innerJoin("meters as m", (j) =>
        j.onRef("m.account_id", "=", "r.account_id").onRef("m.id", "=", "r.meter_id"),
      )
      .select([
        "r.submission_id",
        "r.submitted_at",
        "r.channel",
        "r.zone",
        "r.value",
        "r.status",
        "r.receipt",
        "r.review_reason",
        "r.meter_id",
        "m.serial",
        "m.service_code",
        "m.zones",
      ])
      .where("r.account_id", "=", account.id)
      .orderBy("r.submitted_at", "desc")
      .orderBy("r.id", "desc")
      // A submission has up to three zones: enough rows for `limit` submissions.
      .limit(limit * 3)
      .execute(),
    db
      .selectFrom("ledger_entries")
      .select(["entry_date", "posted_at", "amount_kop", "source", "period"])
      .where("account_id", "=", account.id)
      .where("kind", "=", "payment")
      .orderBy("entry_date", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute(),
    db
      .selectFrom("audit_log as l")
      .leftJoin("users as u", "u.id", "l.actor_user_id")
      .select((eb) => [
        "l.at",
        "l.channel",
        "l.action",
        "u.full_name",
        eb
          .exists(
            eb
              .selectFrom("staff_roles as sr")
              .select("sr.role")
              .whereRef("sr.user_id", "=", "l.actor_user_id"),
          )
          .as("by_staff"),
      ])
      .where("l.account_id", "=", account.id)
      .orderBy("l.at", "desc")
      .orderBy("l.id", "desc")
      .limit(limit)
      .execute(),
  ]);

  const events: ChannelEvent[] = [];
  const submissions = new Map<string, ChannelEvent>();
  for (const r of readings) {
    let event = submissions.get(r.submission_id);
    if (!event) {
      event = {
        at: r.submitted_at.toISOString(),
        kind: "reading",
        channel: r.channel,
        reading: {
          meterId: r.meter_id,
          serial: r.serial,
          service: r.service_code,
          zones: r.zones,
          values: [],
          status: r.status,
          receipt: r.receipt,
          reviewReason: r.review_reason,
        },
      };
      submissions.set(r.submission_id, event);
      events.push(event);
    }
    event.reading!.values.push({ zone: r.zone, value: r.value });
  }
  for (const e of events) e.reading!.values.sort((a, b) => a.zone - b.zone);
  for (const p of payments)
    events.push({
      at: paymentInstant(p.entry_date, p.posted_at).toISOString(),
      kind: "payment",
      channel: PAYMENT_CHANNEL[p.source] ?? p.source,
      payment: { amountKop: -p.amount_kop, source: p.source, period: p.period.slice(0, 7) },
    });
  for (const a of audit)
    events.push({
      at: a.at.toISOString(),
      kind: "account_event",
      channel: a.channel,
      event: { action: a.action, actorName: a.full_name, byStaff: Boolean(a.by_staff) },
    });
  return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
}
