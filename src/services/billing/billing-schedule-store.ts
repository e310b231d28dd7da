// Where a provider's billing schedule is kept: pg-boss's cron schedules (jobs/billing-job.ts), which every server
// process shares. The use cases see it through this port, composed by `abonent serve` once the job queue runs; a
// process without the queue (a test app, a one-off command) has none, and the schedule is then "unavailable"
// rather than silently kept somewhere no scheduler reads.
export interface BillingSchedule {
  /** Five fields, minute hour day month weekday, in `timezone`. */
  cron: string;
  timezone: string;
}

export interface BillingScheduleStore {
  get(providerCode: string): Promise<BillingSchedule | null>;
  /** Sets (a cron expression, Kyiv time) or removes (null) the schedule; an impossible expression throws. */
  set(providerCode: string, cron: string | null): Promise<void>;
}
