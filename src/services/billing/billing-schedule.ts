// A provider's billing schedule as its administrator sees and sets it: a cron expression in Kyiv time, kept by the
// job queue (billing-schedule-store.ts). Each tick bills the month before (jobs/billing-job.ts).
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { authorizeBilling } from "./authorize-billing.ts";
import type { BillingSchedule, BillingScheduleStore } from "./billing-schedule-store.ts";

export interface BillingScheduleView {
  /** False: this process runs no job queue, so the schedule can be neither read nor set here. */
  available: boolean;
  schedule: BillingSchedule | null;
}

export async function getBillingSchedule(
  deps: Deps,
  options: { actor: Actor; provider: string | number },
): Promise<BillingScheduleView> {
  const provider = await authorizeBilling(deps, options);
  if (!deps.billingSchedules) return { available: false, schedule: null };
  return { available: true, schedule: await deps.billingSchedules.get(provider.code) };
}

export async function setBillingSchedule(
  deps: Deps,
  options: { actor: Actor; provider: string | number; cron: string | null },
): Promise<BillingScheduleView> {
  const provider = await authorizeBilling(deps, options);
  const cron = options.cron === null ? null : options.cron.trim().replace(/\s+/g, " ");
  // A malformed expression is the caller's mistake whether or not this server runs the queue.
  if (cron !== null && !/^\S+( \S+){4}$/.test(cron)) {
    throw new AppError(
      "billing_schedule_invalid",
      { cron, reason: "five fields are expected: minute hour day month weekday" },
      { field: "cron" },
    );
  }
  const store: BillingScheduleStore | undefined = deps.billingSchedules;
  if (!store) throw new AppError("billing_schedule_unavailable");
  try {
    await store.set(provider.code, cron);
  } catch (e) {
    // The queue checks each field's values ("0 3 32 * *" has no 32nd day); a database error has a code.
    if ((e as { code?: unknown }).code !== undefined || cron === null) throw e;
    throw new AppError("billing_schedule_invalid", { cron, reason: (e as Error).message }, { field: "cron" });
  }
  return { available: true, schedule: await store.get(provider.code) };
}
