// Stores decided submissions: earlier readings of their windows superseded first (one current reading per meter,
// zone and period is a unique index), then every new reading and its audit row — in one statement on one server,
// in two on Citus (WriteOptions).
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import { prepared } from "../../db/engines/prepared-statements.ts";
import { notifySubmissions } from "../notifications/reading-notifications.ts";
import type { WritePlan } from "./decide-submission.ts";

export interface WriteOptions {
  /**
   * On Citus, the superseded readings go first in a statement of their own. Inside the one statement the update
   * is a modifying CTE that Citus plans apart from the insert, and each batch then locked every shard of the
   * readings: batches of different shards waited on each other, 15 submissions a second against 171 (bench:readings,
   * 32 shards). On one server the one statement saves a round trip for each batch with corrections.
   */
  supersedeApart: boolean;
}

export async function writeSubmissions(trx: Tx, plans: WritePlan[], options: WriteOptions): Promise<void> {
  if (plans.length === 0) return;
  const superseded = plans.flatMap((p) => p.supersede.map((id) => ({ accountId: p.accountId, id })));
  const supersede = sql`
      update readings r set status = 'superseded'
      from unnest(${superseded.map((s) => s.accountId)}::bigint[], ${superseded.map((s) => s.id)}::bigint[])
        as s(account_id, id)
      where r.account_id = s.account_id and r.id = s.id
        and r.account_id = any(${superseded.map((s) => s.accountId)}::bigint[])`;
  // Columns as arrays, so the statement's text is the same for any batch and is prepared once (db/engines/
  // prepared-statements.ts).
  const audits = plans.map((p) => p.audit);
  const a = <T>(f: (row: (typeof audits)[number]) => T) => audits.map(f);
  const readings = plans.flatMap((p) => p.readings);
  const r = <T>(f: (row: (typeof readings)[number]) => T) => readings.map(f);
  const audit = sql`
    audit as (
      insert into audit_log (actor_user_id, provider_id, account_id, channel, action, details)
      select * from unnest(${a((x) => x.actor_user_id ?? null)}::bigint[], ${a((x) => x.provider_id ?? null)}::int[],
        ${a((x) => x.account_id ?? null)}::bigint[], ${a((x) => x.channel)}::text[], ${a((x) => x.action)}::text[],
        ${a((x) => x.details as unknown as string)}::jsonb[])
      returning id)`;
  const insert = sql`
    insert into readings (account_id, provider_id, meter_id, zone, value, kind, taken_at, submitted_at, deemed_on,
      period, channel, actor_user_id, submission_id, receipt, raw_input, status, review_reason, corrects_reading_id)
    select * from unnest(${r((x) => x.account_id)}::bigint[], ${r((x) => x.provider_id)}::int[],
      ${r((x) => x.meter_id)}::bigint[], ${r((x) => x.zone ?? 1)}::smallint[], ${r((x) => x.value)}::numeric[],
      ${r((x) => x.kind ?? "regular")}::text[], ${r((x) => x.taken_at)}::timestamptz[],
      ${r((x) => x.submitted_at ?? new Date())}::timestamptz[], ${r((x) => x.deemed_on)}::date[],
      ${r((x) => x.period)}::date[], ${r((x) => x.channel)}::text[], ${r((x) => x.actor_user_id ?? null)}::bigint[],
      ${r((x) => x.submission_id)}::uuid[], ${r((x) => x.receipt)}::text[], ${r((x) => x.raw_input ?? null)}::text[],
      ${r((x) => x.status)}::text[], ${r((x) => x.review_reason ?? null)}::text[],
      ${r((x) => x.corrects_reading_id ?? null)}::bigint[])`;
  if (options.supersedeApart) {
    if (superseded.length > 0) await prepared(supersede).execute(trx);
    await prepared(sql`with ${audit} ${insert}`).execute(trx);
  } else {
    // One statement, one round trip: the earlier readings superseded, the audit rows, the new readings. The update
    // must be done before the first new reading enters the unique index of current readings, so the insert waits
    // on a count of the update's rows: a condition on no row of its own, run once before the first row is made.
    await prepared(sql`
      with superseded as (${supersede} returning r.id), ${audit}
      ${insert}
      where (select count(*) from superseded) >= 0`).execute(trx);
  }
  // Accepted or flagged: the account's people are told, in this same transaction (services/notifications).
  const first = plans[0]!.readings[0];
  await notifySubmissions(
    trx,
    plans.flatMap((p) => {
      const r = p.readings[0];
      return r && (r.status === "accepted" || r.status === "pending_review") && p.tell.people.length > 0
        ? [
            {
              submissionId: r.submission_id,
              accountNumber: p.tell.accountNumber,
              receipt: r.receipt,
              status: r.status,
              people: p.tell.people,
            },
          ]
        : [];
    }),
    first?.submitted_at instanceof Date ? first.submitted_at : new Date(),
  );
}
