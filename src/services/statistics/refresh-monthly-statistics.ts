// Recomputes a month's statistics and stores them: a provider's rows for the month replaced in one transaction,
// so a reader sees the old figures or the new, never half. The nightly job calls it for every provider; an
// administrator's "refresh now" for their own.

import { sql } from "kysely";
import type { Period } from "../../domain/period.ts";
import { firstDay } from "../../domain/period.ts";
import type { ProviderRef } from "../billing/find-provider.ts";
import type { Deps } from "../deps.ts";
import { computeMonthlyStatistics } from "./compute-monthly-statistics.ts";
import { checkNotAhead, currentPeriod } from "./statistics-periods.ts";

export interface RefreshedStatistics {
  period: Period;
  computedAt: Date;
  providers: { code: string; rows: number }[];
}

export async function refreshMonthlyStatistics(
  deps: Deps,
  o: { providers: ProviderRef[]; period: Period },
): Promise<RefreshedStatistics> {
  checkNotAhead(o.period, deps.now(), "period");
  const computedAt = deps.now();
  const done: RefreshedStatistics["providers"] = [];
  for (const provider of o.providers) {
    done.push({ code: provider.code, rows: await refreshOne(deps, provider.id, o.period, computedAt) });
  }
  return { period: o.period, computedAt, providers: done };
}

async function refreshOne(deps: Deps, providerId: number, period: Period, computedAt: Date): Promise<number> {
  const rows = await computeMonthlyStatistics(deps.database.db, providerId, period);
  const month = firstDay(period);
  const past = period < currentPeriod(deps.now());
  await deps.database.db.transaction().execute(async (trx) => {
    // One refresh of a provider at a time (the nightly job and a click of "recount now"): the second waits,
    // then replaces what the first stored, instead of both inserting the same keys.
    await sql`select pg_advisory_xact_lock(hashtext('abonent.monthly_statistics'), ${providerId}::int)`.execute(
      trx,
    );
    // Sign-ins are read from live sessions, which housekeeping deletes 30 days after they began: recounting a
    // past month finds fewer of them than the count stored while they lived, never more. A past month's active
    // residents therefore keep the larger of the two (readings and payments, kept for good, only add).
    if (past) {
      const before = await trx
        .selectFrom("monthly_statistics")
        .select(["channel", "value"])
        .where("provider_id", "=", providerId)
        .where("period", "=", month)
        .where("metric", "=", "active_residents")
        .forUpdate()
        .execute();
      for (const old of before) {
        const now = rows.find((r) => r.metric === "active_residents" && r.channel === old.channel);
        if (now) now.value = Math.max(now.value, old.value);
        else
          rows.push({ metric: "active_residents", channel: old.channel, value: old.value, amountKop: null });
      }
    }
    await trx
      .deleteFrom("monthly_statistics")
      .where("provider_id", "=", providerId)
      .where("period", "=", month)
      .execute();
    if (rows.length === 0) return;
    await trx
      .insertInto("monthly_statistics")
      .values(
        rows.map((r) => ({
          provider_id: providerId,
          period: month,
          metric: r.metric,
          channel: r.channel,
          value: r.value,
          amount_kop: r.amountKop,
          computed_at: computedAt,
        })),
      )
      .execute();
  });
  return rows.length;
}
