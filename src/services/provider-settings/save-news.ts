// An administrator writes a news item for the provider's residents, or edits one: its kind, when it appears (now,
// or later: scheduled), when it disappears (never, or at an expiry), its title and text. Ukrainian is required;
// a Russian or English text left empty is stored as the Ukrainian one, so a reader in any language sees the
// item rather than nothing (the cabinet shows one language at a time).
import type { NewsKind } from "../../db/tables/news.table.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { findProviderNews, NEWS_COLUMNS, type ProviderNewsItem, toNewsItem } from "./news-item.ts";

export interface NewsText {
  uk: string;
  ru?: string | undefined;
  en?: string | undefined;
}

export interface SaveNewsOptions {
  actor: Actor;
  provider: string;
  /** The item to edit; absent: a new item. */
  id?: number | undefined;
  kind: NewsKind;
  publishedAt: string;
  expiresAt?: string | null | undefined;
  title: NewsText;
  body: NewsText;
}

function instant(text: string, field: string): Date {
  const at = new Date(text);
  if (Number.isNaN(at.getTime()))
    throw new AppError("validation_failed", { details: `${field}: date-time` }, { field, rule: "date-time" });
  return at;
}

const WHAT = {
  title: { uk: "заголовок", ru: "заголовок", en: "title" },
  body: { uk: "текст", ru: "текст", en: "text" },
};

/** The three languages, trimmed; an empty Russian or English text falls back to the Ukrainian one. */
function texts(t: NewsText, what: "title" | "body") {
  const uk = t.uk.trim();
  if (uk === "") throw new AppError("news_text_missing", { what: WHAT[what] }, { field: `${what}.uk` });
  return { uk, ru: t.ru?.trim() || uk, en: t.en?.trim() || uk };
}

export async function saveNews(deps: Deps, o: SaveNewsOptions): Promise<ProviderNewsItem> {
  const provider = await findProviderForActor(deps, o.actor, o.provider);
  if (o.id !== undefined && !(await findProviderNews(deps, provider.id, o.id)))
    throw new AppError("not_found");
  const publishedAt = instant(o.publishedAt, "publishedAt");
  const expiresAt = o.expiresAt ? instant(o.expiresAt, "expiresAt") : null;
  if (expiresAt && expiresAt.getTime() <= publishedAt.getTime())
    throw new AppError("news_expiry_before_publication", {}, { field: "expiresAt" });
  const title = texts(o.title, "title");
  const body = texts(o.body, "body");
  const values = {
    kind: o.kind,
    published_at: publishedAt,
    expires_at: expiresAt,
    title_uk: title.uk,
    title_ru: title.ru,
    title_en: title.en,
    body_uk: body.uk,
    body_ru: body.ru,
    body_en: body.en,
  };
  const { db } = deps.database;
  const row =
    o.id === undefined
      ? await db
          .insertInto("provider_news")
          .values({ provider_id: provider.id, ...values })
          .returning(NEWS_COLUMNS)
          .executeTakeFirstOrThrow()
      : await db
          .updateTable("provider_news")
          .set({ ...values, updated_at: deps.now() })
          .where("id", "=", o.id)
          .where("provider_id", "=", provider.id)
          .returning(NEWS_COLUMNS)
          .executeTakeFirstOrThrow();
  return toNewsItem(row, deps.now());
}
