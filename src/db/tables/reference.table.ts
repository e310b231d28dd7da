import type { Generated, Selectable } from "kysely";

export interface ServicesTable {
  code: ServiceCode;
  unit: "kWh" | "m3" | "Gcal";
  name_uk: string;
  name_ru: string;
  name_en: string;
  position: number;
}
export type ServiceCode = "electricity" | "cold_water" | "hot_water" | "gas" | "heating" | "sewerage";

export interface SettlementsTable {
  id: Generated<number>;
  code: string;
  name_uk: string;
  name_ru: string;
  name_en: string;
  spoken_aliases: Generated<string[]>;
}
export type Settlement = Selectable<SettlementsTable>;

export type Channel =
  | "web"
  | "api"
  | "voice"
  | "viber"
  | "telegram"
  | "facebook"
  | "sms"
  | "bank"
  | "contact_centre"
  | "import";

export interface ProvidersTable {
  id: Generated<number>;
  code: string;
  name_uk: string;
  name_ru: string;
  name_en: string;
  edrpou: string;
  iban: string;
  contact_phones: Generated<string[]>;
  channels: Generated<Channel[]>;
  /** The heating season's first and last days, MM-DD, both included (across the new year). */
  heating_season_starts: Generated<string>;
  heating_season_ends: Generated<string>;
  created_at: Generated<Date>;
}
export type Provider = Selectable<ProvidersTable>;

export interface ProviderHoursTable {
  provider_id: number;
  line: "contact_centre" | "voice";
  weekday: number;
  opens: string;
  closes: string;
}

/** A day on which a line keeps other hours than its weekday's, or is closed (opens and closes null). */
export interface ProviderHoursExceptionsTable {
  provider_id: number;
  day: string;
  line: "contact_centre" | "voice";
  opens: string | null;
  closes: string | null;
  note_uk: Generated<string>;
  note_ru: Generated<string>;
  note_en: Generated<string>;
}

export interface ProviderServicesTable {
  provider_id: number;
  service_code: ServiceCode;
  settlement_id: number;
}

export interface SubmissionWindowsTable {
  id: Generated<number>;
  provider_id: number;
  service_code: ServiceCode;
  settlement_id: number | null;
  opens_day: number;
  closes_day: number;
  deemed_date_rule: Generated<"submission_day" | "first_of_month">;
  late_policy: Generated<"refuse" | "next_period">;
  rule_source: Generated<string>;
  effective_from: Generated<string>;
}
export type SubmissionWindowRow = Selectable<SubmissionWindowsTable>;
