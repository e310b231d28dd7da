// Every table of the database, as Kysely sees it. Column types follow the type parsers in connect.ts:
// bigint → number (guarded), numeric → exact string, date → "YYYY-MM-DD", timestamptz → Date.

import type { AccountNotesTable } from "./tables/account-notes.table.ts";
import type { AccountHolderNamesTable, PremiseStreetsTable } from "./tables/account-search.table.ts";
import type { ApiTokensTable, SessionsTable } from "./tables/auth.table.ts";
import type {
  BilledUsageTable,
  BillingRunBatchesTable,
  BillingRunsTable,
  ClosedPeriodsTable,
  PlannedPaymentsTable,
  RegisterStatesTable,
} from "./tables/billing.table.ts";
import type {
  BotUpdatesTable,
  ChatBotsTable,
  ChatLinkCodesTable,
  ConversationMessagesTable,
  ConversationsTable,
} from "./tables/conversations.table.ts";
import type {
  IdentitiesTable,
  OneTimeCodesTable,
  OutboxTable,
  ServerSecretsTable,
} from "./tables/identity.table.ts";
import type { MetersTable, ReadingsTable } from "./tables/metering.table.ts";
import type {
  LedgerEntriesTable,
  TariffBlocksTable,
  TariffsTable,
  TariffZonesTable,
} from "./tables/money.table.ts";
import type { ProviderNewsTable } from "./tables/news.table.ts";
import type { NotificationsTable } from "./tables/notifications.table.ts";
import type {
  PartnerDayTotalsTable,
  PartnerKeysTable,
  PartnerPaymentsTable,
  PartnerProvidersTable,
  PartnerReconciliationLinesTable,
  PartnerReconciliationsTable,
  PartnerSignaturesTable,
  PartnersTable,
} from "./tables/partners.table.ts";
import type {
  PaymentCallbacksTable,
  PaymentOrderLookupTable,
  PaymentOrdersTable,
} from "./tables/payments.table.ts";
import type {
  AccountNumbersTable,
  AccountsTable,
  PremisesTable,
  StaffRolesTable,
  UserAccountsTable,
  UsersTable,
} from "./tables/people.table.ts";
import type {
  AuditLogTable,
  DemoRegionTable,
  IdempotencyKeysTable,
  RateLimitsTable,
} from "./tables/platform.table.ts";
import type {
  ProviderHoursExceptionsTable,
  ProviderHoursTable,
  ProviderServicesTable,
  ProvidersTable,
  ServicesTable,
  SettlementsTable,
  SubmissionWindowsTable,
} from "./tables/reference.table.ts";
import type {
  PaymentRegistriesTable,
  RegistryLinesTable,
  RegistrySourcesTable,
} from "./tables/registries.table.ts";
import type { SmsInboundTable } from "./tables/sms.table.ts";
import type {
  RecoveryCodesTable,
  SignInChallengesTable,
  StaffInvitationsTable,
  UserTotpTable,
} from "./tables/staff-access.table.ts";
import type { MonthlyStatisticsTable } from "./tables/statistics.table.ts";
import type { VoiceCallsTable, VoiceRecognitionsTable } from "./tables/voice.table.ts";

export interface Schema {
  services: ServicesTable;
  settlements: SettlementsTable;
  providers: ProvidersTable;
  provider_hours: ProviderHoursTable;
  provider_hours_exceptions: ProviderHoursExceptionsTable;
  provider_services: ProviderServicesTable;
  submission_windows: SubmissionWindowsTable;
  premises: PremisesTable;
  accounts: AccountsTable;
  account_numbers: AccountNumbersTable;
  account_holder_names: AccountHolderNamesTable;
  premise_streets: PremiseStreetsTable;
  users: UsersTable;
  user_accounts: UserAccountsTable;
  staff_roles: StaffRolesTable;
  meters: MetersTable;
  readings: ReadingsTable;
  tariffs: TariffsTable;
  tariff_blocks: TariffBlocksTable;
  tariff_zones: TariffZonesTable;
  ledger_entries: LedgerEntriesTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
  demo_region: DemoRegionTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  billing_runs: BillingRunsTable;
  billing_run_batches: BillingRunBatchesTable;
  closed_periods: ClosedPeriodsTable;
  billed_usage: BilledUsageTable;
  planned_payments: PlannedPaymentsTable;
  register_states: RegisterStatesTable;
  payment_orders: PaymentOrdersTable;
  payment_order_lookup: PaymentOrderLookupTable;
  payment_callbacks: PaymentCallbacksTable;
  registry_sources: RegistrySourcesTable;
  payment_registries: PaymentRegistriesTable;
  registry_lines: RegistryLinesTable;
  identities: IdentitiesTable;
  one_time_codes: OneTimeCodesTable;
  server_secrets: ServerSecretsTable;
  outbox: OutboxTable;
  staff_invitations: StaffInvitationsTable;
  user_totp: UserTotpTable;
  recovery_codes: RecoveryCodesTable;
  sign_in_challenges: SignInChallengesTable;
  provider_news: ProviderNewsTable;
  monthly_statistics: MonthlyStatisticsTable;
  account_notes: AccountNotesTable;
  chat_bots: ChatBotsTable;
  bot_updates: BotUpdatesTable;
  conversations: ConversationsTable;
  conversation_messages: ConversationMessagesTable;
  chat_link_codes: ChatLinkCodesTable;
  notifications: NotificationsTable;
  sms_inbound: SmsInboundTable;
  voice_calls: VoiceCallsTable;
  voice_recognitions: VoiceRecognitionsTable;
  partners: PartnersTable;
  partner_providers: PartnerProvidersTable;
  partner_keys: PartnerKeysTable;
  partner_signatures: PartnerSignaturesTable;
  partner_payments: PartnerPaymentsTable;
  partner_day_totals: PartnerDayTotalsTable;
  partner_reconciliations: PartnerReconciliationsTable;
  partner_reconciliation_lines: PartnerReconciliationLinesTable;
}
