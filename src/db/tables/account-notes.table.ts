import type { Generated, Selectable } from "kysely";

/** A staff member's note on an account (migration 0029): append-only, read by the provider's staff only. */
export interface AccountNotesTable {
  account_id: number;
  id: Generated<number>;
  provider_id: number;
  author_user_id: number;
  body: string;
  created_at: Date;
}
export type AccountNote = Selectable<AccountNotesTable>;
