import type { Generated, JSONColumnType } from "kysely";

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_user_id: number | null;
  provider_id: number | null;
  account_id: number | null;
  channel: string;
  action: string;
  details: JSONColumnType<
    Record<string, unknown>,
    Record<string, unknown> | undefined,
    Record<string, unknown>
  >;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  response: JSONColumnType<Record<string, unknown>> | null;
  created_at: Generated<Date>;
}

export interface RateLimitsTable {
  bucket: string;
  hits: number;
  window_ends_at: Date;
}

export interface DemoRegionTable {
  singleton: Generated<boolean>;
  seed: number;
  accounts: number;
  as_of: string;
  loaded_at: Generated<Date>;
}
