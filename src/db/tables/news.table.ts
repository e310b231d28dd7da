import type { Generated } from "kysely";

/** What a news item is about: how the cabinet labels it. */
export type NewsKind = "tariff" | "payment" | "schedule" | "energy_saving" | "general";

export interface ProviderNewsTable {
  id: Generated<number>;
  provider_id: number;
  kind: NewsKind;
  /** When residents start to see it: may lie ahead (scheduled). */
  published_at: Date;
  /** When residents stop seeing it; null: never. */
  expires_at: Date | null;
  title_uk: string;
  title_ru: string;
  title_en: string;
  body_uk: string;
  body_ru: string;
  body_en: string;
  created_at: Generated<Date>;
  updated_at: Date | null;
}
