// The money notifications: a new bill once a provider's month is billed (in the run's closing transaction), a
// payment received (in the transaction that posted it to the ledger), and the monthly debt reminder for accounts
// owing more than a threshold. Each is one set-based statement whatever the number of people (notify.ts).
import { type RawBuilder, sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { type Period, periodOf } from "../../domain/period.ts";
import { inEveryLocale } from "../../i18n/messages.ts";
import type { Deps } from "../deps.ts";
import { monthName } from "../documents/render/format.ts";
import { outboxWritten } from "../outbox/outbox-signal.ts";
import { notificationSteps, notify } from "./notify.ts";

/** A debt reminder goes for a balance above this (100 UAH), unless the caller says otherwise. */
export const DEBT_REMINDER_THRESHOLD_KOP = 10_000;

/** Kopiykas as "1234,56", the way the texts say "{amount} грн". */
const uah = (kop: ReturnType<typeof sql>) =>
  sql`replace(to_char((${kop}) / 100.0, 'FM999999999990.00'), '.', ',')`;

const providerNames = async (db: Db | Tx, providerId: number) => {
  const p = await db
    .selectFrom("providers")
    .select(["name_uk", "name_ru", "name_en"])
    .where("id", "=", providerId)
    .executeTakeFirstOrThrow();
  return { uk: p.name_uk, ru: p.name_ru, en: p.name_en };
};

/** "The bill for <month> is ready" to the people of every open account of the provider. */
export async function notifyBills(
  trx: Tx,
  bill: { providerId: number; period: Period },
  now: Date,
): Promise<number> {
  return notify(trx, {
    template: "bill_ready",
    params: {
      provider: await providerNames(trx, bill.providerId),
      period: inEveryLocale((l) => monthName(bill.period, l)),
    },
    rowParams: ["account"],
    recipients: sql`
      select ua.user_id, 'bill:' || a.id || ':' || ${bill.period}::text as event_key,
        jsonb_build_object('account', a.number) as row_params
      from user_accounts ua
      join accounts a on a.id = ua.account_id
      where ua.provider_id = ${bill.providerId}
        and (a.closed_on is null or a.closed_on >= ${`${bill.period}-01`}::date)`,
    now,
  });
}

/**
 * "Payment received" to the people of each account, as notify_* steps of the statement that posts the payments:
 * `payments` names the caller's CTE of the entries just inserted, with columns account_id, id, kind, amount_kop;
 * `accountIds` the accounts paid, named again to the account-keyed tables so that on Citus the statement reaches
 * only their shards (a join alone does not route: test/db/citus-routing.test.ts).
 */
export function paymentNotificationSteps(
  payments: string,
  accountIds: readonly number[],
  now: Date,
): RawBuilder<unknown> {
  return notificationSteps({
    template: "payment_received",
    params: {},
    rowParams: ["account", "amount"],
    recipients: sql`
      select ua.user_id, 'payment:' || p.account_id || ':' || p.id as event_key,
        jsonb_build_object('account', a.number, 'amount', ${uah(sql`-p.amount_kop`)}) as row_params
      from ${sql.table(payments)} p
      join accounts a on a.id = p.account_id
      join user_accounts ua on ua.account_id = a.id
      where p.kind = 'payment' and a.id = any(${accountIds}::bigint[]) and ua.account_id = any(${accountIds}::bigint[])`,
    now,
  });
}

/** The monthly reminder to the people of every account owing more than the threshold today, per provider. */
export async function notifyDebts(
  deps: Deps,
  options: { thresholdKop?: number } = {},
): Promise<{ providers: number; queued: number }> {
  const { db } = deps.database;
  const now = deps.now();
  const today = kyivDateOf(now);
  const month = periodOf(today);
  const threshold = options.thresholdKop ?? DEBT_REMINDER_THRESHOLD_KOP;
  const providers = await db.selectFrom("providers").select("id").orderBy("id").execute();
  let queued = 0;
  for (const { id } of providers) {
    queued += await notify(db, {
      template: "debt_reminder",
      params: { provider: await providerNames(db, id) },
      rowParams: ["account", "amount"],
      recipients: sql`
        select ua.user_id, 'debt:' || d.account_id || ':' || ${month}::text as event_key,
          jsonb_build_object('account', a.number, 'amount', ${uah(sql`d.balance_kop`)}) as row_params
        from (
          select le.account_id, sum(le.amount_kop) as balance_kop
          from ledger_entries le
          where le.provider_id = ${id} and le.entry_date <= ${today}::date
          group by le.account_id
          having sum(le.amount_kop) > ${threshold}
        ) d
        join accounts a on a.id = d.account_id
        join user_accounts ua on ua.account_id = a.id`,
      now,
    });
  }
  if (queued > 0) outboxWritten(deps);
  return { providers: providers.length, queued };
}

/**
 * "Your bill is ready" for the months billing runs closed in the last `days` days, each in a transaction of its
 * own; for the morning job, not the run itself: a 400,000-account provider's notifications are a statement of
 * about 16 s, which the monthly run should not carry. Keyed by account and month, so a month told already is
 * skipped.
 */
export async function notifyClosedBills(deps: Deps, options: { days?: number } = {}): Promise<number> {
  const { db } = deps.database;
  const now = deps.now();
  const since = new Date(now.getTime() - (options.days ?? 3) * 24 * 3600 * 1000);
  const closed = await db
    .selectFrom("closed_periods as c")
    .innerJoin("billing_runs as r", "r.id", "c.run_id")
    .select(["c.provider_id", "c.period"])
    .where("r.finished_at", ">=", since)
    .orderBy("c.provider_id")
    .orderBy("c.period")
    .execute();
  let queued = 0;
  for (const c of closed)
    queued += await db
      .transaction()
      .execute((tx) => notifyBills(tx, { providerId: c.provider_id, period: periodOf(c.period) }, now));
  if (queued > 0) outboxWritten(deps);
  return queued;
}
