import type { Generated, Selectable } from "kysely";
import type { Channel, ServiceCode } from "./reference.table.ts";

export interface MetersTable {
  account_id: number;
  id: Generated<number>;
  provider_id: number;
  service_code: ServiceCode;
  serial: string;
  zones: Generated<number>;
  digits: number;
  decimals: Generated<number>;
  verification_due: string | null;
  installed_on: string;
  removed_on: string | null;
  replaces_meter_id: number | null;
}
export type Meter = Selectable<MetersTable>;

export type ReadingKind = "initial" | "regular" | "final";
export type ReadingStatus = "accepted" | "pending_review" | "rejected" | "superseded";

export interface ReadingsTable {
  account_id: number;
  id: Generated<number>;
  provider_id: number;
  meter_id: number;
  zone: Generated<number>;
  /** numeric(12,3) as text: exact. */
  value: string;
  kind: Generated<ReadingKind>;
  taken_at: Date;
  submitted_at: Generated<Date>;
  deemed_on: string;
  period: string;
  channel: Channel;
  actor_user_id: number | null;
  submission_id: string;
  receipt: string;
  raw_input: string | null;
  status: ReadingStatus;
  review_reason: string | null;
  corrects_reading_id: number | null;
  /** Who accepted or rejected it under review, and when (migration 0024). */
  reviewed_by: number | null;
  reviewed_at: Date | null;
  /** A rejection's reason, as the resident reads it. */
  review_note: string | null;
}
export type Reading = Selectable<ReadingsTable>;
