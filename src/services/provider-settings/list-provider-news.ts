// Every news item of a provider for its administrators, newest publication first: the scheduled ones still ahead,
// the published ones, and the expired ones residents no longer see.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { NEWS_COLUMNS, type ProviderNewsItem, toNewsItem } from "./news-item.ts";

export async function listProviderNews(
  deps: Deps,
  options: { actor: Actor; provider: string; limit: number },
): Promise<ProviderNewsItem[]> {
  const provider = await findProviderForActor(deps, options.actor, options.provider);
  const rows = await deps.database.db
    .selectFrom("provider_news")
    .select(NEWS_COLUMNS)
    .where("provider_id", "=", provider.id)
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit)
    .execute();
  const now = deps.now();
  return rows.map((r) => toNewsItem(r, now));
}
