// What every use case receives: the database and the clock (a parameter, so tests can stand at any instant),
// and, when composed for a running installation (compose.ts), the payment gateways, the app's own address and
// the logger. Tests build the bare part with makeDeps; the HTTP app adds the rest from its configuration.
import type { Logger } from "pino";
import type { Database } from "../db/database.ts";
import type { BillingScheduleStore } from "./billing/billing-schedule-store.ts";
import type { PaymentGateways } from "./payments/gateway.ts";

export interface Deps {
  database: Database;
  now(): Date;
  /** The enabled card gateways by name; absent: not composed (payments are then unavailable). */
  gateways?: PaymentGateways;
  /** The app's address as browsers and gateways reach it, from the configuration (never from a request). */
  appUrl?: string;
  log?: Logger;
  /** The job queue's billing schedules (pg-boss, where `abonent serve` runs it); absent: schedules unavailable. */
  billingSchedules?: BillingScheduleStore;
}

/** What the payment services need: the deps with the gateways composed. */
export type PaymentDeps = Deps & { gateways: PaymentGateways };

export function makeDeps(database: Database, now: () => Date = () => new Date()): Deps {
  return { database, now };
}
