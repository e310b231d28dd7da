import type { Generated, Selectable } from "kysely";
import type { ReminderChannel } from "../../domain/reminder-channel.ts";

export interface PremisesTable {
  id: Generated<number>;
  settlement_id: number;
  street: string;
  building: string;
  apartment: string | null;
  postal_code: string | null;
  area_m2: string;
  residents: Generated<number>;
}

export interface AccountsTable {
  id: Generated<number>;
  provider_id: number;
  number: string;
  number_normalized: string;
  premise_id: number;
  holder_name: string;
  opened_on: string;
  closed_on: string | null;
  created_at: Generated<Date>;
}
export type Account = Selectable<AccountsTable>;

/** An account's number, unique per provider (migration 0019): the key lookups by number go through. */
export interface AccountNumbersTable {
  number_normalized: string;
  provider_id: number;
  account_id: number;
}

export type Locale = "uk" | "ru" | "en";

export interface UsersTable {
  id: Generated<number>;
  email: string | null;
  phone: string | null;
  full_name: string;
  password_hash: string | null;
  locale: Generated<Locale>;
  created_at: Generated<Date>;
  /** Where reminders go; null until the person chooses (migration 0020, domain/reminder-channel.ts). */
  reminder_channel: ReminderChannel | null;
  /** The last time they signed in (migration 0022); null if never. */
  last_signed_in_at: Generated<Date | null>;
  /** A resident known only by a messenger chat (migration 0030): no e-mail or phone. */
  chat_only: Generated<boolean>;
  /** A provider's voice line acting as a user of its own: never signs in (migration 0033). */
  robot: Generated<string | null>;
}
export type User = Selectable<UsersTable>;

export type { ReminderChannel };

export interface UserAccountsTable {
  account_id: number;
  user_id: number;
  provider_id: number;
  linked_at: Generated<Date>;
}

export type StaffRole = "operator" | "administrator" | "platform_admin";
export interface StaffRolesTable {
  user_id: number;
  provider_id: number | null;
  role: StaffRole;
}
