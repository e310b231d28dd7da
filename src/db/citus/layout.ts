// Where every table of the schema lives on a Citus cluster (docs/scale-out.md). `abonent migrate` applies it on a
// database with the citus extension (distribute.ts); a test on plain PostgreSQL checks that every table the
// migrations make is placed here, so a new table cannot be forgotten.

export type Placement =
  /** Split into shards by `column`; `colocateWith` names the table whose shards it shares ("none": its own). */
  | { kind: "distributed"; column: string; colocateWith: string }
  /** A full copy on every node: small, read everywhere, joined to the distributed tables. */
  | { kind: "reference" }
  /** On the coordinator only: per person, per file or per process; never joined to an account's shard. */
  | { kind: "local" };

const byAccount = (column = "account_id"): Placement => ({
  kind: "distributed",
  column,
  colocateWith: "accounts",
});
const reference: Placement = { kind: "reference" };
const local: Placement = { kind: "local" };

export const CITUS_LAYOUT: Readonly<Record<string, Placement>> = {
  // An account and everything of it, together on one shard.
  accounts: { kind: "distributed", column: "id", colocateWith: "default" },
  meters: byAccount(),
  readings: byAccount(),
  register_states: byAccount(),
  ledger_entries: byAccount(),
  billed_usage: byAccount(),
  planned_payments: byAccount(),
  user_accounts: byAccount(),
  payment_orders: byAccount(),
  // The contact centre's notes on an account, read on the account's page.
  account_notes: byAccount(),
  // Lookups by a key that is not the account: one shard each, then the account's own.
  account_numbers: { kind: "distributed", column: "number_normalized", colocateWith: "none" },
  payment_order_lookup: { kind: "distributed", column: "order_id", colocateWith: "none" },
  // The distinct holder names and streets finding an account searches by similarity (migration 0023): small, and
  // joined back to the accounts and premises by equality.
  account_holder_names: reference,
  premise_streets: reference,

  services: reference,
  settlements: reference,
  providers: reference,
  provider_hours: reference,
  provider_hours_exceptions: reference,
  provider_news: reference,
  provider_services: reference,
  submission_windows: reference,
  tariffs: reference,
  tariff_blocks: reference,
  tariff_zones: reference,
  registry_sources: reference,
  // Shared by the accounts of one dwelling at several providers.
  premises: reference,
  // Read by the readings' trigger on every shard (is a run of this provider in progress?) and joined to the
  // accounts when a run resumes.
  billing_runs: reference,
  billing_run_batches: reference,
  closed_periods: reference,
  demo_region: reference,
  // A few dozen aggregates per provider-month, read by the console (migration 0028).
  monthly_statistics: reference,

  // People and their sign-in: looked up by login, session or token on the coordinator, never by account.
  users: local,
  identities: local,
  staff_roles: local,
  sessions: local,
  api_tokens: local,
  staff_invitations: local,
  user_totp: local,
  recovery_codes: local,
  sign_in_challenges: local,
  one_time_codes: local,
  outbox: local,
  server_secrets: local,
  idempotency_keys: local,
  rate_limits: local,
  // Append-only trails, most rows with no account (staff actions, callbacks naming no order).
  audit_log: local,
  payment_callbacks: local,
  // A registry file and its lines are read per file.
  payment_registries: local,
  registry_lines: local,
  // The bots' chats: looked up by platform and chat id, each tied to a person, not an account (migration 0030).
  chat_bots: local,
  bot_updates: local,
  conversations: local,
  conversation_messages: local,
  chat_link_codes: local,
  // Inbound SMS an aggregator delivered, looked up by its gateway and message id (migration 0031).
  sms_inbound: local,
  // Who was told of what, per person (migration 0032).
  notifications: local,
  // The voice bot's calls, by the PBX's call id (migration 0033).
  voice_calls: local,
  voice_recognitions: local,
  // Partners and what they took, by the partner's own transaction id (migration 0034). A payment's ledger entry is
  // on its account's shard; the partner's record of it is looked up by the partner's id, never by account.
  partners: local,
  partner_providers: local,
  partner_keys: local,
  partner_signatures: local,
  partner_payments: local,
  partner_day_totals: local,
  partner_reconciliations: local,
  partner_reconciliation_lines: local,
  schema_migrations: local,
};

/**
 * Foreign keys Citus cannot keep: from a distributed table to a table on the coordinator. The column is still
 * written only from a row the same transaction read (the signed-in person), as the billing tables' are.
 */
export const CITUS_DROPPED_FOREIGN_KEYS: readonly string[] = [
  "user_accounts_user_id_fkey",
  "readings_actor_user_id_fkey",
  "account_notes_author_user_id_fkey",
];

/**
 * Triggers Citus cannot run, and what takes their place there, each swap made once (when its first new object is
 * missing). Citus plans no query over a statement trigger's transition table: the ledger's references, checked
 * once per statement, become foreign keys again (the ledger, the accounts and the reference tables they point at
 * are all distributed or replicated); the readings' and the users' statement triggers give way to row triggers
 * (migration 0019). Emptying the readings (tests, never the application) leaves the states to whoever empties them.
 */
export interface TriggerSwap {
  table: string;
  drop: readonly string[];
  /** Name and statement of each trigger or constraint made in their place. */
  create: readonly (readonly [string, string])[];
}

export const CITUS_TRIGGER_SWAPS: readonly TriggerSwap[] = [
  {
    table: "ledger_entries",
    drop: ["ledger_entries_references"],
    create: [
      ["ledger_entries_account_id_fkey", "foreign key (account_id) references accounts (id)"],
      ["ledger_entries_provider_id_fkey", "foreign key (provider_id) references providers (id)"],
      ["ledger_entries_service_code_fkey", "foreign key (service_code) references services (code)"],
    ],
  },
  { table: "accounts", drop: ["accounts_ledger_entries"], create: [] },
  // The search's names and streets (migration 0023) are kept by statement triggers too; on Citus they go, and the
  // two tables are refreshed from the accounts and premises instead (not built yet: docs/console.md).
  { table: "accounts", drop: ["account_holder_names_insert", "account_holder_names_update"], create: [] },
  { table: "premises", drop: ["premise_streets_insert", "premise_streets_update"], create: [] },
  { table: "providers", drop: ["providers_ledger_entries"], create: [] },
  { table: "services", drop: ["services_ledger_entries"], create: [] },
  {
    table: "readings",
    drop: [
      "readings_register_states_insert",
      "readings_register_states_update",
      "readings_register_states_delete",
      "readings_register_states_truncate",
    ],
    create: [
      [
        "readings_register_states_row",
        "after insert or update or delete on readings for each row execute function readings_note_register_state_row()",
      ],
    ],
  },
  {
    table: "users",
    drop: ["users_login_identities_insert", "users_login_identities_update"],
    create: [
      [
        "users_login_identities_row",
        "after insert or update on users for each row execute function users_login_identity_row()",
      ],
    ],
  },
];
