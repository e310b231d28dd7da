// The billing schedules' store over pg-boss (services/billing/billing-schedule-store.ts): the same cron schedules
// `abonent schedule billing` sets, so the console, the command line and every server process see one schedule.
import type PgBoss from "pg-boss";
import type { BillingScheduleStore } from "../services/billing/billing-schedule-store.ts";
import { billingSchedules, setBillingSchedule } from "./billing-job.ts";

export function bossBillingSchedules(boss: PgBoss): BillingScheduleStore {
  return {
    async get(providerCode) {
      const found = (await billingSchedules(boss)).find((s) => s.provider === providerCode);
      return found ? { cron: found.cron, timezone: found.timezone } : null;
    },
    set: (providerCode, cron) => setBillingSchedule(boss, providerCode, cron),
  };
}
