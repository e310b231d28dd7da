import type { Generated, Selectable } from "kysely";

export interface SessionsTable {
  id: Generated<number>;
  /** sha256 hex of the token: the token itself is never stored. */
  token_hash: string;
  user_id: number;
  created_at: Generated<Date>;
  expires_at: Date;
  last_seen_at: Generated<Date>;
  user_agent: string | null;
}
export type Session = Selectable<SessionsTable>;

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  /** "abt_" and the token's next 4 characters, shown to the owner. */
  prefix: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}
export type ApiToken = Selectable<ApiTokensTable>;
