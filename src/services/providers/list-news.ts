// The news of the providers a person deals with (visible-providers.ts), newest first: tariff changes, payment
// information, the contact centre's weekend and holiday schedule, energy-saving tips. Each item in the three
// languages, with its provider, so every channel shows it in the reader's own.
import type { NewsKind } from "../../db/tables/news.table.ts";
import type { Translated } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { visibleProviderIds } from "./visible-providers.ts";

export interface NewsItem {
  id: number;
  provider: { id: number; code: string; name: Translated };
  kind: NewsKind;
  publishedAt: string;
  title: Translated;
  body: Translated;
}

export async function listNews(
  deps: Deps,
  options: { actor: Actor; limit: number; kind?: NewsKind | undefined },
): Promise<NewsItem[]> {
  const ids = await visibleProviderIds(deps, options.actor);
  const now = deps.now();
  let q = deps.database.db
    .selectFrom("provider_news as n")
    .innerJoin("providers as p", "p.id", "n.provider_id")
    .select([
      "n.id",
      "n.kind",
      "n.published_at",
      "n.title_uk",
      "n.title_ru",
      "n.title_en",
      "n.body_uk",
      "n.body_ru",
      "n.body_en",
      "p.id as provider_id",
      "p.code",
      "p.name_uk",
      "p.name_ru",
      "p.name_en",
    ])
    // Not yet published: an item the console schedules for later stays hidden until its time.
    .where("n.published_at", "<=", now)
    // Expired: a holiday schedule that is over, an item an administrator withdrew.
    .where((eb) => eb.or([eb("n.expires_at", "is", null), eb("n.expires_at", ">", now)]));
  if (ids !== null) q = q.where("n.provider_id", "in", ids);
  if (options.kind) q = q.where("n.kind", "=", options.kind);
  const rows = await q
    .orderBy("n.published_at", "desc")
    .orderBy("n.id", "desc")
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    provider: { id: r.provider_id, code: r.code, name: { uk: r.name_uk, ru: r.name_ru, en: r.name_en } },
    kind: r.kind,
    publishedAt: r.published_at.toISOString(),
    title: { uk: r.title_uk, ru: r.title_ru, en: r.title_en },
    body: { uk: r.body_uk, ru: r.body_ru, en: r.body_en },
  }));
}
