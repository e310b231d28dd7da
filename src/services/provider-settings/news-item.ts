// A news item as its provider's administrator sees it: the item itself, its publication and expiry times, and
// where it stands at this moment (scheduled, published, expired), which is what residents see of it.
import type { NewsKind } from "../../db/tables/news.table.ts";
import type { Translated } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";

export type NewsState = "scheduled" | "published" | "expired";

export interface ProviderNewsItem {
  id: number;
  kind: NewsKind;
  publishedAt: string;
  expiresAt: string | null;
  state: NewsState;
  title: Translated;
  body: Translated;
}

export const NEWS_COLUMNS = [
  "id",
  "provider_id",
  "kind",
  "published_at",
  "expires_at",
  "title_uk",
  "title_ru",
  "title_en",
  "body_uk",
  "body_ru",
  "body_en",
] as const;

interface NewsRow {
  id: number;
  kind: NewsKind;
  published_at: Date;
  expires_at: Date | null;
  title_uk: string;
  title_ru: string;
  title_en: string;
  body_uk: string;
  body_ru: string;
  body_en: string;
}

/** Scheduled until its publication time, published until its expiry (exclusive), expired after. */
export function newsState(publishedAt: Date, expiresAt: Date | null, now: Date): NewsState {
  if (publishedAt.getTime() > now.getTime()) return "scheduled";
  if (expiresAt !== null && expiresAt.getTime() <= now.getTime()) return "expired";
  return "published";
}

export function toNewsItem(r: NewsRow, now: Date): ProviderNewsItem {
  return {
    id: r.id,
    kind: r.kind,
    publishedAt: r.published_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    state: newsState(r.published_at, r.expires_at, now),
    title: { uk: r.title_uk, ru: r.title_ru, en: r.title_en },
    body: { uk: r.body_uk, ru: r.body_ru, en: r.body_en },
  };
}

/** A news item of the provider, or undefined (another provider's id is no different from a missing one). */
export async function findProviderNews(deps: Deps, providerId: number, id: number) {
  return deps.database.db
    .selectFrom("provider_news")
    .select(NEWS_COLUMNS)
    .where("id", "=", id)
    .where("provider_id", "=", providerId)
    .executeTakeFirst();
}
