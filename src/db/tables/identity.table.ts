import type { Generated, JSONColumnType, Selectable } from "kysely";
import type { Locale } from "./people.table.ts";

/** How a person is reached and recognised: a login (e-mail, phone), a bot chat, a caller number. */
export type IdentityKind = "email" | "phone" | "telegram" | "viber" | "messenger" | "caller";

export interface IdentitiesTable {
  id: Generated<number>;
  user_id: number;
  kind: IdentityKind;
  /** Normalized: e-mail lower-cased, phone and caller "+380…", chat ids as the platform gives them. */
  external_id: string;
  verified_at: Date | null;
  created_at: Generated<Date>;
}
export type Identity = Selectable<IdentitiesTable>;

export type CodePurpose = "sign_up" | "sign_in" | "link_chat" | "reset_password" | "add_identity";

export interface OneTimeCodesTable {
  id: Generated<number>;
  purpose: CodePurpose;
  kind: IdentityKind;
  external_id: string;
  /** HMAC-SHA256 hex of the code: the code itself is never stored. */
  code_hash: string;
  user_id: number | null;
  payload: JSONColumnType<Record<string, unknown>> | null;
  tries: Generated<number>;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
}

/** The ways a message leaves: e-mail now, the others when their senders come. */
export type OutboxChannel = "email" | "sms" | "telegram" | "viber" | "messenger";

export interface OutboxTable {
  id: Generated<number>;
  channel: OutboxChannel;
  address: string;
  locale: Locale;
  template: string;
  subject: string | null;
  body: string;
  created_at: Date;
  sent_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** Held until then (quiet hours); null: at once. */
  not_before: Date | null;
  /** The notification this message carries; null for codes and the like. */
  notification_id: number | null;
}
export type OutboxMessage = Selectable<OutboxTable>;
