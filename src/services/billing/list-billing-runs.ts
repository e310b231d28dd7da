// A provider's billing runs, newest period first: finished ones with the totals they reported, and any still
// running (or stopped half-way, to be taken over by the next run).
import { periodOf } from "../../domain/period.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { authorizeBilling } from "./authorize-billing.ts";
import type { BillingTotals } from "./billing-totals.ts";

export interface BillingRunView {
  id: number;
  providerId: number;
  period: string;
  status: "running" | "finished";
  startedAt: Date;
  finishedAt: Date | null;
  /** "cli", "scheduler" or "user:<id>". */
  startedBy: string;
  totals: BillingTotals | null;
}

export async function listBillingRuns(
  deps: Deps,
  options: { actor: Actor; provider: string | number; limit?: number },
): Promise<BillingRunView[]> {
  const provider = await authorizeBilling(deps, options);
  const rows = await deps.database.db
    .selectFrom("billing_runs")
    .select(["id", "provider_id", "period", "status", "started_at", "finished_at", "started_by", "totals"])
    .where("provider_id", "=", provider.id)
    .orderBy("period", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    providerId: r.provider_id,
    period: periodOf(r.period),
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    startedBy: r.started_by,
    totals: r.totals as BillingTotals | null,
  }));
}
