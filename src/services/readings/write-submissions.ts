// Stores decided submissions: earlier readings of their windows superseded first (one current reading per
// meter, zone and period is a unique index), then every new reading and its audit row in one statement.
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import { notifySubmissions } from "../notifications/reading-notifications.ts";
import type { WritePlan } from "./decide-submission.ts";

export async function writeSubmissions(trx: Tx, plans: WritePlan[]): Promise<void> {
  if (plans.length === 0) return;
  const superseded = plans.flatMap((p) => p.supersede.map((id) => ({ accountId: p.accountId, id })));
  if (superseded.length > 0) {
    await sql`
      update readings r set status = 'superseded'
      from unnest(${superseded.map((s) => s.accountId)}::bigint[], ${superseded.map((s) => s.id)}::bigint[])
        as s(account_id, id)
      where r.account_id = s.account_id and r.id = s.id
        and r.account_id = any(${superseded.map((s) => s.accountId)}::bigint[])`.execute(trx);
  }
  await trx
    .with("audit", (db) =>
      db
        .insertInto("audit_log")
        .values(plans.map((p) => p.audit))
        .returning("id"),
    )
    .insertInto("readings")
    .values(plans.flatMap((p) => p.readings))
    .execute();
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
