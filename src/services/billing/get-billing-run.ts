// One billing run as a page follows it: its size (recorded when it started), the batches committed so far, the
// time it has taken, and its totals once finished. Read from the run's rows, so any process may answer while
// another bills. A run still marked running that no session holds the lock of has stopped (its process died): the
// next start of its month resumes it.
//
// A run marks its row finished before it lets go of its lock. So a row that said running, then a lock found free,
// may be a run that finished in between: the row is read again before the run is called stopped.

import { sql } from "kysely";
import { periodOf } from "../../domain/period.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { authorizeBilling } from "./authorize-billing.ts";
import type { BillingTotals } from "./billing-totals.ts";
import { starterUserId } from "./started-by.ts";

export interface BillingRunProgress {
  id: number;
  providerId: number;
  providerCode: string;
  period: string;
  /** "running": batches still to bill; "stopped": marked running, but nobody is billing it; "finished". */
  state: "running" | "stopped" | "finished";
  startedAt: Date;
  finishedAt: Date | null;
  startedBy: string;
  startedByName: string | null;
  /** Null for a run that has not recorded its size yet (or one from before migration 0027). */
  accountsTotal: number | null;
  accountsDone: number;
  batchesTotal: number | null;
  batchesDone: number;
  /** From the start to the end, or to now while it runs. */
  elapsedSeconds: number;
  totals: BillingTotals | null;
}

export async function getBillingRun(
  deps: Deps,
  options: { actor: Actor; runId: number },
): Promise<BillingRunProgress> {
  const { db } = deps.database;
  let run = await readRun(deps, options.runId);
  if (!run) throw new AppError("not_found");
  // Another provider's run is "not found"; the provider's operator is refused (403).
  const provider = await authorizeBilling(deps, { actor: options.actor, provider: run.provider_id });
  const period = periodOf(run.period);
  let state: BillingRunProgress["state"] = run.status === "finished" ? "finished" : "running";
  if (state === "running" && !(await billingLockHeld(deps, run.provider_id, period))) {
    run = (await readRun(deps, options.runId)) ?? run;
    state = run.status === "finished" ? "finished" : "stopped";
  }
  const done = await db
    .selectFrom("billing_run_batches")
    .select([
      sql<number>`count(*)::int`.as("batches"),
      sql<number>`coalesce(sum(accounts), 0)::int`.as("accounts"),
    ])
    .where("run_id", "=", run.id)
    .executeTakeFirstOrThrow();
  const starter = starterUserId(run.started_by);
  const startedByName = starter
    ? ((await db.selectFrom("users").select("full_name").where("id", "=", starter).executeTakeFirst())
        ?.full_name ?? null)
    : null;
  const end = run.finished_at ?? deps.now();
  return {
    id: run.id,
    providerId: run.provider_id,
    providerCode: provider.code,
    period,
    state,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    startedBy: run.started_by,
    startedByName,
    accountsTotal: run.accounts_total,
    accountsDone: done.accounts,
    batchesTotal: run.batches_total,
    batchesDone: done.batches,
    elapsedSeconds: Math.max(0, Math.round((end.getTime() - run.started_at.getTime()) / 1000)),
    totals: run.totals as BillingTotals | null,
  };
}

function readRun(deps: Deps, runId: number) {
  return deps.database.db
    .selectFrom("billing_runs")
    .select([
      "id",
      "provider_id",
      "period",
      "status",
      "started_at",
      "finished_at",
      "started_by",
      "totals",
      "accounts_total",
      "batches_total",
    ])
    .where("id", "=", runId)
    .executeTakeFirst();
}

/** Whether some session holds the run's advisory lock (bill-period.ts takes it for the whole run). */
async function billingLockHeld(deps: Deps, providerId: number, period: string): Promise<boolean> {
  const key = providerId * 1_000_000 + Number(period.replace("-", ""));
  const { rows } = await sql<{ held: boolean }>`
    select exists (
      select 1 from pg_locks
      where locktype = 'advisory' and granted and objsubid = 2
        and classid = hashtext(current_schema() || '/abonent.billing')::oid and objid = ${key}::int::oid
    ) as held`.execute(deps.database.db);
  return rows[0]?.held ?? false;
}
