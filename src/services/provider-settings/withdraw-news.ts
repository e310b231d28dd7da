// An administrator takes a news item down. One residents have already seen ends now (its expiry set to this
// moment, so the record of what was said stays in the administrator's list); one still scheduled has never been
// shown, so it is simply deleted. An item already expired stays as it is.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { findProviderNews, newsState } from "./news-item.ts";

export interface WithdrawNewsResult {
  id: number;
  /** "expired": it ends now (or had already ended); "deleted": it was never shown and is gone. */
  outcome: "expired" | "deleted";
}

export async function withdrawNews(
  deps: Deps,
  o: { actor: Actor; provider: string; id: number },
): Promise<WithdrawNewsResult> {
  const provider = await findProviderForActor(deps, o.actor, o.provider);
  const item = await findProviderNews(deps, provider.id, o.id);
  if (!item) throw new AppError("not_found");
  const now = deps.now();
  const state = newsState(item.published_at, item.expires_at, now);
  const { db } = deps.database;
  // Published this very instant counts as never shown (an expiry must come after the publication).
  if (state === "scheduled" || item.published_at.getTime() >= now.getTime()) {
    await db
      .deleteFrom("provider_news")
      .where("id", "=", o.id)
      .where("provider_id", "=", provider.id)
      .execute();
    return { id: o.id, outcome: "deleted" };
  }
  if (state === "published")
    await db
      .updateTable("provider_news")
      .set({ expires_at: now, updated_at: now })
      .where("id", "=", o.id)
      .where("provider_id", "=", provider.id)
      .execute();
  return { id: o.id, outcome: "expired" };
}
